import { useId, type ReactNode } from "react";

/**
 * A titled part of a page: a <section> named by its heading (a region landmark), in a white card
 * unless `plain`, with an optional line of introduction under the heading.
 */
export function Panel({
  title,
  titleId,
  intro,
  plain,
  className = "",
  testId,
  children,
}: {
  title: ReactNode;
  /** The heading's id when a link points at it (#history-title); generated otherwise. */
  titleId?: string;
  intro?: ReactNode;
  plain?: boolean;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const generated = useId();
  const id = titleId ?? generated;
  const frame = plain ? "" : "rounded-lg border border-slate-200 bg-white p-4";
  return (
    <section aria-labelledby={id} className={`space-y-3 ${frame} ${className}`.trim()} data-testid={testId}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}
