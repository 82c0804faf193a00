import "server-only";
import { latestEvents } from "@/lib/audit/data";
import { insertJson, newId } from "@/lib/db/bulk-insert";
import type { Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuseFields, refuseStale } from "@/lib/errors";
import type { ChangeKind, SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { dateOnly, ymd } from "@/lib/kernel/dates";
import { staleConflict, toAuditValue, type AuditValue } from "../diff";
import { EDITABLE_FIELDS, REGISTRABLE_FIELDS, type CreateSchoolInput } from "../form-schema";
import { schoolNamePinyin } from "../pinyin";
import { makePublicCode } from "../public-code";
import { CHANGE_COLUMNS, SCHOOL_COLUMNS } from "./columns";

/**
 * THE School writer. Every write to a School row goes through one of these three, whoever
 * calls — the console forms (lib/schools/mutations.ts), the dated changes
 * (lib/school-changes/mutations.ts) and the import (lib/imports/commit, in batches of the same code):
 *  - `registerSchools`: new schools with what registration gives each (public code, pinyin keys,
 *    tierSince/statusSince, a 新设 change, "school.create" with every registrable field);
 *  - `writeSchoolVersion`: an update as a compare-and-set on `version` (no lost updates), with its
 *    audit event; a lost race is STALE_VERSION with the one detail shape;
 *  - `recordSchoolChange`: a dated change (rename, tier, status, merge…) that can never be dated
 *    before the school's 新设, so the public 沿革 is always in date order.
 */
const BATCH = 1000;

export type NewSchool = CreateSchoolInput;
export type Registered = { id: string; nameZh: string; authorityId: string };

async function freshPublicCodes(tx: Tx, n: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < n) {
    const batch = Array.from({ length: n - codes.size }, () => makePublicCode()).filter((c) => !codes.has(c));
    const taken = new Set((await tx.school.findMany({ where: { publicCode: { in: batch } }, select: { publicCode: true } })).map((t) => t.publicCode));
    for (const c of batch) if (!taken.has(c)) codes.add(c);
  }
  return [...codes];
}

/**
 * The 新设 date: the school's 成立日期, or — unknown — the day it entered the register. Its tier
 * counts from the approval date when there is one.
 */
function registrationRow(ctx: WriteContext, input: NewSchool, publicCode: string) {
  const { status, approvalDate, establishedDate, ...rest } = input;
  const row: Record<string, unknown> = {
    ...rest,
    id: newId(),
    ...schoolNamePinyin(rest.nameZh),
    publicCode,
    status,
    approvalDate: approvalDate ?? null,
    establishedDate: establishedDate ?? null,
    tierSince: approvalDate ?? null,
    statusSince: establishedDate ?? ctx.today,
    // Whoever registers a school has just checked its record.
    lastConfirmedAt: ctx.now.toISOString(),
    lastConfirmedById: ctx.actor.id,
    updatedAt: ctx.now.toISOString(),
  };
  for (const [c] of SCHOOL_COLUMNS) row[c] ??= null;
  return row as Record<string, unknown> & { id: string; nameZh: string; authorityId: string; tier: SchoolTier; status: SchoolStatus; statusSince: string };
}

export async function registerSchools(ctx: WriteContext, inputs: NewSchool[], reason: string | null = null): Promise<Registered[]> {
  const out: Registered[] = [];
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = inputs.slice(i, i + BATCH);
    const codes = await freshPublicCodes(ctx.tx, batch.length);
    const rows = batch.map((input, k) => registrationRow(ctx, input, codes[k]));
    await insertJson(ctx.tx, "School", SCHOOL_COLUMNS, rows);
    await insertChanges(
      ctx,
      rows.map((r) => ({
        schoolId: r.id,
        kind: "ESTABLISH" as const,
        effectiveDate: r.statusSince,
        documentNo: (r.approvalDocNo as string | null) ?? null,
        toName: r.nameZh,
        toTier: r.tier,
        toStatus: r.status,
      })),
    );
    await ctx.auditMany(
      rows.map((r) => ({
        action: "school.create",
        entityType: "School",
        entityId: r.id,
        authorityId: r.authorityId,
        after: Object.fromEntries(REGISTRABLE_FIELDS.map((f) => [f, toAuditValue(f, r[f])])),
        reason,
      })),
    );
    out.push(...rows.map((r) => ({ id: r.id, nameZh: r.nameZh, authorityId: r.authorityId })));
  }
  return out;
}

export type VersionedSchool = { id: string; version: number; authorityId: string };
export type SchoolEvent = { action: string; before?: Record<string, AuditValue>; after?: Record<string, AuditValue>; reason?: string | null };

