import { getLocale, getTranslations } from "next-intl/server";
import { SelectField, TextField, type Option } from "@/components/form-field";
import { DesignationKind, STATUSES, TIERS, valuesOf } from "@/lib/kernel/enums";
import type { loadPublicSearch } from "@/lib/public/loaders";
import { PUBLIC_SORTS, type PublicSchoolSearch } from "@/lib/public/search-schema";
import { CityFollowsAuthority } from "./authority-city";
import { localName } from "@/components/local-name";
import { FilterActions } from "@/components/filter-actions";
import { Button } from "@/components/button";

type Options = Awaited<ReturnType<typeof loadPublicSearch>>["options"];

const SORT_LABEL = { relevance: "sortRelevance", name: "sortName", established: "sortEstablished" } as const;

/** The search form: a GET form, so the URL holds the search and can be shared. */
export async function SearchForm({ filters, options }: { filters: PublicSchoolSearch; options: Options }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const narrowed = Boolean(
    filters.authority || filters.city || filters.tier || filters.status || filters.major || filters.designation || filters.sort !== "relevance",
  );
  const pick = <T extends { nameZh: string; nameEn: string }>(record: T) => localName(record, locale);
  const any = t("search.any");
  const enumOptions = (group: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));
  const selects = [
    { name: "tier", options: enumOptions("tier", TIERS) },
    { name: "status", options: enumOptions("status", STATUSES) },
    { name: "major", options: options.majors.map((major) => ({ value: major.id, label: `${major.code} ${pick(major)}` })) },
    { name: "designation", options: enumOptions("designationKind", valuesOf(DesignationKind)) },
  ] as const satisfies { name: keyof PublicSchoolSearch; options: Option[] }[];
  const cityGroups = options.authorities
    .map((authority) => ({ authority, cities: options.divisions.filter((division) => division.authorityId === authority.id) }))
    .filter((group) => group.cities.length > 0);
  return (
    <form method="get" action="/schools" role="search" aria-label={t("search.title")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <TextField
        name="q"
        label={t("search.q")}
        type="search"
        maxLength={60}
        defaultValue={filters.q ?? ""}
        autoComplete="off"
        hint={t("search.qHint")}
        addon={
          <Button type="submit" className="shrink-0 whitespace-nowrap">
            {t("search.submit")}
          </Button>
        }
      />
      <details open={narrowed || !filters.q} className="group">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("search.filters")}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <CityFollowsAuthority>
            <SelectField
              name="authority"
              label={t("search.authority")}
              defaultValue={filters.authority ?? ""}
              placeholder={any}
              options={options.authorities.map((authority) => ({ value: authority.id, label: pick(authority) }))}
            />
            <SelectField name="city" label={t("search.city")} defaultValue={filters.city ?? ""} placeholder={any} hint={t("search.anyCityHint")}>
              {cityGroups.map(({ authority, cities }) => {
                // Without JavaScript a chosen authority shows its own cities only; with it, the list follows the select.
                const hidden = Boolean(filters.authority) && filters.authority !== authority.id;
                return (
                  <optgroup key={authority.id} label={pick(authority)} data-authority={authority.id} hidden={hidden}>
                    {cities.map((city) => (
                      <option key={city.code} value={city.code} hidden={hidden}>
                        {pick(city)}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </SelectField>
          </CityFollowsAuthority>
          {selects.map((select) => (
            <SelectField
              key={select.name}
              name={select.name}
              label={t(`search.${select.name}`)}
              defaultValue={filters[select.name] ?? ""}
              placeholder={any}
              options={select.options}
            />
          ))}
          <SelectField
            name="sort"
            label={t("search.sort")}
            defaultValue={filters.sort}
            options={PUBLIC_SORTS.map((sort) => ({ value: sort, label: t(`search.${SORT_LABEL[sort]}`) }))}
          />
          {filters.pageSize !== 20 ? <input type="hidden" name="pageSize" value={filters.pageSize} /> : null}
        </div>
      </details>
      {/* Its own name: two buttons both called "查询" could not be told apart in a screen reader's list. */}
      <FilterActions apply={t("search.applyFilters")} reset={{ href: "/schools", label: t("search.reset") }} variant="outline" />
      <p className="text-sm text-slate-600">{t("search.shareHint")}</p>
    </form>
  );
}
