import Link from "@/components/link";

type PaginationLabels = { nav: string; prev: string; next: string; status: (page: number, pages: number) => string };

/** The labels from a catalog namespace that has pagination.{label, prev, next, page}. */
export function paginationLabels(t: (key: string, values?: Record<string, string | number>) => string): PaginationLabels {
  return {
    nav: t("pagination.label"),
    prev: t("pagination.prev"),
    next: t("pagination.next"),
    status: (page, pages) => t("pagination.page", { page, pages }),
  };
}

/**
 * Previous / next links with "page X of Y". Links, not buttons, so that every page has a URL.
 * Labels come from the caller (this component knows no catalog).
 */
export function Pagination({
  page,
  pageSize,
  total,
  href,
  labels,
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
  labels: PaginationLabels;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const link = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  const off = "rounded border border-slate-200 px-3 py-1 text-slate-400";
  return (
    <nav aria-label={labels.nav} className="flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} rel="prev" className={link}>
          {labels.prev}
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          {labels.prev}
        </span>
      )}
      <span aria-current="page">{labels.status(page, pages)}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={link}>
          {labels.next}
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          {labels.next}
        </span>
      )}
    </nav>
  );
}
