import { z } from "zod";
import { noControlChars } from "@/lib/validation/text";
import { DesignationKind, SchoolStatus, SchoolTier } from "@/lib/kernel/enums";

/**
 * The school list's filters, read from URL search params (the list page, the export route and
 * the public search share them). A GET form submits "" for "any", so blanks mean "not set".
 * Values outside the allowed sets are validation errors; `parseSchoolListFilters` drops the
 * offending keys and reports them, so a page can fall back with a notice instead of failing.
 */
export const SCHOOL_SORTS = ["name", "updated", "confirmed", "tier"] as const;
export type SchoolSort = (typeof SCHOOL_SORTS)[number];
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZES = [10, 20, 50, 100, 200] as const;

// A repeated key (?tier=a&tier=b) counts by its first value; "" means unset.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (first(v) === "" ? undefined : first(v)), schema);

export const schoolListFiltersSchema = z.object({
  q: blank(z.string().trim().max(60, "validation.tooLong").optional().refine(noControlChars, "validation.controlCharacter")),
  authority: blank(
    z
      .string()
      .regex(/^[a-z]{2,20}$/, "validation.invalidValue")
      .optional(),
  ),
  tier: blank(z.enum(SchoolTier).optional()),
  status: blank(z.enum(SchoolStatus).optional()),
  city: blank(
    z
      .string()
      .regex(/^\d{6}$/, "validation.divisionCode")
      .optional(),
  ),
  designation: blank(z.enum(DesignationKind).optional()),
  stale: blank(z.literal("1").optional()),
  sort: blank(z.enum(SCHOOL_SORTS).default("name")),
  dir: blank(z.enum(["asc", "desc"]).default("asc")),
  page: blank(z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: blank(z.coerce.number().int().min(10).max(200).default(PAGE_SIZE_DEFAULT)),
});

export type SchoolListFilters = z.output<typeof schoolListFiltersSchema>;
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

export const defaultSchoolListFilters: SchoolListFilters = schoolListFiltersSchema.parse({});

function toRecord(params: SearchParamsLike): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  const out: Record<string, string> = {};
  for (const [k, v] of params.entries()) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * Parses search params leniently: each invalid key is dropped (its default applies) and listed in
 * `invalid`, so the page can show "some filters were ignored" and never answer 500.
 */
export function parseSchoolListFilters(params: SearchParamsLike): { filters: SchoolListFilters; invalid: string[] } {
  const raw: Record<string, unknown> = { ...toRecord(params) };
  const invalid: string[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const r = schoolListFiltersSchema.safeParse(raw);
    if (r.success) return { filters: r.data, invalid };
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (key && key in raw) {
        delete raw[key];
        if (!invalid.includes(key)) invalid.push(key);
      }
    }
  }
  return { filters: defaultSchoolListFilters, invalid };
}

/** Filters back to a query string; defaults are left out so URLs stay short. */
export function schoolListQuery(filters: Partial<SchoolListFilters>, overrides: Partial<SchoolListFilters> = {}): string {
  const merged = { ...filters, ...overrides } as Record<string, unknown>;
  const sp = new URLSearchParams();
  for (const key of Object.keys(schoolListFiltersSchema.shape)) {
    const v = merged[key];
    if (v === undefined || v === null || v === "") continue;
    if (v === (defaultSchoolListFilters as Record<string, unknown>)[key]) continue;
    sp.set(key, String(v));
  }
  return sp.toString();
}

/** True when any narrowing filter (not sort or paging) is set. */
export function hasNarrowingFilter(f: SchoolListFilters): boolean {
  return Boolean(f.q || f.authority || f.tier || f.status || f.city || f.designation || f.stale);
}