/**
 * Writes `data` to the school if it is still at `school.version`, bumps the version and records
 * the audit event; otherwise STALE_VERSION naming who changed it since, and — for the fields the
 * caller submitted — their value against the stored one. Returns the new version.
 */
export async function writeSchoolVersion(
  ctx: WriteContext,
  school: VersionedSchool,
  data: Record<string, unknown>,
  event: SchoolEvent,
  submitted: Record<string, unknown> = {},
): Promise<number> {
  await writeSchoolVersions(ctx, [{ school, data, event, submitted }]);
  return school.version + 1;
}

/**
 * The same for many schools at once (an import): each a compare-and-set, the audit events written
 * together at the end. `row` names the file row of an update that lost its race (STALE_VERSION).
 */
export async function writeSchoolVersions(
  ctx: WriteContext,
  updates: { school: VersionedSchool; data: Record<string, unknown>; event: SchoolEvent; submitted?: Record<string, unknown>; row?: number }[],
) {
  for (const u of updates) {
    const { count } = await ctx.tx.school.updateMany({ where: { id: u.school.id, version: u.school.version }, data: { ...u.data, version: { increment: 1 } } });
    if (count === 0) await refuseStaleSchool(ctx.tx, u.school.id, u.school.version, u.submitted, u.row);
  }
  await ctx.auditMany(updates.map((u) => ({ ...u.event, entityType: "School", entityId: u.school.id, authorityId: u.school.authorityId })));
}

/** STALE_VERSION for a school whose stored version is no longer `yourVersion`. */
export async function refuseStaleSchool(tx: Tx, id: string, yourVersion: number, submitted: Record<string, unknown> = {}, row?: number): Promise<never> {
  const current = await tx.school.findUniqueOrThrow({ where: { id } });
  const events = await latestEvents(tx, "School", id, current.version - yourVersion);
  refuseStale({ ...staleConflict(events, current, submitted, EDITABLE_FIELDS), ...(row === undefined ? {} : { row }) });
}

export type NewChange = {
  schoolId: string;
  kind: ChangeKind;
  /** YYYY-MM-DD */
  effectiveDate: string;
  documentNo?: string | null;
  reasonCode?: string | null;
  note?: string | null;
  fromName?: string | null;
  toName?: string | null;
  fromTier?: SchoolTier | null;
  toTier?: SchoolTier | null;
  fromStatus?: SchoolStatus | null;
  toStatus?: SchoolStatus | null;
  relatedSchoolId?: string | null;
};

async function insertChanges(ctx: WriteContext, changes: NewChange[]) {
  const rows = changes.map((c) => {
    const row: Record<string, unknown> = { ...c, id: newId(), createdById: ctx.actor.id };
    for (const [col] of CHANGE_COLUMNS) row[col] ??= null;
    return row;
  });
  await insertJson(ctx.tx, "SchoolChange", CHANGE_COLUMNS, rows);
}

/** The date of the school's 新设 (its first entry in the lineage), or null for a school without one. */
export async function establishedOn(tx: Tx, schoolId: string): Promise<string | null> {
  const first = await tx.schoolChange.findFirst({ where: { schoolId, kind: "ESTABLISH" }, orderBy: { effectiveDate: "asc" }, select: { effectiveDate: true } });
  return ymd(first?.effectiveDate);
}

/**
 * Adds a dated change to the lineage. Refused — on `field` — when it would come before the
 * school's 新设: the 沿革 reads in date order, and a change cannot precede the school.
 */
export async function recordSchoolChange(ctx: WriteContext, change: NewChange, field = "effectiveDate") {
  const since = await establishedOn(ctx.tx, change.schoolId);
  if (since && change.effectiveDate < since) refuseFields({ [field]: [{ key: "dateBeforeEstablished", params: { date: since } }] });
  await insertChanges(ctx, [change]);
}

/**
 * A new 成立日期 moves the 新设 with it — unless a recorded change is dated before the new date
 * (refused on `establishedDate`: the lineage would be out of order). Returns the 新设's date.
 */
export async function moveEstablishment(ctx: WriteContext, schoolId: string, establishedDate: string) {
  const first = await ctx.tx.schoolChange.findFirst({
    where: { schoolId, kind: { not: "ESTABLISH" } },
    orderBy: { effectiveDate: "asc" },
    select: { effectiveDate: true },
  });
  const earliest = ymd(first?.effectiveDate);
  if (earliest && earliest < establishedDate) refuseFields({ establishedDate: [{ key: "dateAfterFirstChange", params: { date: earliest } }] });
  await ctx.tx.schoolChange.updateMany({ where: { schoolId, kind: "ESTABLISH" }, data: { effectiveDate: dateOnly(establishedDate) } });
}
