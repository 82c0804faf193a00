"use client";

import { useId, useMemo, useState } from "react";

export type SearchOption = { value: string; label: string; hint?: string };

/**
 * A keyboard-friendly "type to narrow, then pick" select for long lists: a search box filters a
 * listbox-sized native <select>, which submits as `name`. No custom ARIA widget to get wrong.
 */
export function SearchSelect({
  name,
  label,
  searchLabel,
  options,
  emptyText,
  defaultValue = "",
  invalid,
  describedBy,
}: {
  name: string;
  label: string;
  searchLabel: string;
  options: SearchOption[];
  emptyText: string;
  defaultValue?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = q ? options.filter((o) => `${o.label} ${o.hint ?? ""}`.toLowerCase().includes(q)) : options;
    // Keep the chosen option visible even when the search no longer matches it.
    const chosen = options.find((o) => o.value === value);
    return chosen && !hits.includes(chosen) ? [chosen, ...hits] : hits;
  }, [options, query, value]);
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-q`} className="block text-sm font-medium">
        {searchLabel}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="w-full rounded border border-slate-300 px-3 py-2"
        autoComplete="off"
      />
      <label htmlFor={`${id}-s`} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={`${id}-s`}
        name={name}
        size={Math.min(8, Math.max(3, shown.length + 1))}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="w-full rounded border border-slate-300 px-2 py-1"
      >
        <option value="">{shown.length ? "—" : emptyText}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.hint ? `${o.label}（${o.hint}）` : o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
