import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PAGE_SIZES, type SchoolListFilters } from "@/lib/schools/list-filters";

const TIERS = ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"] as const;
const STATUSES = ["PREPARING", "OPERATING", "ENROLMENT_SUSPENDED", "RECTIFYING", "REVOKED", "MERGED", "CONVERTED", "TERMINATED"] as const;
const DESIGNATIONS = ["QUALITY_SCHOOL", "QUALITY_MAJOR", "EVALUATION_ORGANISATION", "KEY_SCHOOL", "TRAINING_BASE", "WORLDSKILLS_BASE"] as const;

type Option = { value: string; label: string };

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value?: string; options: Option[]; anyLabel: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5">
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list's filters as a plain GET form: every filter lands in the URL, and paging restarts at 1. */
export async function ListFiltersForm({
  filters,
  authorities,
  divisions,
  locale,
}: {
  filters: SchoolListFilters;
  authorities: { id: string; nameZh: string; nameEn: string }[];
  divisions: { code: string; nameZh: string; nameEn: string }[];
  locale: string;
}) {
  const t = await getTranslations("schools.list");
  const te = await getTranslations("enums");
  const any = t("any");
  const name = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  return (
    <form method="get" action="/console/schools" role="search" aria-label={t("filters")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="f-q" className="block text-sm font-medium">
          {t("search")}
        </label>
        <input
          id="f-q"
          name="q"
          type="search"
          maxLength={60}
          defaultValue={filters.q ?? ""}
          aria-describedby="f-q-hint"
          className="mt-1 w-full rounded border border-slate-300 px-3 py-1.5"
        />
        <p id="f-q-hint" className="mt-1 text-xs text-slate-500">
          {t("searchHint")}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {authorities.length ? (
          <Select
            name="authority"
            label={t("authority")}
            value={filters.authority}
            anyLabel={any}
            options={authorities.map((a) => ({ value: a.id, label: name(a) }))}
          />
        ) : null}
        <Select name="tier" label={t("tier")} value={filters.tier} anyLabel={any} options={TIERS.map((v) => ({ value: v, label: te(`tier.${v}`) }))} />
        <Select
          name="status"
          label={t("status")}
          value={filters.status}
          anyLabel={any}
          options={STATUSES.map((v) => ({ value: v, label: te(`status.${v}`) }))}
        />
        {divisions.length ? (
          <Select name="city" label={t("city")} value={filters.city} anyLabel={any} options={divisions.map((d) => ({ value: d.code, label: name(d) }))} />
        ) : null}
        <Select
          name="designation"
          label={t("designation")}
          value={filters.designation}
          anyLabel={any}
          options={DESIGNATIONS.map((v) => ({ value: v, label: te(`designationKind.${v}`) }))}
        />
        <div>
          <label htmlFor="f-pageSize" className="block text-sm font-medium">
            {t("pageSize")}
          </label>
          <select
            id="f-pageSize"
            name="pageSize"
            defaultValue={String(filters.pageSize)}
            className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5"
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale === "1"} />
          {t("staleOnly")}
        </label>
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-800">
          {t("apply")}
        </button>
        <Link href="/console/schools" className="text-sm text-brand-700 underline">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
