import "server-only";
import { acceptErrorReport } from "@/lib/error-reports/mutations";
import { db, type Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields } from "@/lib/errors";
import { dateOnlyOrNull, ymd } from "@/lib/kernel/dates";
import { assertInScope, inScope } from "@/lib/auth/scope";
import type { FieldIssues } from "@/lib/validation/issues";
import { changedFields, toAuditValue } from "./diff";
import { DATE_FIELDS, EDITABLE_FIELDS, type CreateSchoolInput, type EditSchoolInput } from "./form-schema";
import { lookAlikeWarnings } from "./data";
import { schoolWarnings } from "./warnings";
import { moveEstablishment, refuseStaleSchool, registerSchools, writeSchoolVersion } from "./writer/mutations";

/**
 * The console forms' writes of a school: registration, the edit form and "确认信息无误". Each
 * checks what a form cannot check alone, then writes through THE School writer
 * (./writer/mutations.ts) inside the action's transaction (lib/actions/define.ts).
 */
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

/** After a lost unique race (the transaction rolled back): which field the winner took. */
export async function conflictsAfterRace(v: Checked & { authorityId?: string }, excludeId?: string): Promise<FieldIssues> {
  return db().$transaction(async (tx) => {
    const authorityId = v.authorityId ?? (await tx.school.findUnique({ where: { id: excludeId ?? "" }, select: { authorityId: true } }))?.authorityId;
    return authorityId ? schoolConflicts(tx, authorityId, v, excludeId) : {};
  });
}

function refuseConflicts(issues: FieldIssues) {
  if (Object.keys(issues).length) refuseFields(issues, issues.uscc || issues.nameZh ? "DUPLICATE" : "VALIDATION");
}

export async function createSchool(ctx: WriteContext, input: CreateSchoolInput): Promise<{ id: string }> {
  assertInScope(ctx.scope, input.authorityId);
  const authority = await ctx.tx.authority.findUnique({ where: { id: input.authorityId }, select: { id: true } });
  if (!authority) refuseFields({ authorityId: [{ key: "invalidValue" }] });
  refuseConflicts(await schoolConflicts(ctx.tx, input.authorityId, input));
  const lookAlike = await lookAlikeWarnings(input.authorityId, input.nameZh, "nameZh", null, ctx.tx);
  const [school] = await registerSchools(ctx, [input]);
  for (const w of [...lookAlike, ...schoolWarnings(input)]) ctx.warn(w);
  return { id: school.id };
}

export async function updateSchool(ctx: WriteContext, input: EditSchoolInput): Promise<{ id: string; version: number; changed: number }> {
  const current = await ctx.tx.school.findFirst({ where: { id: input.id, ...inScope(ctx.scope) } });
  if (!current) refuse("NOT_FOUND");
  if (current.version !== input.version) await refuseStaleSchool(ctx.tx, current.id, input.version, input);
  refuseConflicts(await schoolConflicts(ctx.tx, current.authorityId, { uscc: input.uscc, divisionCode: input.divisionCode }, current.id));
  for (const w of schoolWarnings({ ...input, tier: current.tier })) ctx.warn(w);
  const { before, after } = changedFields(current, input, EDITABLE_FIELDS);
  const fields = Object.keys(after);
  // Accepting a report means correcting the record: an edit that changes nothing cannot accept one.
  if (fields.length === 0 && input.errorReportId) refuse("VALIDATION", { reason: "errorReportNoChange" });
  if (fields.length === 0) return { id: current.id, version: current.version, changed: 0 };
  // The history names the report the edit corrects (the timeline reads `after.errorReport`).
  if (input.errorReportId) after.errorReport = await acceptErrorReport(ctx, input.errorReportId, current.id);
  const data: Record<string, unknown> = Object.fromEntries(
    fields.map((f) => {
      const value = input[f as keyof EditSchoolInput];
      return [f, DATE_FIELDS.has(f) ? dateOnlyOrNull(value as string | null) : value];
    }),
  );
  if ("establishedDate" in after && input.establishedDate) {
    await moveEstablishment(ctx, current.id, input.establishedDate);
    // Never changed since the 新设: the status counts from the new founding date too.
    if (ymd(current.statusSince) === ymd(current.establishedDate) || !current.establishedDate) {
      data.statusSince = dateOnlyOrNull(input.establishedDate);
      before.statusSince = toAuditValue("statusSince", current.statusSince);
      after.statusSince = input.establishedDate;
    }
  }
  const version = await writeSchoolVersion(ctx, current, data, { action: "school.update", before, after }, input);
  return { id: current.id, version, changed: fields.length };
}

/**
 * "确认信息无误": the officer vouches for the record as they saw it, so the version they saw is
 * required — confirming a record someone has just changed would vouch for unseen data.
 */
export async function confirmSchool(ctx: WriteContext, input: { id: string; version: number }): Promise<{ id: string; version: number; confirmedAt: string }> {
  const current = await ctx.tx.school.findFirst({
    where: { id: input.id, ...inScope(ctx.scope) },
    select: { id: true, authorityId: true, lastConfirmedAt: true, lastConfirmedById: true },
  });
  if (!current) refuse("NOT_FOUND");
  const before = { lastConfirmedAt: toAuditValue("lastConfirmedAt", current.lastConfirmedAt), lastConfirmedById: current.lastConfirmedById };
  const after = { lastConfirmedAt: ctx.now.toISOString(), lastConfirmedById: ctx.actor.id };
  const version = await writeSchoolVersion(
    ctx,
    { ...current, version: input.version },
    { lastConfirmedAt: ctx.now, lastConfirmedById: ctx.actor.id },
    { action: "school.confirm", before, after },
  );
  return { id: current.id, version, confirmedAt: ctx.now.toISOString() };
}
