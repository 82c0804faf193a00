import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuthorityScope } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db/client";
import type { FieldIssues } from "@/lib/validation/issues";
import { changedFields, staleConflict, toAuditValue } from "./diff";
import { DATE_FIELDS, EDITABLE_FIELDS, REGISTRABLE_FIELDS, type CreateSchoolInput, type EditSchoolInput } from "./form-schema";
import { schoolNamePinyin } from "./pinyin";
import { makePublicCode } from "./public-code";
import { schoolWarnings } from "./warnings";

/**
 * Writes to a School row. Each runs in one transaction with its audit event, bumps `version`
 * with a compare-and-set (`updateMany where { id, version }`), and answers expected refusals as
 * values (DUPLICATE, VALIDATION, NOT_FOUND, FORBIDDEN, STALE_VERSION), never by throwing.
 */
export type Actor = { id: string; label: string };
type Source = "web" | "import" | "api";

const inScope = (scope: AuthorityScope) => (scope.authorityId ? { authorityId: scope.authorityId } : {});
const shanghaiToday = (now = new Date()) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
const asDate = (v: string | null | undefined) => (v ? new Date(`${v}T00:00:00Z`) : null);
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

type Checked = { uscc?: string | null; nameZh?: string; divisionCode?: string | null };

/** The registry-wide rules a form cannot check alone; field issues name the school in the way. */
export async function schoolConflicts(tx: Tx, authorityId: string, v: Checked, excludeId?: string): Promise<FieldIssues> {
  const issues: FieldIssues = {};
  const notMe = excludeId ? { NOT: { id: excludeId } } : {};
  // One after another: a transaction has one connection (PGlite has only one at all).
  const byUscc = v.uscc ? await tx.school.findFirst({ where: { uscc: v.uscc, ...notMe }, select: { nameZh: true } }) : null;
  const byName = v.nameZh ? await tx.school.findFirst({ where: { authorityId, nameZh: v.nameZh, ...notMe }, select: { id: true } }) : null;
  const division = v.divisionCode ? await tx.division.findUnique({ where: { code: v.divisionCode }, select: { authorityId: true } }) : null;
  if (byUscc) issues.uscc = [{ key: "usccTaken", params: { name: byUscc.nameZh } }];
  if (byName) issues.nameZh = [{ key: "nameTaken" }];
  if (v.divisionCode && division?.authorityId !== authorityId) issues.divisionCode = [{ key: "divisionNotInAuthority" }];
  return issues;
}

function refusal(issues: FieldIssues): ActionResult<never> | null {
  if (Object.keys(issues).length === 0) return null;
  const duplicate = Boolean(issues.uscc || issues.nameZh);
  return { ok: false, code: duplicate ? "DUPLICATE" : "VALIDATION", fieldErrors: issues };
}

async function freshPublicCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = makePublicCode();
    if (!(await tx.school.findUnique({ where: { publicCode: code }, select: { id: true } }))) return code;
  }
}

export async function createSchool(
  scope: AuthorityScope,
  actor: Actor,
  input: CreateSchoolInput,
  opts: { source?: Source; now?: Date } = {},
): Promise<ActionResult<{ id: string }>> {
  if (scope.authorityId && scope.authorityId !== input.authorityId) return { ok: false, code: "FORBIDDEN" };
  const now = opts.now ?? new Date();
  try {
    return await db().$transaction(async (tx) => {
      const authority = await tx.authority.findUnique({ where: { id: input.authorityId }, select: { id: true } });
      if (!authority) return { ok: false, code: "VALIDATION", fieldErrors: { authorityId: [{ key: "invalidValue" }] } };
      const refused = refusal(await schoolConflicts(tx, input.authorityId, input));
      if (refused) return refused;
      const { status, approvalDate, establishedDate, ...rest } = input;
      const data = {
        ...rest,
        ...schoolNamePinyin(input.nameZh),
        publicCode: await freshPublicCode(tx),
        status,
        approvalDate: asDate(approvalDate),
        establishedDate: asDate(establishedDate),
        tierSince: asDate(approvalDate),
        statusSince: asDate(establishedDate ?? shanghaiToday(now)),
        // Whoever registers a school has just checked its record.
        lastConfirmedAt: now,
        lastConfirmedById: actor.id,
      };
      const school = await tx.school.create({ data, select: { id: true } });
      await tx.schoolChange.create({
        data: {
          schoolId: school.id,
          kind: "ESTABLISH",
          effectiveDate: data.statusSince!,
          documentNo: input.approvalDocNo ?? null,
          toName: input.nameZh,
          toTier: input.tier,
          toStatus: status,
          createdById: actor.id,
        },
        select: { id: true },
      });
      const after = Object.fromEntries(REGISTRABLE_FIELDS.map((f) => [f, toAuditValue(f, (data as Record<string, unknown>)[f])]));
      await recordAudit(tx, {
        actor,
        action: "school.create",
        entityType: "School",
        entityId: school.id,
        authorityId: input.authorityId,
        after,
        source: opts.source ?? "web",
      });
      return { ok: true as const, data: { id: school.id }, warnings: schoolWarnings(input) };
    });
  } catch (e) {
    // A concurrent insert won the race for the same code or name: report it like the pre-check.
    if (!isUniqueViolation(e)) throw e;
    const issues = await db().$transaction((tx) => schoolConflicts(tx, input.authorityId, input));
    return { ok: false, code: "DUPLICATE", fieldErrors: Object.keys(issues).length ? issues : undefined };
  }
}

