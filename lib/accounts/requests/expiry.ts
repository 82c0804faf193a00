import "server-only";
import { recordAudits } from "@/lib/audit/mutations";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { systemActor } from "@/lib/request/actor";

/**
 * Pending requests past their expiry become EXPIRED, each with its audit event. Every request
 * write sweeps first (in its own transaction), so a request is never approved late; the pages show
 * an overdue one as expired even before a sweep has written it (`effectiveStatus`). The events name
 * the system, not whoever's write happened to sweep.
 */
export async function expireOverdue(ctx: WriteContext): Promise<number> {
  // One statement claims them: of two sweeps at once, the second finds none left to claim (and audit).
  const due = await ctx.tx.accountRequest.updateManyAndReturn({
    where: { status: "PENDING", expiresAt: { lte: ctx.now } },
    data: { status: "EXPIRED", decidedAt: ctx.now, halfHash: null },
    select: { id: true, kind: true, targetId: true, username: true, requestedById: true, expiresAt: true },
  });
  if (!due.length) return 0;
  await recordAudits(
    ctx.tx,
    due.map((r) => ({
      actor: systemActor("account-request-expiry"),
      source: "system" as const,
      action: "account_request.expire",
      entityType: "AccountRequest",
      entityId: r.id,
      before: { status: "PENDING" },
      after: {
        status: "EXPIRED",
        kind: r.kind,
        targetId: r.targetId,
        username: r.username,
        requestedById: r.requestedById,
        expiresAt: r.expiresAt.toISOString(),
      },
    })),
  );
  return due.length;
}
