import Link from "@/components/link";

/**
 * Page links for the search (each page has a URL). Shows the first, the last and two around the
 * current page; labels come from the caller.
 */
export function SearchPagination({
  page,
  pages,
  href,
  labels,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { nav: string; prev: string; next: string; page: (number: number) => string };
}) {
  if (pages <= 1) return null;
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((number) => number >= 1 && number <= pages));
  const list = [...wanted].sort((first, second) => first - second);
  const cell = "inline-flex min-w-10 items-center justify-center rounded border px-3 py-2";
  return (
    <nav aria-label={labels.nav} className="mt-4">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        {page > 1 ? (
          <li>
            <Link href={href(Math.min(page - 1, pages))} rel="prev" className={`${cell} border-slate-300 bg-white hover:bg-slate-100`}>
              {labels.prev}
            </Link>
          </li>
        ) : null}
        {list.map((number, index) => (
          <li key={number} className="flex items-center gap-2">
            {index > 0 && number - list[index - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {number === page ? (
              <span aria-current="page" className={`${cell} border-brand-700 bg-brand-700 font-semibold text-white`}>
                <span className="sr-only">{labels.page(number)}</span>
                <span aria-hidden="true">{number}</span>
              </span>
            ) : (
              <Link href={href(number)} aria-label={labels.page(number)} className={`${cell} border-slate-300 bg-white hover:bg-slate-100`}>
                {number}
              </Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link href={href(page + 1)} rel="next" className={`${cell} border-slate-300 bg-white hover:bg-slate-100`}>
              {labels.next}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
