import "server-only";
import { splitHash } from "@/lib/auth/password";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, Refusal } from "@/lib/errors";
import type { AccountRequestKind } from "@/lib/kernel/enums";
import { approvalRefusal } from "../dual-control";
import { applyDisabled, applyPasswordReset, insertAccount } from "../mutations";
import { endAllSessions } from "../sessions/mutations";
import { expireOverdue } from "./expiry";
import { newHalf, partyOf } from "./mutations";

/**
 * Approving or rejecting a request about a privileged account (docs/decisions/0052). The decider
 * must be another person than the requester and the target (`approvalRefusal`, by person id);
 * a target cannot block a request about themself by rejecting it either. One decision wins: the
 * row moves out of PENDING in one conditional update. An approval carries the action out in the
 * same transaction; one that sets a password gives the approver the second half, shown once.
 */
export type Decided = { requestId: string; kind: AccountRequestKind; username: string; approverHalf: string | null };

const requestSelect = {
  id: true,
  kind: true,
  status: true,
  role: true,
  targetId: true,
  username: true,
  displayName: true,
  personId: true,
  halfHash: true,
  halfLength: true,
  requestedBy: { select: { id: true, personId: true, disabled: true } },
  target: { select: { id: true, personId: true, username: true } },
} as const;

/** A refusal after the sweep: the requests it expired stay expired (and audited). */
const keep = (code: "FORBIDDEN" | "INVALID_TRANSITION", reason: string) => new Refusal(code, { reason }, undefined, { keepWrites: true });

/** The pending request this caller may decide, claimed for `status`. */
async function claim(ctx: WriteContext, requestId: string, status: "APPROVED" | "REJECTED", note: string | null) {
  await expireOverdue(ctx);
  const request = await ctx.tx.accountRequest.findUnique({ where: { id: requestId }, select: requestSelect });
  if (!request) refuse("NOT_FOUND");
  if (request.status !== "PENDING") throw keep("INVALID_TRANSITION", request.status);
  const target = request.target ?? { id: null, personId: request.personId };
  const refusal = approvalRefusal(await partyOf(ctx), request.requestedBy, target);
  if (refusal) throw keep("FORBIDDEN", refusal);
  // A request does not outlive its requester's account: once that is disabled, it can only be rejected.
  if (status === "APPROVED" && request.requestedBy.disabled) throw keep("INVALID_TRANSITION", "REQUESTER_DISABLED");
  const { count } = await ctx.tx.accountRequest.updateMany({
    where: { id: requestId, status: "PENDING" },
    // The requester's half is needed no more (an approval has just read it): not kept past the decision.
    data: { status, decidedById: ctx.actor.id, decidedAt: ctx.now, decisionNote: note, halfHash: null },
  });
  if (!count) refuse("INVALID_TRANSITION", { reason: "DECIDED" });
  return request;
}

type Claimed = Awaited<ReturnType<typeof claim>>;

/** What an approval does, kind by kind; the account's own audit event names the request. */
async function carryOut(ctx: WriteContext, request: Claimed): Promise<{ targetId: string; approverHalf: string | null }> {
  const note = { requestId: request.id };
  const joined = async () => {
    if (!request.halfHash || !request.halfLength) throw new Error(`request ${request.id} has no requester half`);
    const half = await newHalf(ctx.tx, request.halfLength);
    return { half: half.plain, hash: splitHash(request.halfLength, request.halfHash, half.hash) };
  };
  const targetId = request.targetId ?? "";
  switch (request.kind) {
    case "CREATE": {
      const password = await joined();
      const { username, displayName, personId, role } = request;
      if (!username || !displayName) throw new Error(`request ${request.id} has no account particulars`);
      if (await ctx.tx.user.findUnique({ where: { username }, select: { id: true } })) refuse("DUPLICATE", { reason: "USERNAME_TAKEN" });
      const user = await insertAccount(ctx, { username, displayName, role, personId, authorityId: null, affiliations: [] }, password.hash, note);
      await ctx.tx.accountRequest.update({ where: { id: request.id }, data: { targetId: user.id }, select: { id: true } });
      return { targetId: user.id, approverHalf: password.half };
    }
    case "RESET_PASSWORD": {
      const password = await joined();
      await applyPasswordReset(ctx, targetId, password.hash, note);
      return { targetId, approverHalf: password.half };
    }
    case "DISABLE":
    case "ENABLE":
      await applyDisabled(ctx, { id: targetId, disabled: request.kind === "DISABLE" }, note);
      return { targetId, approverHalf: null };
    case "END_SESSIONS":
      await endAllSessions(ctx, { userId: targetId, note });
      return { targetId, approverHalf: null };
  }
}

/** The decision's audit event (the rejection's reason in its reason column), and what the page shows. */
async function recordDecision(
  ctx: WriteContext,
  request: Claimed,
  decision: { status: "APPROVED" | "REJECTED"; targetId: string | null; approverHalf: string | null; reason?: string },
): Promise<Decided> {
  await ctx.audit({
    action: decision.status === "APPROVED" ? "account_request.approve" : "account_request.reject",
    entityType: "AccountRequest",
    entityId: request.id,
    before: { status: "PENDING" },
    after: { status: decision.status, kind: request.kind, targetId: decision.targetId, requestedById: request.requestedBy.id },
    reason: decision.reason,
  });
  const username = request.target?.username ?? request.username ?? "";
  return { requestId: request.id, kind: request.kind, username, approverHalf: decision.approverHalf };
}

export async function approveAccountRequest(ctx: WriteContext, input: { requestId: string }): Promise<Decided> {
  const request = await claim(ctx, input.requestId, "APPROVED", null);
  const done = await carryOut(ctx, request);
  return recordDecision(ctx, request, { status: "APPROVED", ...done });
}

export async function rejectAccountRequest(ctx: WriteContext, input: { requestId: string; reason: string }): Promise<Decided> {
  const request = await claim(ctx, input.requestId, "REJECTED", input.reason);
  return recordDecision(ctx, request, { status: "REJECTED", targetId: request.targetId, approverHalf: null, reason: input.reason });
}
