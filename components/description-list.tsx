import type { ReactNode } from "react";

/** One term and what it says; `field` marks the value (data-field) for tests and styles. */
export type Description = { term: ReactNode; detail: ReactNode; key?: string; field?: string; testId?: string };

/**
 * Facts as a description list: `rows` puts each term beside its value (a record's fields),
 * `tiles` puts a few facts side by side (a batch's window, quota, cut line).
 */
export function DescriptionList({
  items,
  layout = "rows",
  className = "",
}: {
  items: (Description | null | false)[];
  layout?: "rows" | "tiles";
  className?: string;
}) {
  const shown = items.filter((item): item is Description => Boolean(item));
  const grid = layout === "rows" ? "grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" : "grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4";
  return (
    <dl className={`${grid} ${className}`.trim()}>
      {shown.map((item, index) => (
        <div key={item.key ?? item.field ?? index} className={layout === "rows" ? "contents" : undefined}>
          <dt className={layout === "rows" ? "font-medium text-slate-600" : "text-slate-600"}>{item.term}</dt>
          <dd data-field={item.field} data-testid={item.testId}>
            {item.detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
