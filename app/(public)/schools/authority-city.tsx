"use client";

import { useState } from "react";

type Option = { value: string; label: string };
type City = Option & { authorityId: string };

/**
 * The authority and city selects of the search form. Without JavaScript both submit as plain
 * selects (the server lists the chosen authority's cities); with it, the city list follows the
 * authority at once and a city of another authority is cleared.
 */
export function AuthorityCityFields({
  authorities,
  cities,
  authority,
  city,
  labels,
}: {
  authorities: Option[];
  cities: City[];
  authority: string;
  city: string;
  labels: { authority: string; city: string; any: string; cityHint: string };
}) {
  const [a, setA] = useState(authority);
  const [c, setC] = useState(city);
  const shown = a ? cities.filter((x) => x.authorityId === a) : [];
  const select = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2 text-base";
  return (
    <>
      <div>
        <label htmlFor="f-authority" className="block text-sm font-medium">
          {labels.authority}
        </label>
        <select
          id="f-authority"
          name="authority"
          value={a}
          className={select}
          onChange={(e) => {
            setA(e.target.value);
            if (!cities.some((x) => x.value === c && x.authorityId === e.target.value)) setC("");
          }}
        >
          <option value="">{labels.any}</option>
          {authorities.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-city" className="block text-sm font-medium">
          {labels.city}
        </label>
        <select
          id="f-city"
          name="city"
          value={c}
          className={select}
          aria-describedby={a ? undefined : "f-city-hint"}
          onChange={(e) => setC(e.target.value)}
        >
          <option value="">{labels.any}</option>
          {shown.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {a ? null : (
          <p id="f-city-hint" className="mt-1 text-xs text-slate-600">
            {labels.cityHint}
          </p>
        )}
      </div>
    </>
  );
}
