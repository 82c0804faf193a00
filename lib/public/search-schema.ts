import { z } from "zod";
import { fieldIssues, type FieldIssues } from "@/lib/validation/issues";
import { authorityParam, pageParam, pageSizeParam, param } from "@/lib/validation/query-params";
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
export const PUBLIC_Q_MAX = 60;

export const publicSchoolSearchSchema = z.object({
  q: param(z.string().trim().max(PUBLIC_Q_MAX, "validation.tooLong").optional().refine(noControlChars, "validation.controlCharacter")).describe(
    "Name, partial and in Chinese, alternative or former name, or pinyin (full or initials), case-insensitive",
  ),
  authority: authorityParam,
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
  page: pageParam,
  pageSize: pageSizeParam,
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
