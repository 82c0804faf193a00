import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DESIGNATION_KINDS, PUBLIC_SORTS, STATUSES, TIERS, type PublicSchoolSearch } from "@/lib/public/search-schema";
import type { loadPublicSearch } from "@/lib/public/loaders";
import { AuthorityCityFields } from "./authority-city";

type Options = Awaited<ReturnType<typeof loadPublicSearch>>["options"];

const SORT_LABEL = { relevance: "sortRelevance", name: "sortName", established: "sortEstablished" } as const;
const select = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2 text-base";

/** The search form: a GET form, so the URL holds the search and can be shared. */
export async function SearchForm({ filters, options }: { filters: PublicSchoolSearch; options: Options }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  const narrowed = Boolean(
    filters.authority || filters.city || filters.tier || filters.status || filters.major || filters.designation || filters.sort !== "relevance",
  );
  const pick = <T extends { nameZh: string; nameEn: string }>(o: T) => (en ? o.nameEn : o.nameZh);
  const field = (name: keyof PublicSchoolSearch, label: string, values: readonly string[], text: (v: string) => string) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={String(filters[name] ?? "")} className={select}>
        <option value="">{t("search.any")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/schools" role="search" aria-label={t("search.title")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="f-q" className="block text-sm font-medium">
          {t("search.q")}
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="f-q"
            name="q"
            type="search"
            maxLength={60}
            defaultValue={filters.q ?? ""}
            aria-describedby="f-q-hint"
            autoComplete="off"
            className="block w-full rounded border border-slate-400 px-3 py-2 text-base"
          />
          <button type="submit" className="shrink-0 whitespace-nowrap rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
            {t("search.submit")}
          </button>
        </div>
        <p id="f-q-hint" className="mt-1 text-xs text-slate-600">
          {t("search.qHint")}
        </p>
      </div>
      <details open={narrowed || !filters.q} className="group">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("search.filters")}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <AuthorityCityFields
            authorities={options.authorities.map((a) => ({ value: a.id, label: pick(a) }))}
            cities={options.divisions.map((d) => ({ value: d.code, label: pick(d), authorityId: d.authorityId }))}
            authority={filters.authority ?? ""}
            city={filters.city ?? ""}
            labels={{ authority: t("search.authority"), city: t("search.city"), any: t("search.any"), cityHint: t("search.anyCityHint") }}
          />
          {field("tier", t("search.tier"), TIERS, (v) => t(`enums.tier.${v}`))}
          {field("status", t("search.status"), STATUSES, (v) => t(`enums.status.${v}`))}
          {field(
            "major",
            t("search.major"),
            options.majors.map((m) => m.id),
            (v) => {
              const m = options.majors.find((x) => x.id === v)!;
              return `${m.code} ${pick(m)}`;
            },
          )}
          {field("designation", t("search.designation"), DESIGNATION_KINDS, (v) => t(`enums.designationKind.${v}`))}
          <div>
            <label htmlFor="f-sort" className="block text-sm font-medium">
              {t("search.sort")}
            </label>
            <select id="f-sort" name="sort" defaultValue={filters.sort} className={select}>
              {PUBLIC_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`search.${SORT_LABEL[s]}`)}
                </option>
              ))}
            </select>
          </div>
          {filters.pageSize !== 20 ? <input type="hidden" name="pageSize" value={filters.pageSize} /> : null}
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <button type="submit" className="rounded border border-brand-700 px-4 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
          {t("search.submit")}
        </button>
        <Link href="/schools" className="text-brand-700 underline">
          {t("search.reset")}
        </Link>
        <span className="text-slate-600">{t("search.shareHint")}</span>
      </div>
    </form>
  );
}
