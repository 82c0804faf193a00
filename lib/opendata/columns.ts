import type { PublicSchoolSummary } from "@/lib/public/types";
import type { PublicChangeEntry } from "./changes/shape";
import type { CsvColumn } from "./csv";
import type { MajorCatalogue, PublicDesignationRow } from "./data";

/**
 * CSV columns of each dataset (API ?format=csv and release files). Headers are stable English
 * field names — the same names as the JSON — so scripts can read either.
 */
export const schoolSummaryColumns: CsvColumn<PublicSchoolSummary>[] = [
  { header: "id", value: (s) => s.id },
  { header: "publicCode", value: (s) => s.publicCode },
  { header: "nameZh", value: (s) => s.nameZh },
  { header: "nameEn", value: (s) => s.nameEn },
  { header: "altNames", value: (s) => s.altNames },
  { header: "formerNames", value: (s) => s.formerNames },
  { header: "tier", value: (s) => s.tier },
  { header: "status", value: (s) => s.status },
  { header: "ownership", value: (s) => s.ownership },
  { header: "authorityId", value: (s) => s.authority.id },
  { header: "authorityNameZh", value: (s) => s.authority.nameZh },
  { header: "cityCode", value: (s) => s.city?.code },
  { header: "cityNameZh", value: (s) => s.city?.nameZh },
  { header: "establishedDate", value: (s) => s.establishedDate },
  { header: "designations", value: (s) => s.designations.map((d) => `${d.kind}/${d.level}`) },
  { header: "lastConfirmedAt", value: (s) => s.lastConfirmedAt },
  { header: "isDemo", value: (s) => s.isDemo },
];

export type MajorRow = {
  editionCode: string;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
};

export function majorRows(c: MajorCatalogue): MajorRow[] {
  if (!c.edition) return [];
  const editionCode = c.edition.code;
  return c.categories.flatMap((cat) =>
    cat.majors.map((m) => ({ editionCode, categoryCode: cat.code, categoryNameZh: cat.nameZh, categoryNameEn: cat.nameEn, ...m })),
  );
}

export const majorColumns: CsvColumn<MajorRow>[] = (
  ["editionCode", "categoryCode", "categoryNameZh", "categoryNameEn", "id", "code", "nameZh", "nameEn"] as const
).map((k) => ({ header: k, value: (r: MajorRow) => r[k] }));

export const designationColumns: CsvColumn<PublicDesignationRow>[] = [
  { header: "id", value: (d) => d.id },
  { header: "schoolId", value: (d) => d.school.id },
  { header: "schoolPublicCode", value: (d) => d.school.publicCode },
  { header: "schoolNameZh", value: (d) => d.school.nameZh },
  { header: "authorityId", value: (d) => d.school.authorityId },
  { header: "kind", value: (d) => d.kind },
  { header: "level", value: (d) => d.level },
  { header: "status", value: (d) => d.status },
  { header: "title", value: (d) => d.title },
  { header: "batchLabel", value: (d) => d.batchLabel },
  { header: "startDate", value: (d) => d.startDate },
  { header: "endDate", value: (d) => d.endDate },
  { header: "documentNo", value: (d) => d.documentNo },
  { header: "issuer", value: (d) => d.issuer },
  { header: "majorCode", value: (d) => d.major?.code },
  { header: "majorNameZh", value: (d) => d.major?.nameZh },
  { header: "isDemo", value: (d) => d.isDemo },
];

export const changeColumns: CsvColumn<PublicChangeEntry>[] = [
  { header: "id", value: (c) => c.id },
  { header: "at", value: (c) => c.at },
  { header: "type", value: (c) => c.type },
  { header: "entityType", value: (c) => c.entityType },
  { header: "entityId", value: (c) => c.entityId },
  { header: "schoolId", value: (c) => c.school.id },
  { header: "schoolPublicCode", value: (c) => c.school.publicCode },
  { header: "schoolNameZh", value: (c) => c.school.nameZh },
  { header: "authorityId", value: (c) => c.school.authorityId },
  { header: "fields", value: (c) => c.fields.map((f) => f.name) },
  { header: "changes", value: (c) => (c.change ? c.change : c.fields) },
];
