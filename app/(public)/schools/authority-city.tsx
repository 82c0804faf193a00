"use client";

import { useRef, useState } from "react";

type Option = { value: string; label: string };
type City = Option & { authorityId: string };

/**
 * The authority and city selects of the search form. Without JavaScript both are plain selects:
 * with no authority chosen, every city is listed, grouped by authority. With JavaScript, the city
 * list follows the authority at once and a city of another authority is cleared.
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
  const cityRef = useRef<HTMLSelectElement>(null);
  const groups = (a ? authorities.filter((x) => x.value === a) : authorities)
    .map((g) => ({ ...g, cities: cities.filter((c) => c.authorityId === g.value) }))
    .filter((g) => g.cities.length > 0);
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
          defaultValue={authority}
          className={select}
          onChange={(e) => {
            const next = e.target.value;
            setA(next);
            const el = cityRef.current;
            if (el && next && !cities.some((x) => x.value === el.value && x.authorityId === next)) el.value = "";
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
        <select ref={cityRef} id="f-city" name="city" defaultValue={city} className={select} aria-describedby={a ? undefined : "f-city-hint"}>
          <option value="">{labels.any}</option>
          {a
            ? groups.flatMap((g) =>
                g.cities.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                )),
              )
            : groups.map((g) => (
                <optgroup key={g.value} label={g.label}>
                  {g.cities.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
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
