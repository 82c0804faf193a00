import "server-only";
import { notify } from "@/lib/notifications/notify";
import type { z } from "zod";
import { inScope } from "@/lib/auth/scope";
import { holdAddressLimit, holdWriteLimit } from "@/lib/db/address-limit";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { makeReportCode } from "./code";
import type { declineErrorReportSchema, FileErrorReportInput } from "./schema";

/**
 * The limits (docs/decisions/0063): per client address (THE rule, its bucket kept only as a hash)
 * as many as an objection allows, and per school a cap that keeps one record's inbox readable
 * however many addresses a flood comes from. Both counted on the reports themselves.
 */
export const ERROR_REPORT_LIMITS = {
  address: { max: 5, windowMs: 60 * 60 * 1000 },
  school: { max: 20, windowMs: 24 * 60 * 60 * 1000 },
};

const event = (action: string, r: { id: string; authorityId: string }, after: Record<string, unknown>, reason?: string) => ({
  action,
  entityType: "ErrorReport",
  entityId: r.id,
  authorityId: r.authorityId,
  after,
  reason,
});

/** Anyone files a report on a school's public record; the answer is the code to check its outcome with. */
export async function fileErrorReport(ctx: WriteContext, input: FileErrorReportInput) {
  const { tx, now } = ctx;
  const school = await tx.school.findUnique({ where: { id: input.schoolId }, select: { id: true, authorityId: true, nameZh: true } });
  if (!school) refuse("NOT_FOUND");
  const ipHash = await holdAddressLimit(ctx, "error-report", ERROR_REPORT_LIMITS.address, (hash, since) =>
    tx.errorReport.count({ where: { ipHash: hash, createdAt: { gte: since } } }),
  );
  await holdWriteLimit(ctx, `error-report-school:${school.id}`, ERROR_REPORT_LIMITS.school, (since) =>
    tx.errorReport.count({ where: { schoolId: school.id, createdAt: { gte: since } } }),
  );
  let code = makeReportCode();
  while (await tx.errorReport.findUnique({ where: { code }, select: { id: true } })) code = makeReportCode();
  const r = await tx.errorReport.create({
    data: { ...input, code, authorityId: school.authorityId, ipHash, createdAt: now },
    select: { id: true, authorityId: true },
  });
  // What the reporter typed stays on the report: the audit trail names only the school and the field.
  await ctx.audit(event("errorReport.file", r, { schoolId: school.id, field: input.field }));
  await notify(
    ctx,
    { role: "PROVINCE_OFFICER", authorityId: school.authorityId },
    { kind: "reportReceived", params: { school: school.nameZh }, link: "/console/error-reports" },
  );
  return { code };
}

type Resolution = { status: "ACCEPTED" | "DECLINED"; resolution?: string };

/**
 * Resolves an open report of the caller's scope (another authority's is NOT_FOUND; `schoolId`, when
 * given, must be the report's school). The status is the guard: of two officers resolving at once,
 * the second is told it is already resolved. The contact was needed only to ask back while the
 * report was open, so it goes (retention, decision 0063).
 */
async function resolveReport(ctx: WriteContext, reportId: string, data: Resolution, schoolId?: string) {
  const r = await ctx.tx.errorReport.findFirst({
    where: { id: reportId, ...inScope(ctx.scope) },
    select: { id: true, code: true, schoolId: true, authorityId: true },
  });
  if (!r || (schoolId && r.schoolId !== schoolId)) refuse("NOT_FOUND");
  const n = await ctx.tx.errorReport.updateMany({
    where: { id: r.id, status: "OPEN" },
    data: { ...data, resolvedAt: ctx.now, resolvedById: ctx.actor.id, contact: null },
  });
  if (n.count === 0) refuse("INVALID_TRANSITION", { reason: "reportResolved" });
  await ctx.audit(event(`errorReport.${data.status === "ACCEPTED" ? "accept" : "decline"}`, r, { status: data.status, schoolId: r.schoolId }, data.resolution));
  return r;
}

/** Declined with a reason, which the reporter reads by the code. */
export async function declineErrorReport(ctx: WriteContext, { reportId, reason }: z.output<typeof declineErrorReportSchema>) {
  const r = await resolveReport(ctx, reportId, { status: "DECLINED", resolution: reason });
  return { code: r.code };
}

/**
 * Accepted by the edit that corrects the record (lib/schools/mutations.ts updateSchool), in its
 * transaction. Returns the report's code, which the edit's audit event carries.
 */
export async function acceptErrorReport(ctx: WriteContext, reportId: string, schoolId: string): Promise<string> {
  return (await resolveReport(ctx, reportId, { status: "ACCEPTED" }, schoolId)).code;
}
