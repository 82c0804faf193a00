import "server-only";
import { db } from "@/lib/db/client";
import { iso, ymd } from "@/lib/kernel/dates";
import { fieldMask } from "@/lib/kernel/field-mask";
import { PUBLIC_DESIGNATION_FIELDS, PUBLIC_SCHOOL_FIELDS, PUBLIC_SCHOOL_MAJOR_FIELDS } from "@/lib/public/fields";
import { majorRows } from "../columns";
import { getMajorCatalogue } from "../data";
import type { ChangeSummary } from "./changelog";
import type { DesignationRecord, ReleaseDatasets, SchoolMajorRecord, SchoolRecord } from "./records";

/**
 * Reads for open-data releases: the full public datasets (every school, public fields only) and
 * the Release rows every app process lists.
 */
export async function loadReleaseDatasets(): Promise<ReleaseDatasets> {
  const schools = await db().school.findMany({
    orderBy: [{ authorityId: "asc" }, { publicCode: "asc" }],
    select: {
      ...fieldMask(["id", "publicCode", ...PUBLIC_SCHOOL_FIELDS, "isDemo"]),
      authority: { select: { nameZh: true } },
      division: { select: { nameZh: true } },
    },
  });
  const schoolRecords: SchoolRecord[] = schools.map(({ authority, division, ...s }) => ({
    ...s,
    authorityNameZh: authority.nameZh,
    cityNameZh: division?.nameZh ?? null,
    tierSince: ymd(s.tierSince),
    statusSince: ymd(s.statusSince),
    approvalDate: ymd(s.approvalDate),
    establishedDate: ymd(s.establishedDate),
    lastConfirmedAt: iso(s.lastConfirmedAt),
  }));

  const offered = await db().schoolMajor.findMany({
    orderBy: [{ schoolId: "asc" }, { id: "asc" }],
    select: {
      ...fieldMask(["id", "schoolId", ...PUBLIC_SCHOOL_MAJOR_FIELDS]),
      school: { select: { publicCode: true } },
      major: { select: { code: true, nameZh: true } },
    },
  });
  const schoolMajors: SchoolMajorRecord[] = offered.map(({ school, major, ...m }) => ({
    ...m,
    schoolPublicCode: school.publicCode,
    majorCode: major.code,
    majorNameZh: major.nameZh,
  }));

  const designations = await db().designation.findMany({
    orderBy: [{ schoolId: "asc" }, { id: "asc" }],
    select: {
      ...fieldMask(["id", "schoolId", ...PUBLIC_DESIGNATION_FIELDS, "isDemo"]),
      school: { select: { publicCode: true } },
      major: { select: { code: true } },
    },
  });
  const designationRecords: DesignationRecord[] = designations.map(({ school, major, ...d }) => ({
    ...d,
    schoolPublicCode: school.publicCode,
    majorCode: major?.code ?? null,
    startDate: ymd(d.startDate)!,
    endDate: ymd(d.endDate),
  }));

  const catalogue = await getMajorCatalogue();
  const majors = catalogue ? majorRows(catalogue) : [];
  return { schools: schoolRecords, "school-majors": schoolMajors, majors, designations: designationRecords };
}

export type ReleaseFile = { name: string; bytes: number; sha256: string };
export type ReleaseRow = {
  id: string;
  slug: string;
  releaseDate: string;
  sequence: number;
  schemaVersion: string;
  generatedAt: string;
  counts: Record<string, number>;
  files: ReleaseFile[];
  changeSummary: ChangeSummary;
};

const releaseSelect = {
  id: true,
  slug: true,
  releaseDate: true,
  sequence: true,
  schemaVersion: true,
  generatedAt: true,
  counts: true,
  files: true,
  changeSummary: true,
} as const;

function out(r: {
  id: string;
  slug: string;
  releaseDate: Date;
  sequence: number;
  schemaVersion: string;
  generatedAt: Date;
  counts: unknown;
  files: unknown;
  changeSummary: unknown;
}): ReleaseRow {
  return {
    ...r,
    releaseDate: ymd(r.releaseDate)!,
    generatedAt: r.generatedAt.toISOString(),
    counts: r.counts as Record<string, number>,
    files: r.files as ReleaseFile[],
    changeSummary: r.changeSummary as ChangeSummary,
  };
}

/** Every release, newest first. */
export async function listReleases(): Promise<ReleaseRow[]> {
  const rows = await db().openDataRelease.findMany({ orderBy: [{ releaseDate: "desc" }, { sequence: "desc" }], select: releaseSelect });
  return rows.map(out);
}

export async function getRelease(slug: string): Promise<ReleaseRow | null> {
  const r = await db().openDataRelease.findUnique({ where: { slug }, select: releaseSelect });
  return r ? out(r) : null;
}

export async function latestRelease(): Promise<ReleaseRow | null> {
  const r = await db().openDataRelease.findFirst({ orderBy: [{ releaseDate: "desc" }, { sequence: "desc" }], select: releaseSelect });
  return r ? out(r) : null;
}

/** The next sequence number for a release date (1 for the day's first). */
export async function nextSequence(releaseDate: string): Promise<number> {
  const r = await db().openDataRelease.aggregate({ where: { releaseDate: new Date(`${releaseDate}T00:00:00Z`) }, _max: { sequence: true } });
  return (r._max.sequence ?? 0) + 1;
}

/** Where a release file's bytes are (lib/files): null when the release has no file of that name. */
export async function releaseFileRef(slug: string, name: string): Promise<{ fileId: string; sizeBytes: number } | null> {
  const row = await db().openDataReleaseFile.findFirst({
    where: { name, release: { slug } },
    select: { file: { select: { id: true, sizeBytes: true } } },
  });
  return row ? { fileId: row.file.id, sizeBytes: row.file.sizeBytes } : null;
}
