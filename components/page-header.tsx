import Link from "@/components/link";
import type { ReactNode } from "react";

/**
 * The top of a page: a link back to where it belongs, the title (the page's one h1) with its
 * badges, the page's actions on the right, and an introduction.
 */
export function PageHeader({
  title,
  back,
  badges,
  actions,
  intro,
  titleTestId,
}: {
  title: ReactNode;
  back?: { href: string; label: ReactNode };
  badges?: ReactNode;
  actions?: ReactNode;
  intro?: ReactNode;
  titleTestId?: string;
}) {
  return (
    <div className="space-y-2">
      {back ? (
        <p className="text-sm">
          <Link href={back.href} className="text-brand-700 underline">
            {back.label}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold" data-testid={titleTestId}>
            {title}
          </h1>
          {badges}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {intro ? <div className="max-w-3xl space-y-1 text-slate-700">{intro}</div> : null}
    </div>
  );
}
