import "server-only";
import { readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import type { z } from "zod";
import type { DesignationKind, DesignationLevel, DesignationStatus } from "@/lib/kernel/enums";
import type { designationSchema, majorCatalogueSchema } from "./schemas/response";
import { ymd } from "@/lib/kernel/dates";

/**
 * Reads for the open-data API that the public pages do not already provide: the major catalogue,
 * designations across schools, and existence checks for filter values. Public fields only.
 */
// Every read here is cached until public data changes (lib/db/read-cache.ts) and goes to the
// replica when there is one: filter checks run on nearly every API request.
export const authorityExists = cachedPublicRead(
  "opendata.authorityExists",
  async (id: string): Promise<boolean> => (await readDb().authority.count({ where: { id } })) > 0,
  (id) => id,
);

const editionSelect = { id: true, code: true, nameZh: true, nameEn: true, publishedOn: true, isCurrent: true, isDemo: true } as const;

export type MajorCatalogue = z.output<typeof majorCatalogueSchema>;
export type CatalogueEdition = MajorCatalogue["editions"][number];

const editionOut = (e: { code: string; nameZh: string; nameEn: string; publishedOn: Date | null; isCurrent: boolean; isDemo: boolean }): CatalogueEdition => ({
  code: e.code,
  nameZh: e.nameZh,
  nameEn: e.nameEn,
  publishedOn: ymd(e.publishedOn),
  isCurrent: e.isCurrent,
  isDemo: e.isDemo,
});

/** The catalogue of one edition (by code), or the current one. Null when the named edition does not exist. */
export const getMajorCatalogue: (editionCode?: string) => Promise<MajorCatalogue | null> = cachedPublicRead(
  "opendata.majorCatalogue",
  (editionCode?: string) => majorCatalogueUncached(editionCode),
  (editionCode) => editionCode ?? "",
);

async function majorCatalogueUncached(editionCode?: string): Promise<MajorCatalogue | null> {
  const editions = await readDb().majorCatalogEdition.findMany({ orderBy: [{ isCurrent: "desc" }, { code: "asc" }], select: editionSelect });
  const edition = editionCode ? editions.find((e) => e.code === editionCode) : editions.find((e) => e.isCurrent);
  if (editionCode && !edition) return null;
  if (!edition) return { edition: null, editions: editions.map(editionOut), categories: [] };
  const categories = await readDb().majorCategory.findMany({
    where: { editionId: edition.id },
    orderBy: { code: "asc" },
    select: {
      code: true,
      nameZh: true,
      nameEn: true,
      majors: { orderBy: { code: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true } },
    },
  });
  return { edition: editionOut(edition), editions: editions.map(editionOut), categories };
}

export type DesignationFilters = {
  kind?: DesignationKind;
  level?: DesignationLevel;
  status?: DesignationStatus;
  authority?: string;
  school?: string;
  page: number;
  pageSize: number;
};

export type PublicDesignationRow = z.output<typeof designationSchema>;

export const designationSelect = {
  id: true,
  kind: true,
  level: true,
  status: true,
  title: true,
  batchLabel: true,
  startDate: true,
  endDate: true,
  documentNo: true,
  issuer: true,
  isDemo: true,
  school: { select: { id: true, publicCode: true, nameZh: true, nameEn: true, authorityId: true } },
  major: { select: { id: true, code: true, nameZh: true, nameEn: true } },
} as const;

export function designationOut(
  d: {
    startDate: Date;
    endDate: Date | null;
  } & Omit<PublicDesignationRow, "startDate" | "endDate">,
): PublicDesignationRow {
  return { ...d, startDate: ymd(d.startDate)!, endDate: ymd(d.endDate) };
}

/** Designations of every school, filtered, newest start first. `school` is a school id (already resolved). */
export const listDesignations = cachedPublicRead("opendata.designations", designationsUncached, (f) => JSON.stringify(f));

async function designationsUncached(f: DesignationFilters): Promise<{ data: PublicDesignationRow[]; total: number }> {
  const where = {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.level ? { level: f.level } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.school ? { schoolId: f.school } : {}),
    ...(f.authority ? { school: { authorityId: f.authority } } : {}),
  };
  const [rows, total] = await Promise.all([
    readDb().designation.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: designationSelect,
    }),
    readDb().designation.count({ where }),
  ]);
  return { data: rows.map(designationOut), total };
}

export const divisionExists = cachedPublicRead(
  "opendata.divisionExists",
  async (code: string): Promise<boolean> => (await readDb().division.count({ where: { code } })) > 0,
  (code) => code,
);

/** A major filter names a major by id, or by code in the current catalogue edition. */
export const majorExists = cachedPublicRead(
  "opendata.majorExists",
  async (idOrCode: string): Promise<boolean> =>
    (await readDb().major.count({ where: { OR: [{ id: idOrCode }, { code: idOrCode, edition: { isCurrent: true } }] } })) > 0,
  (idOrCode) => idOrCode,
);

export async function schoolHeading(id: string): Promise<{ id: string; nameZh: string } | null> {
  return readDb().school.findUnique({ where: { id }, select: { id: true, nameZh: true } });
}
