"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The city list follows the authority select of the search form. The fields themselves are
 * rendered on the server (components/form-field), the city options grouped by authority in
 * <optgroup data-authority>: without JavaScript they work as plain selects. With it, choosing an
 * authority hides the other authorities' cities at once, clears a city of another authority and
 * hides the "choose an authority first" hint.
 */
export function CityFollowsAuthority({ children }: { children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  // The page may open with an authority chosen (a shared URL): the hint goes at once.
  useEffect(() => follow(frame.current?.querySelector('select[name="authority"]')), []);
  return (
    <div ref={frame} className="contents" onChange={(event) => follow(event.target)}>
      {children}
    </div>
  );
}

function follow(authority: EventTarget | null | undefined) {
  if (!(authority instanceof HTMLSelectElement) || authority.name !== "authority") return;
  const city = authority.form?.elements.namedItem("city");
  if (city instanceof HTMLSelectElement) showCitiesOf(city, authority.value);
}

function showCitiesOf(city: HTMLSelectElement, authority: string) {
  for (const group of city.querySelectorAll("optgroup")) {
    const shown = !authority || group.dataset.authority === authority;
    group.hidden = !shown;
    for (const option of group.querySelectorAll("option")) option.hidden = !shown;
  }
  if (city.selectedOptions[0]?.hidden) city.value = "";
  const hint = document.getElementById(`${city.id}-hint`);
  if (hint) hint.hidden = Boolean(authority);
}
