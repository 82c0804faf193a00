import "server-only";
import { notify } from "@/lib/notifications/notify";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields } from "@/lib/errors";
import type { AccountRequestKind, Role } from "@/lib/kernel/enums";
import { getSecurityPolicy } from "../data";
import { APPROVER_ROLES, expiryOf, halfLength, needsDualControl, requestRefusal, type Party } from "../dual-control";
import { refuseDutyConflict } from "../mutations";
import { temporaryPassword } from "../temp-password";
import { expireOverdue } from "./expiry";
import type { AccountChangeRequestInput, AccountCreationRequestInput } from "./schema";

/**
 * Filing and withdrawing requests for actions on privileged accounts (docs/decisions/0052). The
 * system administrator asks; nothing changes on the account until another person approves
 * (./decide.ts). A request that sets a password gives the requester one half of the one-time
 * password, shown once and kept only as a hash; the approver gets the other half.
 */
export type FiledRequest = { requestId: string; kind: AccountRequestKind; username: string; requesterHalf: string | null; expiresAt: Date };

/** A fresh half of a one-time password: the clear half for the person, its hash for the row. */
export async function newHalf(tx: Tx, length?: number) {
  const n = length ?? halfLength((await getSecurityPolicy(tx)).passwordMinLength);
  const plain = temporaryPassword(n);
  return { plain, hash: await hashPassword(plain), length: n };
}

/** The signed-in caller as a party to a request (their person id from their account). */
export async function partyOf(ctx: WriteContext): Promise<Party & { id: string; role: Role }> {
  const id = ctx.actor.id ?? refuse("UNAUTHENTICATED");
  const row = await ctx.tx.user.findUnique({ where: { id }, select: { id: true, role: true, personId: true } });
  return row ?? refuse("UNAUTHENTICATED");
}

/** One request at a time about one account (or one new username): concurrent filings wait here. */
async function lockSubject(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account-request:${key}`}))`;
}

type Filing = {
  kind: AccountRequestKind;
  role: Role;
  reason: string;
  targetId?: string;
  username?: string;
  displayName?: string;
  personId?: string | null;
  halfHash?: string;
  halfLength?: number;
};

async function file(ctx: WriteContext, data: Filing) {
  const requester = await partyOf(ctx);
  const row = await ctx.tx.accountRequest.create({
    data: { ...data, requestedById: requester.id, requestedAt: ctx.now, expiresAt: expiryOf(ctx.now) },
    select: { id: true, expiresAt: true },
  });
  await notify(ctx, { role: APPROVER_ROLES }, { kind: "approvalRequested", params: { requester: ctx.actor.label }, link: "/console/accounts/requests" });
  await ctx.audit({
    action: "account_request.create",
    entityType: "AccountRequest",
    entityId: row.id,
    after: { kind: data.kind, targetId: data.targetId ?? null, username: data.username ?? null, role: data.role, expiresAt: row.expiresAt.toISOString() },
    reason: data.reason,
  });
  return row;
}

/** Asks for a new privileged account. It is created, with the two halves as its password, on approval. */
export async function requestAccountCreation(ctx: WriteContext, input: AccountCreationRequestInput): Promise<FiledRequest> {
  await expireOverdue(ctx);
  if (!needsDualControl(input.role)) refuse("INVALID_TRANSITION", { reason: "NOT_PRIVILEGED" });
  const refusal = requestRefusal(await partyOf(ctx), { id: null, personId: input.personId });
  if (refusal) refuse("FORBIDDEN", { reason: refusal });
  const { username, displayName, role, personId, reason } = input;
  await lockSubject(ctx.tx, `username:${username}`);
  const taken =
    (await ctx.tx.user.findUnique({ where: { username }, select: { id: true } })) ??
    (await ctx.tx.accountRequest.findFirst({ where: { kind: "CREATE", status: "PENDING", username }, select: { id: true } }));
  if (taken) refuseFields({ username: [{ key: "usernameTaken" }] }, "DUPLICATE");
  await refuseDutyConflict(ctx.tx, personId, role);
  const half = await newHalf(ctx.tx);
  const row = await file(ctx, { kind: "CREATE", role, username, displayName, personId, reason, halfHash: half.hash, halfLength: half.length });
  return { requestId: row.id, kind: "CREATE", username, requesterHalf: half.plain, expiresAt: row.expiresAt };
}

/** The state a change needs: disabling an enabled account, enabling a disabled one. */
function stateRefusal(kind: AccountRequestKind, target: { disabled: boolean }) {
  if (kind === "DISABLE" && target.disabled) return "ALREADY_DISABLED";
  if (kind === "ENABLE" && !target.disabled) return "ALREADY_ENABLED";
  return null;
}

/** Asks for a reset, disabling, enabling or ending the sessions of a privileged account. */
export async function requestAccountChange(ctx: WriteContext, input: AccountChangeRequestInput): Promise<FiledRequest> {
  await expireOverdue(ctx);
  const { id, kind, reason } = input;
  if (id === ctx.actor.id) refuse("FORBIDDEN", { reason: "SELF" });
  const target = await ctx.tx.user.findUnique({ where: { id }, select: { id: true, role: true, personId: true, disabled: true, username: true } });
  if (!target) refuse("NOT_FOUND");
  // Other accounts are changed directly, as before.
  if (!needsDualControl(target.role)) refuse("INVALID_TRANSITION", { reason: "NOT_PRIVILEGED" });
  const state = stateRefusal(kind, target);
  if (state) refuse("INVALID_TRANSITION", { reason: state });
  const refusal = requestRefusal(await partyOf(ctx), target);
  if (refusal) refuse("FORBIDDEN", { reason: refusal });
  await lockSubject(ctx.tx, `account:${id}`);
  if (await ctx.tx.accountRequest.findFirst({ where: { targetId: id, status: "PENDING" }, select: { id: true } })) {
    refuse("DUPLICATE", { reason: "PENDING_REQUEST" });
  }
  const half = kind === "RESET_PASSWORD" ? await newHalf(ctx.tx) : null;
  const row = await file(ctx, { kind, targetId: id, role: target.role, reason, halfHash: half?.hash, halfLength: half?.length });
  return { requestId: row.id, kind, username: target.username, requesterHalf: half?.plain ?? null, expiresAt: row.expiresAt };
}

/** The requester withdraws their own pending request. */
export async function cancelAccountRequest(ctx: WriteContext, input: { requestId: string }): Promise<{ requestId: string }> {
  await expireOverdue(ctx);
  const request = await ctx.tx.accountRequest.findUnique({ where: { id: input.requestId }, select: { requestedById: true, status: true, kind: true } });
  if (!request) refuse("NOT_FOUND");
  if (request.requestedById !== ctx.actor.id) refuse("FORBIDDEN", { reason: "NOT_REQUESTER" });
  const { count } = await ctx.tx.accountRequest.updateMany({
    where: { id: input.requestId, status: "PENDING" },
    data: { status: "CANCELLED", decidedById: ctx.actor.id, decidedAt: ctx.now, halfHash: null },
  });
  if (!count) refuse("INVALID_TRANSITION", { reason: request.status });
  await ctx.audit({
    action: "account_request.cancel",
    entityType: "AccountRequest",
    entityId: input.requestId,
    before: { status: "PENDING" },
    after: { status: "CANCELLED", kind: request.kind },
  });
  return { requestId: input.requestId };
}
