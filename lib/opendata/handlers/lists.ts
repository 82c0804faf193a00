import { Refusal } from "@/lib/errors";
import { searchPublicSchools } from "@/lib/public/data";
import { resolvePublicSchoolId } from "@/lib/public/data";
import { listPublicChanges } from "../changes/data";
import { changeColumns, designationColumns, majorColumns, majorRows, schoolSummaryColumns } from "../columns";
import { toCsv, type CsvColumn } from "../csv";
import { authorityExists, divisionExists, getMajorCatalogue, listDesignations, majorExists } from "../data";
import { apiGet, badParameter, type Payload } from "../http";
import type { ApiTranslator } from "../messages";
import { changedSinceRequest } from "../changed-since/request";
import { designationChanges, majorChanges, schoolChanges } from "../changed-since/pages";
import { changesQuerySchema, designationsQuerySchema, majorsQuerySchema, schoolsQuerySchema } from "../schemas/query";

/** The list routes of /api/v1: JSON pages, or the same page as CSV with ?format=csv. */
function page<T>(format: "json" | "csv", name: string, columns: CsvColumn<T>[], r: { data: T[]; total: number; page: number; pageSize: number }): Payload {
  // `r` is the cached read's result (the same object until the data changes): serialised once.
  if (format === "json") return { kind: "json", body: { data: r.data, page: r.page, pageSize: r.pageSize, total: r.total }, memo: r };
  return {
    kind: "csv",
    memo: r,
    text: toCsv(columns, r.data),
    filename: `${name}-page-${r.page}.csv`,
    headers: { "X-Total-Count": String(r.total), "X-Page": String(r.page), "X-Page-Size": String(r.pageSize) },
  };
}

/** Filter values that name a record must name one that exists: otherwise 400, not an empty page. */
async function requireExisting(t: ApiTranslator, checks: [name: string, value: string | undefined, exists: (v: string) => Promise<boolean>][]) {
  const missing: string[] = [];
  for (const [name, value, exists] of checks) if (value !== undefined && !(await exists(value))) missing.push(name);
  if (missing.length) {
    throw new Refusal("VALIDATION", {
      parameters: missing.map((name) => ({ name, key: "unknownValue", message: t("opendata.api.unknownValue") })),
    });
  }
}

async function schoolIdOf(t: ApiTranslator, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const id = await resolvePublicSchoolId(ref);
  if (!id) throw badParameter(t, "school");
  return id;
}

export const getSchools = apiGet(schoolsQuerySchema, async ({ query, t, url }) => {
  const changed = changedSinceRequest(url, query, t);
  if (changed) return { kind: "json", body: await schoolChanges(changed, new Date()) };
  const { format, changedSince: _s, cursor: _c, ...filters } = query;
  await requireExisting(t, [
    ["authority", filters.authority, authorityExists],
    ["city", filters.city, divisionExists],
    ["major", filters.major, majorExists],
  ]);
  return page(format, "schools", schoolSummaryColumns, await searchPublicSchools(filters));
});

export const getMajors = apiGet(majorsQuerySchema, async ({ query, t, url }) => {
  const changed = changedSinceRequest(url, query, t);
  if (changed) return { kind: "json", body: await majorChanges(changed) };
  const catalogue = await getMajorCatalogue(query.edition);
  if (!catalogue) throw badParameter(t, "edition");
  if (query.format === "json") return { kind: "json", body: catalogue };
  return { kind: "csv", text: toCsv(majorColumns, majorRows(catalogue)), filename: `majors-${catalogue.edition?.code ?? "none"}.csv` };
});

export const getDesignations = apiGet(designationsQuerySchema, async ({ query, t, url }) => {
  const changed = changedSinceRequest(url, query, t);
  if (changed) return { kind: "json", body: await designationChanges(changed) };
  const { format, school, changedSince: _s, cursor: _c, ...f } = query;
  await requireExisting(t, [["authority", f.authority, authorityExists]]);
  const schoolId = await schoolIdOf(t, school);
  const r = await listDesignations({ ...f, school: schoolId });
  return page(format, "designations", designationColumns, { ...r, page: f.page, pageSize: f.pageSize });
});

export const getChanges = apiGet(changesQuerySchema, async ({ query, t }) => {
  const { format, since, authority, school, page: p, pageSize } = query;
  await requireExisting(t, [["authority", authority, authorityExists]]);
  const schoolId = await schoolIdOf(t, school);
  const r = await listPublicChanges({
    since: new Date(since),
    authorityId: authority,
    schoolId,
    order: "asc",
    limit: pageSize,
    offset: (p - 1) * pageSize,
  });
  return page(format, "changes", changeColumns, { ...r, page: p, pageSize });
});
