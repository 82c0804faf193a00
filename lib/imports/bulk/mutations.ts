import "server-only";
import { insertJson, newId, type BulkColumns } from "@/lib/db/bulk-insert";
import type { Tx } from "@/lib/db/client";

export { newId };

/**
 * The import's bulk writes (lib/db/bulk-insert.ts explains the technique). They also follow the
 * registry's bulk-load convention (migration search_and_data_version): per-row DataVersion
 * triggers are skipped for this transaction and the version is raised once.
 */
export const SCHOOL_COLUMNS: BulkColumns = [
  ["id", "text"],
  ["publicCode", "text"],
  ["nameZh", "text"],
  ["nameEn", "text"],
  ["namePinyin", "text"],
  ["nameInitials", "text"],
  ["altNames", "text[]"],
  ["tier", '"SchoolTier"'],
  ["tierSince", "date"],
  ["ownership", '"Ownership"'],
  ["sponsorType", '"SponsorType"'],
  ["sponsorName", "text"],
  ["authorityId", "text"],
  ["divisionCode", "text"],
  ["address", "text"],
  ["website", "text"],
  ["uscc", "text"],
  ["approvalDocNo", "text"],
  ["approvalDate", "date"],
  ["establishedDate", "date"],
  ["status", '"SchoolStatus"'],
  ["statusSince", "date"],
  ["figuresYear", "integer"],
  ["fullTimeStudents", "integer"],
  ["trainingPersonTimes", "integer"],
  ["campusArea", "integer"],
  ["buildingArea", "integer"],
  ["equipmentValue", "integer"],
  ["teachers", "integer"],
  ["majorCount", "integer"],
  ["contactName", "text"],
  ["contactPhone", "text"],
  ["lastConfirmedAt", "timestamp(3)"],
  ["lastConfirmedById", "text"],
  ["updatedAt", "timestamp(3)"],
];

/** Rows with every SCHOOL_COLUMNS key (null where empty); dates as YYYY-MM-DD, timestamps as ISO strings. */
export async function insertSchools(tx: Tx, rows: Record<string, unknown>[]) {
  await insertJson(tx, "School", SCHOOL_COLUMNS, rows);
}

export async function insertSchoolChanges(
  tx: Tx,
  rows: {
    id: string;
    schoolId: string;
    kind: string;
    effectiveDate: string;
    documentNo: string | null;
    toName: string;
    toTier: string;
    toStatus: string;
    createdById: string;
  }[],
) {
  await insertJson(
    tx,
    "SchoolChange",
    [
      ["id", "text"],
      ["schoolId", "text"],
      ["kind", '"ChangeKind"'],
      ["effectiveDate", "date"],
      ["documentNo", "text"],
      ["toName", "text"],
      ["toTier", '"SchoolTier"'],
      ["toStatus", '"SchoolStatus"'],
      ["createdById", "text"],
    ],
    rows,
  );
}

/** Per-row DataVersion triggers off for this transaction (the registry's bulk-load convention)… */
export async function beginBulkLoad(tx: Tx) {
  await tx.$executeRawUnsafe(`SELECT set_config('registry.bulk_load', 'on', true)`);
}

/** …and the version raised once, as those triggers would have. */
export async function endBulkLoad(tx: Tx) {
  await tx.$executeRawUnsafe(`SELECT set_config('registry.bulk_load', 'off', true)`);
  await tx.$executeRawUnsafe(`UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1`);
}
