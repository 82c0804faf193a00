import "server-only";
import { inScope } from "@/lib/auth/scope";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields } from "@/lib/errors";
import { dateOnly, ymd } from "@/lib/kernel/dates";
import { changeKindFor, validateTransition } from "@/lib/schools/lifecycle";
import { schoolNamePinyin } from "@/lib/schools/pinyin";
import { lookAlikeWarnings } from "@/lib/schools/data";
import { ON_REGISTER } from "@/lib/schools/rules";
import { validateTierChange } from "@/lib/schools/tier-rules";
import { recordSchoolChange, refuseStaleSchool, writeSchoolVersion } from "@/lib/schools/writer/mutations";
import { changeReason, onlyChanged } from "./audit-values";
import { changeTargetSelect, type ChangeTarget } from "./data";
import type { RenameInput, StatusChangeInput, TierChangeFormInput } from "./schema";

/**
 * The dated changes of a school (status, merge, tier, rename), each inside the action's
 * transaction: read the school inside the scope, check the rules on the row read, then write
 * through THE School writer (lib/schools/writer/mutations.ts) — the versioned update with its
 * audit event, and the dated SchoolChange, never earlier than the school's 新设.
 */
type Done = { schoolId: string; version: number };

async function loadInScope(ctx: WriteContext, id: string, version: number): Promise<ChangeTarget> {
  const school = await ctx.tx.school.findFirst({ where: { id, ...inScope(ctx.scope) }, select: changeTargetSelect });
  if (!school) refuse("NOT_FOUND");
  if (school.version !== version) await refuseStaleSchool(ctx.tx, school.id, version);
  return school;
}

export async function changeSchoolStatus(ctx: WriteContext, input: StatusChangeInput): Promise<Done> {
  const school = await loadInScope(ctx, input.schoolId, input.version);
  const check = validateTransition({
    from: school.status,
    to: input.toStatus,
    reasonCode: input.reasonCode,
    effectiveDate: input.effectiveDate,
    statusSince: ymd(school.statusSince),
    today: ctx.today,
    successorId: input.successorId,
    conversionNote: input.conversionNote,
    confirmedIrreversible: input.confirmIrreversible,
  });
  if (!check.ok && check.code === "INVALID_TRANSITION") refuse("INVALID_TRANSITION", { from: check.from, to: check.to, terminal: check.terminal });
  if (!check.ok) refuseFields(check.fieldErrors);
  const merging = check.transition.needsSuccessor === true;
  if (merging) {
    const successor = await ctx.tx.school.findFirst({
      where: { id: input.successorId!, authorityId: school.authorityId, status: { in: ON_REGISTER }, NOT: { id: school.id } },
      select: { id: true },
    });
    if (!successor) refuseFields({ successorId: [{ key: "successorInvalid" }] });
  }
  const successorId = merging ? input.successorId! : school.successorId;
  const kind = changeKindFor(input.toStatus);
  const common = { effectiveDate: input.effectiveDate, documentNo: input.documentNo, reasonCode: input.reasonCode };
  await recordSchoolChange(ctx, {
    ...common,
    schoolId: school.id,
    kind,
    fromStatus: school.status,
    toStatus: input.toStatus,
    note: input.note ?? null,
    // For a conversion, what the school became (e.g. 某某职业技术学院).
    ...(kind === "CONVERSION" ? { fromName: school.nameZh, toName: input.conversionNote } : {}),
    relatedSchoolId: merging ? successorId : null,
  });
  // The continuing school records the merge too, pointing back at its predecessor.
  if (merging) await recordSchoolChange(ctx, { ...common, schoolId: successorId!, kind: "MERGE", fromName: school.nameZh, relatedSchoolId: school.id });
  const version = await writeSchoolVersion(
    ctx,
    school,
    { status: input.toStatus, statusSince: dateOnly(input.effectiveDate), successorId },
    {
      action: merging ? "school.merge" : "school.status",
      ...onlyChanged(
        { status: school.status, statusSince: ymd(school.statusSince), successorId: school.successorId },
        { status: input.toStatus, statusSince: input.effectiveDate, successorId },
      ),
      reason: changeReason(input.documentNo, input.note),
    },
  );
  for (const hint of check.hints) ctx.warn(hint);
  return { schoolId: school.id, version };
}

