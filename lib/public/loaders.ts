import "server-only";
import { hasDemoData } from "@/lib/stats/data";
import { completenessOf } from "./completeness";
import { parseAsOf } from "./as-of";
import { getPublicSchoolAsOf, getPublicSchoolHistory, publicSearchOptions, searchPublicSchools } from "./data";
import { shanghaiToday } from "@/lib/kernel/dates";
import { parsePublicSearchLenient, type SearchParamsLike } from "./search-schema";

/**
 * Request-facing reads of the public pages. No sign-in: these pages show public fields only,
 * so there is no gate beyond what the data functions select.
 */
export async function loadPublicSearch(params: SearchParamsLike) {
  const { filters, invalid } = parsePublicSearchLenient(params);
  const [result, options, demo] = await Promise.all([searchPublicSchools(filters), publicSearchOptions(), hasDemoData()]);
  return { filters, invalid, result, options, demo };
}

export type PublicSchoolPage = Awaited<ReturnType<typeof loadPublicSchoolPage>>;

/** The school page; null when no school has this id or public code. A bad asOf falls back to now with a notice. */
export async function loadPublicSchoolPage(idOrCode: string, asOfRaw: string | string[] | undefined) {
  const parsed = parseAsOf(asOfRaw, shanghaiToday());
  const asOf = parsed.ok ? parsed.asOf : null;
  const badAsOf = parsed.ok ? null : String(Array.isArray(asOfRaw) ? asOfRaw.join(",") : asOfRaw).slice(0, 40);
  const view = await getPublicSchoolAsOf(idOrCode, asOf);
  if (!view) return null;
  if (view.kind === "notYetRegistered") return { kind: "notYetRegistered" as const, view };
  const history = await getPublicSchoolHistory(view.school.id, { until: asOf });
  return { kind: "record" as const, school: view.school, history, completeness: completenessOf(view.school), badAsOf };
}
