import "server-only";
import { randomBytes } from "node:crypto";
import type { AuditInput } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";

/**
 * Bulk inserts for a confirmed import, one statement per thousand rows: the rows travel as ONE
 * JSON parameter and PostgreSQL unpacks them with jsonb_to_recordset (the same SQL on PGlite).
 * Prisma's createMany spends about a millisecond of JavaScript per row building its query; this
 * path makes a 10,000-row commit several times faster. The column lists mirror prisma/schema.prisma
 * (the integration tests read the rows back through Prisma, so a mismatch fails them).
 *
 * The writes also follow the registry's bulk-load convention (migration search_and_data_version):
 * per-row DataVersion triggers are skipped for this transaction and the version is raised once.
 */
const CHUNK = 1000;

let counter = 0;
/** Ids in the shape of Prisma's cuid() default: "c", time, a counter and randomness (opaque strings). */
export function newId(): string {
  counter = (counter + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${randomBytes(5).toString("hex")}`.slice(0, 25);
}

async function insertJson(tx: Tx, table: string, columns: [name: string, type: string][], rows: Record<string, unknown>[]) {
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const record = columns.map(([n, t]) => `"${n}" ${t}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${record})`;
  for (let i = 0; i < rows.length; i += CHUNK) await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + CHUNK)));
}

export const SCHOOL_COLUMNS: [string, string][] = [
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
  rows: { id: string; schoolId: string; kind: string; effectiveDate: string; documentNo: string | null; toName: string; toTier: string; toStatus: string; createdById: string }[],
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

/** Audit events with exactly the fields recordAudit (lib/audit/mutations.ts) writes. */
export async function recordAudits(tx: Tx, events: AuditInput[]) {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));
  await insertJson(
    tx,
    "AuditEvent",
    [
      ["id", "text"],
      ["actorId", "text"],
      ["actorLabel", "text"],
      ["action", "text"],
      ["entityType", "text"],
      ["entityId", "text"],
      ["authorityId", "text"],
      ["before", "jsonb"],
      ["after", "jsonb"],
      ["reason", "text"],
      ["source", "text"],
    ],
    events.map((e) => ({
      id: newId(),
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      authorityId: e.authorityId ?? null,
      before: json(e.before),
      after: json(e.after),
      reason: e.reason ?? null,
      source: e.source ?? "web",
    })),
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
