import { z } from "zod";
import { fieldIssues, type FieldIssues } from "@/lib/validation/issues";
import { noControlChars } from "@/lib/validation/text";
import { DesignationKind, SchoolStatus, SchoolTier } from "@/lib/kernel/enums";

/**
 * The public school search: ONE schema for the search page and the open-data API
 * (GET /api/v1/schools and its OpenAPI document). Strict on values: an unknown value, an
 * out-of-range number or an absurd length is a validation error naming the parameter — never a
 * silent default. A blank value ("" from a GET form's empty field) means "not set".
 * A repeated parameter (?tier=a&tier=b) is an error too (`validation.repeated`).
 */
export const PUBLIC_SORTS = ["relevance", "name", "established"] as const;
export type PublicSort = (typeof PUBLIC_SORTS)[number];
export const PUBLIC_PAGE_SIZE_DEFAULT = 20;
export const PUBLIC_PAGE_SIZE_MAX = 100;
export const PUBLIC_Q_MAX = 60;

/**
 * One query parameter: "" means not set; a repeated parameter is refused. (Preprocess keeps the
 * inner schema visible to z.toJSONSchema for the OpenAPI document.)
 */
const param = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v, ctx) => {
    if (Array.isArray(v)) {
      if (v.length > 1) {
        ctx.addIssue({ code: "custom", message: "validation.repeated", input: v });
        return z.NEVER;
      }
      v = v[0];
    }
    return v === "" ? undefined : v;
  }, schema);

// Digits only: "1e2", " 5", "0x10" and "1.5" are refused rather than coerced.
const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, "validation.notAnInteger")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const publicSchoolSearchSchema = z.object({
  q: param(z.string().trim().max(PUBLIC_Q_MAX, "validation.tooLong").optional().refine(noControlChars, "validation.controlCharacter")).describe(
    "Name, partial and in Chinese, alternative or former name, or pinyin (full or initials), case-insensitive",
  ),
  authority: param(
    z
      .string()
      .regex(/^[a-z]{2,20}$/, "validation.invalidValue")
      .optional(),
  ).describe("Registering authority id, e.g. guangdong"),
  city: param(
    z
      .string()
      .regex(/^\d{6}$/, "validation.divisionCode")
      .optional(),
  ).describe("City: 6-digit GB/T 2260 division code"),
  tier: param(z.enum(SchoolTier).optional()),
  status: param(z.enum(SchoolStatus).optional()),
  major: param(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,40}$/, "validation.invalidValue")
      .optional(),
  ).describe("Major id, or a major code of the current catalogue edition"),
  designation: param(z.enum(DesignationKind).optional()).describe("Schools holding a currently valid designation of this kind"),
  sort: param(z.enum(PUBLIC_SORTS).default("relevance")),
  page: param(intParam(1, 100_000).default(1)),
  pageSize: param(intParam(1, PUBLIC_PAGE_SIZE_MAX).default(PUBLIC_PAGE_SIZE_DEFAULT)),
});

export type PublicSchoolSearch = z.output<typeof publicSchoolSearchSchema>;
export type PublicSchoolSearchInput = z.input<typeof publicSchoolSearchSchema>;
export const PUBLIC_SEARCH_KEYS = Object.keys(publicSchoolSearchSchema.shape) as (keyof PublicSchoolSearch)[];

export const defaultPublicSearch: PublicSchoolSearch = publicSchoolSearchSchema.parse({});

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** URL search params to a plain object; a repeated key becomes an array (which the schema refuses). */
export function searchParamsObject(params: SearchParamsLike): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params.entries()) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

export type PublicSearchParse = { ok: true; filters: PublicSchoolSearch } | { ok: false; issues: FieldIssues; invalid: string[] };

/** Parses the public search; on failure, the issues are keyed by parameter name. Unknown keys are ignored here (the API may refuse them). */
export function parsePublicSearch(params: SearchParamsLike): PublicSearchParse {
  const r = publicSchoolSearchSchema.safeParse(searchParamsObject(params));
  if (r.success) return { ok: true, filters: r.data };
  const issues = fieldIssues(r.error);
  return { ok: false, issues, invalid: Object.keys(issues) };
}

/**
 * For the page: drops the invalid parameters (so the rest of the search still runs) and reports
 * them, so the page can show a notice instead of failing. The API must use parsePublicSearch.
 */
export function parsePublicSearchLenient(params: SearchParamsLike): { filters: PublicSchoolSearch; invalid: string[]; issues: FieldIssues } {
  const raw: Record<string, unknown> = searchParamsObject(params);
  const first = parsePublicSearch(params);
  if (first.ok) return { filters: first.filters, invalid: [], issues: {} };
  for (const k of first.invalid) delete raw[k];
  const r = publicSchoolSearchSchema.safeParse(raw);
  return { filters: r.success ? r.data : defaultPublicSearch, invalid: first.invalid, issues: first.issues };
}

/** Filters back to a query string; defaults left out so shared URLs stay short. */
export function publicSearchQuery(filters: Partial<PublicSchoolSearch>, overrides: Partial<PublicSchoolSearch> = {}): string {
  const merged = { ...filters, ...overrides } as Record<string, unknown>;
  const sp = new URLSearchParams();
  for (const key of PUBLIC_SEARCH_KEYS) {
    const v = merged[key];
    if (v === undefined || v === null || v === "") continue;
    if (v === (defaultPublicSearch as Record<string, unknown>)[key]) continue;
    sp.set(key, String(v));
  }
  return sp.toString();
}
