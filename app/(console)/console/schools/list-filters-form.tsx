import { getTranslations } from "next-intl/server";
import { CheckboxField } from "@/components/choice-field";
import { SelectField, TextField, type Option } from "@/components/form-field";
import { DesignationKind, STATUSES, TIERS, valuesOf } from "@/lib/kernel/enums";
import { PAGE_SIZES, type SchoolListFilters } from "@/lib/schools/list-filters";
import { localName } from "@/components/local-name";
import { FilterActions } from "@/components/filter-actions";

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
  const tEnums = await getTranslations("enums");
  const any = t("any");
  const name = (record: { nameZh: string; nameEn: string }) => localName(record, locale);
  const enumOptions = (group: string, values: readonly string[]) => values.map((value) => ({ value, label: tEnums(`${group}.${value}`) }));
  // The authority and city filters only where the user sees more than one (the loader decides).
  const selects = [
    { name: "authority", options: authorities.map((authority) => ({ value: authority.id, label: name(authority) })) },
    { name: "tier", options: enumOptions("tier", TIERS) },
    { name: "status", options: enumOptions("status", STATUSES) },
    { name: "city", options: divisions.map((division) => ({ value: division.code, label: name(division) })) },
    { name: "designation", options: enumOptions("designationKind", valuesOf(DesignationKind)) },
  ] as const satisfies { name: keyof SchoolListFilters; options: Option[] }[];
  return (
    <form method="get" action="/console/schools" role="search" aria-label={t("filters")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <TextField name="q" label={t("search")} type="search" maxLength={60} defaultValue={filters.q ?? ""} hint={t("searchHint")} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {selects
          .filter((select) => select.options.length)
          .map((select) => (
            <SelectField
              key={select.name}
              name={select.name}
              label={t(select.name)}
              defaultValue={filters[select.name] ?? ""}
              placeholder={any}
              options={select.options}
            />
          ))}
        <SelectField
          name="pageSize"
          label={t("pageSize")}
          defaultValue={String(filters.pageSize)}
          options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
        />
      </div>
      <FilterActions apply={t("apply")} reset={{ href: "/console/schools", label: t("reset") }}>
        <CheckboxField name="stale" value="1" defaultChecked={filters.stale === "1"} label={t("staleOnly")} />
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
      </FilterActions>
    </form>
  );
}
