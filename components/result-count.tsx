import type { ReactNode } from "react";

/** A list's count (announced politely when the filters change it) and the list's downloads beside it. */
export function ResultCount({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p role="status" data-testid="result-count" className="font-medium">
        {children}
      </p>
      {actions ? <div className="flex gap-2 text-sm">{actions}</div> : null}
    </div>
  );
}
