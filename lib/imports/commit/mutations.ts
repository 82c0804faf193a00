import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudits, type AuditInput } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { toAuditValue } from "@/lib/schools/diff";
import { DATE_FIELDS, REGISTRABLE_FIELDS } from "@/lib/schools/form-schema";
import { schoolNamePinyin } from "@/lib/schools/pinyin";
import { makePublicCode } from "@/lib/schools/public-code";
import type { SchoolMajorPlan } from "../major-rows";
import { insertSchoolChanges, insertSchools, newId, SCHOOL_COLUMNS } from "../bulk/mutations";
import type { SchoolPlan } from "../school-rows";
import { importReason, type Actor, type ImportSource } from "../source";

/**
 * The writes of a confirmed import, inside the caller's transaction: created schools in batches
 * (bulk/mutations.ts), created majors with createManyAndReturn, each update as a compare-and-set
 * on `version`, and one audit event per created or updated record following the audit convention
 * (source "import", reason = file + import id). A created school gets what the form's create gives it (lib/schools/mutations.ts
 * createSchool): public code, pinyin keys, tierSince/statusSince, a SchoolChange ESTABLISH.
 */
const BATCH = 1000;
const LINKS = 50;
const asDate = (v: unknown) => (typeof v === "string" && v ? new Date(`${v}T00:00:00Z`) : null);
const shanghaiToday = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);

type Written = ActionResult<{ created: { id: string; name: string }[]; updated: { id: string; name: string }[] }>;

async function freshPublicCodes(tx: Tx, n: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < n) {
    const batch = Array.from({ length: n - codes.size }, () => makePublicCode()).filter((c) => !codes.has(c));
    const taken = await tx.school.findMany({ where: { publicCode: { in: batch } }, select: { publicCode: true } });
    const takenSet = new Set(taken.map((t) => t.publicCode));
    for (const c of batch) if (!takenSet.has(c)) codes.add(c);
  }
  return [...codes];
}

export async function writeSchoolPlan(tx: Tx, actor: Actor, source: ImportSource, plan: SchoolPlan, now: Date): Promise<Written> {
  const reason = importReason(source);
  const created: { id: string; name: string }[] = [];
  const updated: { id: string; name: string }[] = [];
  const today = shanghaiToday(now);
  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    const codes = await freshPublicCodes(tx, batch.length);
    const rows = batch.map(({ data }, k) => {
      const { status, approvalDate, establishedDate, ...rest } = data;
      const row: Record<string, unknown> = {
        ...rest,
        id: newId(),
        ...schoolNamePinyin(rest.nameZh),
        publicCode: codes[k],
        status,
        approvalDate: approvalDate ?? null,
        establishedDate: establishedDate ?? null,
        tierSince: approvalDate ?? null,
        statusSince: establishedDate ?? today,
        lastConfirmedAt: now.toISOString(),
        lastConfirmedById: actor.id,
        updatedAt: now.toISOString(),
      };
      for (const [c] of SCHOOL_COLUMNS) row[c] ??= null;
      return row as Record<string, unknown> & {
        id: string;
        nameZh: string;
        authorityId: string;
        tier: string;
        status: string;
        statusSince: string;
        approvalDocNo: string | null;
      };
    });
    await insertSchools(tx, rows);
    await insertSchoolChanges(
      tx,
      rows.map((r) => ({
        id: newId(),
        schoolId: r.id,
        kind: "ESTABLISH",
        effectiveDate: r.statusSince,
        documentNo: r.approvalDocNo ?? null,
        toName: r.nameZh,
        toTier: r.tier,
        toStatus: r.status,
        createdById: actor.id,
      })),
    );
    await recordAudits(
      tx,
      rows.map((r) => ({
        actor,
        action: "school.create",
        entityType: "School",
        entityId: r.id,
        authorityId: r.authorityId,
        // The same "after" as the form's create: every registrable field, dates as YYYY-MM-DD.
        after: Object.fromEntries(REGISTRABLE_FIELDS.map((f) => [f, toAuditValue(f, r[f])])),
        reason,
        source: "import" as const,
      })),
    );
    for (const r of rows) if (created.length < LINKS) created.push({ id: r.id, name: r.nameZh });
  }
  const audits: AuditInput[] = [];
  for (const u of plan.updates) {
    const data = Object.fromEntries(Object.keys(u.after).map((f) => [f, DATE_FIELDS.has(f) ? asDate(u.data[f]) : u.data[f]]));
    const res = await tx.school.updateMany({ where: { id: u.id, version: u.version }, data: { ...data, version: { increment: 1 } } });
    // Changed by someone else after the re-validation read it: the whole import is rolled back.
    if (res.count === 0) return { ok: false, code: "STALE_VERSION", detail: { row: u.row } };
    audits.push({
      actor,
      action: "school.update",
      entityType: "School",
      entityId: u.id,
      authorityId: u.authorityId,
      before: u.before,
      after: u.after,
      reason,
      source: "import",
    });
    if (updated.length < LINKS) updated.push({ id: u.id, name: u.name });
  }
  await recordAudits(tx, audits);
  return { ok: true, data: { created, updated } };
}

export async function writeMajorPlan(tx: Tx, actor: Actor, source: ImportSource, plan: SchoolMajorPlan): Promise<Written> {
  const reason = importReason(source);
  const created: { id: string; name: string }[] = [];
  const updated: { id: string; name: string }[] = [];
  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    const made = await tx.schoolMajor.createManyAndReturn({
      data: batch.map((c) => ({ schoolId: c.schoolId, majorId: c.majorId, level: c.level, startingPoint: c.startingPoint, years: c.years, status: c.status })),
      select: { id: true, schoolId: true, majorId: true, level: true, startingPoint: true, years: true, status: true },
    });
    const authorityOf = new Map(batch.map((c) => [c.schoolId, c.authorityId]));
    for (const c of batch) if (created.length < LINKS) created.push({ id: c.schoolId, name: c.name });
    await recordAudits(
      tx,
      made.map((m) => ({
        actor,
        action: "schoolMajor.create",
        entityType: "SchoolMajor",
        entityId: m.id,
        authorityId: authorityOf.get(m.schoolId) ?? null,
        after: { schoolId: m.schoolId, majorId: m.majorId, level: m.level, startingPoint: m.startingPoint, years: m.years, status: m.status },
        reason,
        source: "import" as const,
      })),
    );
  }
  const audits: AuditInput[] = [];
  for (const u of plan.updates) {
    await tx.schoolMajor.update({ where: { id: u.id }, data: u.data, select: { id: true } });
    // As lib/school-majors/mutations.ts records them: a status change is "schoolMajor.status";
    // a change of length is "schoolMajor.update". Every event names the school and the major.
    const ids = { schoolId: u.schoolId, majorId: u.majorId };
    const base = { actor, entityType: "SchoolMajor", entityId: u.id, authorityId: u.authorityId, reason, source: "import" as const };
    if ("status" in u.after)
      audits.push({ ...base, action: "schoolMajor.status", before: { ...ids, status: u.before.status }, after: { ...ids, status: u.after.status } });
    if ("years" in u.after)
      audits.push({ ...base, action: "schoolMajor.update", before: { ...ids, years: u.before.years }, after: { ...ids, years: u.after.years } });
    if (updated.length < LINKS) updated.push({ id: u.schoolId, name: u.name });
  }
  await recordAudits(tx, audits);
  return { ok: true, data: { created, updated } };
}
