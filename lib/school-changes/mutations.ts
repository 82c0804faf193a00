import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import type { AuthorityScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import { Refusal } from "@/lib/errors";
import { changeKindFor, todayInShanghai, validateTransition } from "@/lib/schools/lifecycle";
import { schoolNamePinyin } from "@/lib/schools/pinyin";
import { ON_REGISTER } from "@/lib/schools/rules";
import { validateTierChange } from "@/lib/schools/tier-rules";
import type { Issue } from "@/lib/validation/issues";
import { changeReason, onlyChanged, toDate, ymd } from "./audit-values";
import { changeTargetSelect, type ChangeTarget } from "./data";
import type { RenameInput, StatusChangeInput, TierChangeFormInput } from "./schema";

/**
 * The dated changes of a school. Each runs in one transaction: read the school inside the scope,
 * check the rules on the row read, update it with the version the officer saw (optimistic lock),
 * record the SchoolChange and the audit event. Refusals are values; nothing is written on them.
 */
export type Actor = { id: string; label: string };
type Done = { schoolId: string; version: number };
type Warnings = (Issue & { field: string })[];

const invalid = (fieldErrors: Record<string, Issue[]>): ActionResult<Done> => ({ ok: false, code: "VALIDATION", fieldErrors });

async function loadInScope(tx: Tx, scope: AuthorityScope, id: string, version: number): Promise<ChangeTarget> {
  const school = await tx.school.findFirst({
    where: { id, ...(scope.authorityId ? { authorityId: scope.authorityId } : {}) },
    select: changeTargetSelect,
  });
  if (!school) throw new Refusal("NOT_FOUND");
  if (school.version !== version) await stale(tx, school);
  return school;
}

async function stale(tx: Tx, school: { id: string; version: number }): Promise<never> {
  const last = await tx.auditEvent.findFirst({
    where: { entityType: "School", entityId: school.id },
    orderBy: { at: "desc" },
    select: { actorLabel: true, at: true },
  });
  throw new Refusal("STALE_VERSION", { version: school.version, changedBy: last?.actorLabel ?? null, changedAt: last?.at.toISOString() ?? null });
}

/** The versioned write every School update goes through; a lost race is STALE_VERSION. */
async function updateVersioned(tx: Tx, school: ChangeTarget, data: Record<string, unknown>) {
  const { count } = await tx.school.updateMany({ where: { id: school.id, version: school.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) await stale(tx, school);
}

export async function changeSchoolStatus(actor: Actor, scope: AuthorityScope, input: StatusChangeInput, today = todayInShanghai()) {
  return db().$transaction(async (tx): Promise<ActionResult<Done>> => {
    const school = await loadInScope(tx, scope, input.schoolId, input.version);
    const check = validateTransition({
      from: school.status,
      to: input.toStatus,
      reasonCode: input.reasonCode,
      effectiveDate: input.effectiveDate,
      statusSince: ymd(school.statusSince),
      today,
      successorId: input.successorId,
      conversionNote: input.conversionNote,
      confirmedIrreversible: input.confirmIrreversible,
    });
    if (!check.ok && check.code === "INVALID_TRANSITION") {
      throw new Refusal("INVALID_TRANSITION", { from: check.from, to: check.to, terminal: check.terminal });
    }
    if (!check.ok) return invalid(check.fieldErrors);
    const merging = check.transition.needsSuccessor === true;
    if (merging) {
      const successor = await tx.school.findFirst({
        where: { id: input.successorId!, authorityId: school.authorityId, status: { in: ON_REGISTER }, NOT: { id: school.id } },
        select: { id: true },
      });
      if (!successor) return invalid({ successorId: [{ key: "successorInvalid" }] });
    }
    const successorId = merging ? input.successorId! : school.successorId;
    await updateVersioned(tx, school, { status: input.toStatus, statusSince: toDate(input.effectiveDate), successorId });
    const kind = changeKindFor(input.toStatus);
    const common = { effectiveDate: toDate(input.effectiveDate), documentNo: input.documentNo, reasonCode: input.reasonCode, createdById: actor.id };
    await tx.schoolChange.create({
      data: {
        ...common,
        schoolId: school.id,
        kind,
        fromStatus: school.status,
        toStatus: input.toStatus,
        note: input.note ?? null,
        // For a conversion, what the school became (e.g. 某某职业技术学院).
        ...(kind === "CONVERSION" ? { fromName: school.nameZh, toName: input.conversionNote } : {}),
        relatedSchoolId: merging ? successorId : null,
      },
      select: { id: true },
    });
    if (merging) {
      // The continuing school records the merge too, pointing back at its predecessor.
      await tx.schoolChange.create({
        data: { ...common, schoolId: successorId!, kind: "MERGE", fromName: school.nameZh, relatedSchoolId: school.id },
        select: { id: true },
      });
    }
    const diff = onlyChanged(
      { status: school.status, statusSince: ymd(school.statusSince), successorId: school.successorId },
      { status: input.toStatus, statusSince: input.effectiveDate, successorId },
    );
    await recordAudit(tx, {
      actor,
      action: merging ? "school.merge" : "school.status",
      entityType: "School",
      entityId: school.id,
      authorityId: school.authorityId,
      ...diff,
      reason: changeReason(input.documentNo, input.note),
    });
    const warnings: Warnings = check.hints;
    return { ok: true, data: { schoolId: school.id, version: school.version + 1 }, ...(warnings.length ? { warnings } : {}) };
  });
}

export async function changeSchoolTier(actor: Actor, scope: AuthorityScope, input: TierChangeFormInput, today = todayInShanghai()) {
  return db().$transaction(async (tx): Promise<ActionResult<Done>> => {
    const school = await loadInScope(tx, scope, input.schoolId, input.version);
    if (!ON_REGISTER.includes(school.status)) return invalid({ toTier: [{ key: "schoolNotOnRegister" }] });
    const errors = validateTierChange({
      from: school.tier,
      to: input.toTier,
      override: input.override,
      justification: input.justification,
      approvalDocNo: input.approvalDocNo,
      effectiveDate: input.effectiveDate,
      today,
      tierSince: ymd(school.tierSince),
    });
    if (Object.keys(errors).length) return invalid(errors);
    const next = { tier: input.toTier, tierSince: input.effectiveDate, approvalDocNo: input.approvalDocNo!, approvalDate: input.approvalDate };
    await updateVersioned(tx, school, { ...next, tierSince: toDate(next.tierSince), approvalDate: toDate(next.approvalDate) });
    const justification = input.override ? input.justification : null;
    await tx.schoolChange.create({
      data: {
        schoolId: school.id,
        kind: "TIER_CHANGE",
        effectiveDate: toDate(input.effectiveDate),
        documentNo: input.approvalDocNo,
        reasonCode: input.override ? "TIER_OVERRIDE" : null,
        note: justification,
        fromTier: school.tier,
        toTier: input.toTier,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const diff = onlyChanged(
      { tier: school.tier, tierSince: ymd(school.tierSince), approvalDocNo: school.approvalDocNo, approvalDate: ymd(school.approvalDate) },
      next,
    );
    await recordAudit(tx, {
      actor,
      action: "school.tier",
      entityType: "School",
      entityId: school.id,
      authorityId: school.authorityId,
      ...diff,
      reason: changeReason(input.approvalDocNo, justification),
    });
    return { ok: true, data: { schoolId: school.id, version: school.version + 1 } };
  });
}

export async function renameSchool(actor: Actor, scope: AuthorityScope, input: RenameInput, today = todayInShanghai()) {
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<Done>> => {
      const school = await loadInScope(tx, scope, input.schoolId, input.version);
      if (!ON_REGISTER.includes(school.status)) return invalid({ newNameZh: [{ key: "schoolNotOnRegister" }] });
      if (input.newNameZh === school.nameZh) return invalid({ newNameZh: [{ key: "nameUnchanged" }] });
      if (input.effectiveDate > today) return invalid({ effectiveDate: [{ key: "dateInFuture", params: { today } }] });
      const holder = await tx.school.findFirst({
        where: { authorityId: school.authorityId, nameZh: input.newNameZh },
        select: { publicCode: true },
      });
      if (holder) return duplicateName(holder.publicCode);
      const next = {
        nameZh: input.newNameZh,
        ...(input.newNameEn ? { nameEn: input.newNameEn } : {}),
        // A school taking back an old name does not list it as former any more.
        formerNames: [...school.formerNames.filter((n) => n !== input.newNameZh && n !== school.nameZh), school.nameZh],
        ...schoolNamePinyin(input.newNameZh),
      };
      const { nameZh, nameEn, formerNames, namePinyin, nameInitials } = school;
      const current = { nameZh, nameEn, formerNames, namePinyin, nameInitials };
      await updateVersioned(tx, school, next);
      await tx.schoolChange.create({
        data: {
          schoolId: school.id,
          kind: "RENAME",
          effectiveDate: toDate(input.effectiveDate),
          documentNo: input.documentNo,
          note: input.note ?? null,
          fromName: school.nameZh,
          toName: input.newNameZh,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: "school.rename",
        entityType: "School",
        entityId: school.id,
        authorityId: school.authorityId,
        ...onlyChanged(current, next),
        reason: changeReason(input.documentNo, input.note),
      });
      return { ok: true, data: { schoolId: school.id, version: school.version + 1 } };
    });
  } catch (e) {
    // Two renames racing to the same name: the unique index decides.
    if ((e as { code?: string }).code === "P2002") return duplicateName(null);
    throw e;
  }
}

function duplicateName(publicCode: string | null): ActionResult<Done> {
  return { ok: false, code: "DUPLICATE", fieldErrors: { newNameZh: [{ key: "nameTaken", params: { publicCode: publicCode ?? "" } }] } };
}