export async function changeSchoolTier(ctx: WriteContext, input: TierChangeFormInput): Promise<Done> {
  const school = await loadInScope(ctx, input.schoolId, input.version);
  if (!ON_REGISTER.includes(school.status)) refuseFields({ toTier: [{ key: "schoolNotOnRegister" }] });
  const errors = validateTierChange({
    from: school.tier,
    to: input.toTier,
    override: input.override,
    justification: input.justification,
    approvalDocNo: input.approvalDocNo,
    effectiveDate: input.effectiveDate,
    today: ctx.today,
    tierSince: ymd(school.tierSince),
  });
  if (Object.keys(errors).length) refuseFields(errors);
  const justification = input.override ? input.justification : null;
  await recordSchoolChange(ctx, {
    schoolId: school.id,
    kind: "TIER_CHANGE",
    effectiveDate: input.effectiveDate,
    documentNo: input.approvalDocNo,
    reasonCode: input.override ? "TIER_OVERRIDE" : null,
    note: justification,
    fromTier: school.tier,
    toTier: input.toTier,
  });
  const next = { tier: input.toTier, tierSince: input.effectiveDate, approvalDocNo: input.approvalDocNo!, approvalDate: input.approvalDate };
  const version = await writeSchoolVersion(
    ctx,
    school,
    { ...next, tierSince: dateOnly(next.tierSince), approvalDate: dateOnly(next.approvalDate) },
    {
      action: "school.tier",
      ...onlyChanged(
        { tier: school.tier, tierSince: ymd(school.tierSince), approvalDocNo: school.approvalDocNo, approvalDate: ymd(school.approvalDate) },
        next,
      ),
      reason: changeReason(input.approvalDocNo, justification),
    },
  );
  return { schoolId: school.id, version };
}

export async function renameSchool(ctx: WriteContext, input: RenameInput): Promise<Done> {
  const school = await loadInScope(ctx, input.schoolId, input.version);
  if (!ON_REGISTER.includes(school.status)) refuseFields({ newNameZh: [{ key: "schoolNotOnRegister" }] });
  if (input.newNameZh === school.nameZh) refuseFields({ newNameZh: [{ key: "nameUnchanged" }] });
  if (input.effectiveDate > ctx.today) refuseFields({ effectiveDate: [{ key: "dateInFuture", params: { today: ctx.today } }] });
  const holder = await ctx.tx.school.findFirst({ where: { authorityId: school.authorityId, nameZh: input.newNameZh }, select: { publicCode: true } });
  if (holder) refuseFields(nameTaken(holder.publicCode), "DUPLICATE");
  for (const w of await lookAlikeWarnings(school.authorityId, input.newNameZh, "newNameZh", school.id, ctx.tx)) ctx.warn(w);
  const next = {
    nameZh: input.newNameZh,
    ...(input.newNameEn ? { nameEn: input.newNameEn } : {}),
    // A school taking back an old name does not list it as former any more.
    formerNames: [...school.formerNames.filter((n) => n !== input.newNameZh && n !== school.nameZh), school.nameZh],
    ...schoolNamePinyin(input.newNameZh),
  };
  const { nameZh, nameEn, formerNames, namePinyin, nameInitials } = school;
  await recordSchoolChange(ctx, {
    schoolId: school.id,
    kind: "RENAME",
    effectiveDate: input.effectiveDate,
    documentNo: input.documentNo,
    note: input.note ?? null,
    fromName: school.nameZh,
    toName: input.newNameZh,
  });
  const version = await writeSchoolVersion(ctx, school, next, {
    action: "school.rename",
    ...onlyChanged({ nameZh, nameEn, formerNames, namePinyin, nameInitials }, next),
    reason: changeReason(input.documentNo, input.note),
  });
  return { schoolId: school.id, version };
}

/** The new name is another school's of the same authority (found first, or by the unique index when two renames race). */
export function nameTaken(publicCode: string | null) {
  return { newNameZh: [{ key: "nameTaken", params: { publicCode: publicCode ?? "" } }] };
}
