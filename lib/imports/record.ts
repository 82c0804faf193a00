/**
 * A row's values keyed by field, built in one step from its entries. An object that is given its
 * keys one by one by computed name (`values[field] = v`) turns into a hash table in V8 once it has
 * more than about a dozen of them: a school row's 23 fields then cost ~1.5 kB each instead of
 * ~250 bytes, ~30 MB for a 20,000-row file at every stage that holds its rows (the read, the dry
 * run's prepared rows; issue 15, heap snapshots of bench-import). Object.fromEntries keeps the
 * compact form, and rows with the same columns share one shape.
 */
export function fieldRecord<V>(entries: [field: string, value: V][]): Record<string, V> {
  return Object.fromEntries(entries) as Record<string, V>;
}
