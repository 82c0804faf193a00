import "server-only";
import { db, readDb } from "@/lib/db/client";
import { addDays } from "@/lib/kernel/dates";
import { mailNotifications } from "@/lib/mail/outbox";
import { CLOSING_REMINDER_DAYS } from "./kinds";

/** The newest notifications of one account (only ever the caller's: the loaders pass user.id). */
export async function listNotifications(userId: string) {
  return readDb().notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
  });
}

export async function countUnread(userId: string): Promise<number> {
  return readDb().notification.count({ where: { userId, readAt: null } });
}

/**
 * "Batch closing in 3 days", computed when an officer's list or count is read (docs/decisions/0068):
 * no scheduler. An open batch whose window closes within CLOSING_REMINDER_DAYS gets one reminder per
 * officer (the unique (userId, dedupeKey) index makes a second read, or two at once, add nothing).
 * Bookkeeping on the read path, not anyone's act: no audit event (as lib/api-keys touchLiveKey).
 */
export async function remindClosingBatches(user: { id: string; role: string }, now: Date): Promise<void> {
  if (user.role !== "PROVINCE_OFFICER") return;
  const batches = await db().selectionBatch.findMany({
    where: { status: "APPLYING", windowClosesAt: { gt: now, lte: addDays(now, CLOSING_REMINDER_DAYS) } },
    select: { id: true, nameZh: true, windowClosesAt: true },
  });
  if (!batches.length) return;
  const made = await db().notification.createManyAndReturn({
    data: batches.map((b) => ({
      userId: user.id,
      kind: "batchClosing",
      params: { batch: b.nameZh, closesAt: b.windowClosesAt.toISOString() },
      link: "/console/selection/apply",
      dedupeKey: `batchClosing:${b.id}`,
      createdAt: now,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  // Only the ones this read made (skipDuplicates leaves out the rest): each mailed once (lib/mail).
  mailNotifications(made.map((n) => n.id));
}