/** The answer to a stale version: who changed the record since, when, and what. */
async function staleFailure(tx: Tx, id: string, yourVersion: number, submitted: Record<string, unknown>): Promise<ActionResult<never>> {
  const current = await tx.school.findUniqueOrThrow({ where: { id } });
  const since = Math.min(Math.max(current.version - yourVersion, 1), 50);
  const events = await tx.auditEvent.findMany({
    where: { entityType: "School", entityId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: since,
    select: { actorLabel: true, at: true, after: true },
  });
  return { ok: false, code: "STALE_VERSION", detail: staleConflict(events, current, submitted, EDITABLE_FIELDS) };
}

export async function updateSchool(
  scope: AuthorityScope,
  actor: Actor,
  input: EditSchoolInput,
  opts: { source?: Source } = {},
): Promise<ActionResult<{ id: string; version: number; changed: number }>> {
  try {
    return await db().$transaction(async (tx) => {
      const current = await tx.school.findFirst({ where: { id: input.id, ...inScope(scope) } });
      if (!current) return { ok: false, code: "NOT_FOUND" };
      if (current.version !== input.version) return staleFailure(tx, input.id, input.version, input);
      const refused = refusal(await schoolConflicts(tx, current.authorityId, { uscc: input.uscc, divisionCode: input.divisionCode }, current.id));
      if (refused) return refused;
      const warnings = schoolWarnings({ ...input, tier: current.tier });
      const { before, after } = changedFields(current, input, EDITABLE_FIELDS);
      const fields = Object.keys(after);
      if (fields.length === 0) return { ok: true as const, data: { id: current.id, version: current.version, changed: 0 }, warnings };
      const data = Object.fromEntries(
        fields.map((f) => [f, DATE_FIELDS.has(f) ? asDate(input[f as keyof EditSchoolInput] as string | null) : input[f as keyof EditSchoolInput]]),
      );
      const res = await tx.school.updateMany({ where: { id: current.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      // Someone else committed between our read and our write (their row lock made us wait).
      if (res.count === 0) return staleFailure(tx, input.id, input.version, input);
      await recordAudit(tx, {
        actor,
        action: "school.update",
        entityType: "School",
        entityId: current.id,
        authorityId: current.authorityId,
        before,
        after,
        source: opts.source ?? "web",
      });
      return { ok: true as const, data: { id: current.id, version: input.version + 1, changed: fields.length }, warnings };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const issues = await db().$transaction(async (tx) => {
      const s = await tx.school.findUnique({ where: { id: input.id }, select: { authorityId: true } });
      return s ? schoolConflicts(tx, s.authorityId, { uscc: input.uscc }, input.id) : {};
    });
    return { ok: false, code: "DUPLICATE", fieldErrors: Object.keys(issues).length ? issues : undefined };
  }
}

/**
 * "确认信息无误": the officer vouches for the record as they saw it, so the version they saw is
 * required — confirming a record someone has just changed would vouch for unseen data.
 */
export async function confirmSchool(
  scope: AuthorityScope,
  actor: Actor,
  input: { id: string; version: number },
  now = new Date(),
): Promise<ActionResult<{ id: string; version: number; confirmedAt: string }>> {
  return db().$transaction(async (tx) => {
    const current = await tx.school.findFirst({
      where: { id: input.id, ...inScope(scope) },
      select: { id: true, version: true, authorityId: true, lastConfirmedAt: true, lastConfirmedById: true },
    });
    if (!current) return { ok: false, code: "NOT_FOUND" };
    const res = await tx.school.updateMany({
      where: { id: current.id, version: input.version },
      data: { lastConfirmedAt: now, lastConfirmedById: actor.id, version: { increment: 1 } },
    });
    if (res.count === 0) return staleFailure(tx, input.id, input.version, {});
    await recordAudit(tx, {
      actor,
      action: "school.confirm",
      entityType: "School",
      entityId: current.id,
      authorityId: current.authorityId,
      before: { lastConfirmedAt: toAuditValue("lastConfirmedAt", current.lastConfirmedAt), lastConfirmedById: current.lastConfirmedById },
      after: { lastConfirmedAt: now.toISOString(), lastConfirmedById: actor.id },
    });
    return { ok: true as const, data: { id: current.id, version: input.version + 1, confirmedAt: now.toISOString() } };
  });
}
