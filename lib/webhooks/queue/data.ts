import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { DesignationKind } from "@/lib/kernel/enums";

/**
 * The webhook queue's reads and writes (the worker's bookkeeping, not anyone's act: no write
 * context, no audit — as lib/api-keys touchLiveKey). Callers: lib/webhooks/dispatch.ts, worker.ts.
 */
export type QueuedEvent = { subscriptionId: string; eventId: string; payload: Prisma.InputJsonValue; queuedAt: Date };

export function enabledSubscriptions() {
  return db().webhookSubscription.findMany({
    where: { enabled: true },
    select: { id: true, target: true, targetValue: true, createdAt: true, cursorAt: true },
  });
}

/** Which of these designations are of the kind. */
export async function designationsOfKind(ids: string[], kind: string): Promise<Set<string>> {
  const rows = await db().designation.findMany({ where: { id: { in: ids }, kind: kind as DesignationKind }, select: { id: true } });
  return new Set(rows.map((d) => d.id));
}

/** Queues events; one already queued for the subscription (unique subscription + event) is skipped. */
export async function enqueue(events: QueuedEvent[]): Promise<number> {
  const data = events.map((e) => ({
    subscriptionId: e.subscriptionId,
    eventId: e.eventId,
    payload: e.payload,
    createdAt: e.queuedAt,
    nextAttemptAt: e.queuedAt,
  }));
  return (await db().webhookDelivery.createMany({ data, skipDuplicates: true })).count;
}

export async function advanceCursor(subscriptionId: string, at: Date): Promise<void> {
  await db().webhookSubscription.updateMany({ where: { id: subscriptionId, cursorAt: { lt: at } }, data: { cursorAt: at } });
}

export type Claimed = { id: string; eventId: string; payload: unknown; createdAt: Date; attempts: number; subscriptionId: string; url: string; secret: string };

/**
 * Claims up to `batch` due deliveries of enabled subscriptions: FOR UPDATE SKIP LOCKED (rows
 * another worker is claiming are passed over) and their next attempt moved to `leaseUntil` in
 * the same statement (so no worker claims them again while they are in flight).
 */
export function claimDue(now: Date, batch: number, leaseUntil: Date): Promise<Claimed[]> {
  return db().$queryRaw<Claimed[]>(Prisma.sql`
    WITH due AS (
      SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookSubscription" s ON s."id" = d."subscriptionId"
      WHERE d."deliveredAt" IS NULL AND d."gaveUpAt" IS NULL AND d."nextAttemptAt" <= ${now} AND s."enabled"
      ORDER BY d."nextAttemptAt" LIMIT ${batch}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "WebhookDelivery" w SET "nextAttemptAt" = ${leaseUntil}
    FROM due, "WebhookSubscription" s
    WHERE w."id" = due."id" AND s."id" = w."subscriptionId"
    RETURNING w."id", w."eventId", w."payload", w."createdAt", w."attempts", w."subscriptionId", s."url", s."secret"`);
}

export type AttemptRecord = { attempts: number; lastAttemptAt: Date; lastStatusCode: number | null; lastError: string | null };

export async function recordDelivered(id: string, attempt: AttemptRecord): Promise<void> {
  await db().webhookDelivery.update({ where: { id }, data: { ...attempt, deliveredAt: attempt.lastAttemptAt, nextAttemptAt: null }, select: { id: true } });
}

/**
 * A failed attempt: retried at `next`, or — `next` null, a day of failures — given up, and its
 * subscription disabled ("FAILING", the console's notice) until its owner enables it again.
 */
export async function recordFailed(id: string, subscriptionId: string, attempt: AttemptRecord, next: Date | null): Promise<void> {
  const now = attempt.lastAttemptAt;
  await db().webhookDelivery.update({ where: { id }, data: { ...attempt, nextAttemptAt: next, gaveUpAt: next ? null : now }, select: { id: true } });
  if (next) return;
  await db().webhookSubscription.updateMany({
    where: { id: subscriptionId, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: "FAILING" },
  });
}
