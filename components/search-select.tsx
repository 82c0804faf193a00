"use client";

import { useId, useMemo, useState } from "react";
import type { FieldIssue } from "./field-error-list";
import { SelectField, TextField } from "./form-field";

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
  issues,
}: {
  name: string;
  label: string;
  searchLabel: string;
  options: SearchOption[];
  emptyText: string;
  defaultValue?: string;
  issues?: FieldIssue[];
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const hits = needle ? options.filter((option) => `${option.label} ${option.hint ?? ""}`.toLowerCase().includes(needle)) : options;
    // Keep the chosen option visible even when the search no longer matches it.
    const chosen = options.find((option) => option.value === value);
    return chosen && !hits.includes(chosen) ? [chosen, ...hits] : hits;
  }, [options, query, value]);
  return (
    <div className="space-y-1">
      <TextField id={`${id}-q`} label={searchLabel} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      <SelectField
        id={`${id}-s`}
        name={name}
        label={label}
        size={Math.min(8, Math.max(3, shown.length + 1))}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder={shown.length ? "—" : emptyText}
        options={shown.map((option) => ({ value: option.value, label: option.hint ? `${option.label}（${option.hint}）` : option.label }))}
        issues={issues}
      />
    </div>
  );
}
