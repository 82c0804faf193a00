import type { CsvColumn } from "../csv";
import type { MajorRow } from "../columns";

/**
 * The records of an open-data release, one flat object per row (the same fields in CSV and JSON),
 * keyed by `id` so that two releases can be compared record by record.
 */
export const RELEASE_SCHEMA_VERSION = "1.0";

export type SchoolRecord = {
  id: string;
  publicCode: string;
  nameZh: string;
  nameEn: string | null;
  altNames: string[];
  formerNames: string[];
  tier: string;
  tierSince: string | null;
  status: string;
  statusSince: string | null;
  ownership: string;
  sponsorType: string;
  sponsorName: string | null;
  authorityId: string;
  authorityNameZh: string;
  divisionCode: string | null;
  cityNameZh: string | null;
  address: string | null;
  website: string | null;
  uscc: string | null;
  approvalDocNo: string | null;
  approvalDate: string | null;
  establishedDate: string | null;
  successorId: string | null;
  lastConfirmedAt: string | null;
  isDemo: boolean;
};

export type SchoolMajorRecord = {
  id: string;
  schoolId: string;
  schoolPublicCode: string;
  majorId: string;
  majorCode: string;
  majorNameZh: string;
  level: string;
  startingPoint: string;
  years: number;
  status: string;
};

export type DesignationRecord = {
  id: string;
  schoolId: string;
  schoolPublicCode: string;
  kind: string;
  level: string;
  status: string;
  title: string | null;
  batchLabel: string | null;
  startDate: string;
  endDate: string | null;
  documentNo: string | null;
  issuer: string | null;
  majorId: string | null;
  majorCode: string | null;
  isDemo: boolean;
};

export type ReleaseDatasets = {
  schools: SchoolRecord[];
  "school-majors": SchoolMajorRecord[];
  majors: MajorRow[];
  designations: DesignationRecord[];
};

export type DatasetName = keyof ReleaseDatasets;
export const DATASETS: DatasetName[] = ["schools", "school-majors", "majors", "designations"];

/** How a record is named in the changelog. */
export const recordLabel: Record<DatasetName, (r: Record<string, unknown>) => string> = {
  schools: (r) => `${r.nameZh} (${r.publicCode})`,
  "school-majors": (r) => `${r.schoolPublicCode} ${r.majorCode} ${r.majorNameZh} ${r.level}`,
  majors: (r) => `${r.code} ${r.nameZh}`,
  designations: (r) => `${r.schoolPublicCode} ${r.kind} ${r.startDate}`,
};

/** CSV columns: every field, in declaration order of the first record's keys (stable per schema version). */
export function columnsOf<T extends Record<string, unknown>>(fields: readonly (keyof T & string)[]): CsvColumn<T>[] {
  return fields.map((f) => ({ header: f, value: (r: T) => r[f] }));
}

export const FIELDS = {
  schools: [
    "id",
    "publicCode",
    "nameZh",
    "nameEn",
    "altNames",
    "formerNames",
    "tier",
    "tierSince",
    "status",
    "statusSince",
    "ownership",
    "sponsorType",
    "sponsorName",
    "authorityId",
    "authorityNameZh",
    "divisionCode",
    "cityNameZh",
    "address",
    "website",
    "uscc",
    "approvalDocNo",
    "approvalDate",
    "establishedDate",
    "successorId",
    "lastConfirmedAt",
    "isDemo",
  ],
  "school-majors": ["id", "schoolId", "schoolPublicCode", "majorId", "majorCode", "majorNameZh", "level", "startingPoint", "years", "status"],
  majors: ["id", "editionCode", "categoryCode", "categoryNameZh", "categoryNameEn", "code", "nameZh", "nameEn"],
  designations: [
    "id",
    "schoolId",
    "schoolPublicCode",
    "kind",
    "level",
    "status",
    "title",
    "batchLabel",
    "startDate",
    "endDate",
    "documentNo",
    "issuer",
    "majorId",
    "majorCode",
    "isDemo",
  ],
} as const satisfies { [K in DatasetName]: readonly (keyof ReleaseDatasets[K][number] & string)[] };

// Compile-time: every field of every record has a CSV column.
type Missing<K extends DatasetName> = Exclude<keyof ReleaseDatasets[K][number], (typeof FIELDS)[K][number]>;
const complete: [Missing<"schools">, Missing<"school-majors">, Missing<"majors">, Missing<"designations">] extends [never, never, never, never] ? true : false =
  true;
void complete;
