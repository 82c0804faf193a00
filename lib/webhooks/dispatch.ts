import "server-only";
import { onPrimary } from "@/lib/db/replica-route";
import { listPublicChanges } from "@/lib/opendata/changes/data";
import type { PublicChangeEntry } from "@/lib/opendata/changes/shape";
import { advanceCursor, designationsOfKind, enabledSubscriptions, enqueue, type QueuedEvent } from "./queue/data";

/**
 * The dispatcher (docs/decisions/0083): for each enabled subscription, reads the public change log
 * (/api/v1/changes' entries, lib/opendata/changes) after the subscription's cursor and queues one
 * WebhookDelivery per matching change. The log is ordered by each change's own time, which is
 * taken before its transaction commits, so a change may become visible after a later one was
 * read: each pass re-reads OVERLAP_MS before the cursor, and the unique (subscription, event)
 * index makes the re-read queue nothing twice. Never before the subscription was created.
 */
export const OVERLAP_MS = 5 * 60_000;
const PAGE = 200;
const MAX_PAGES = 25;

type Subscription = { id: string; target: "AUTHORITY" | "SCHOOL" | "DESIGNATION_KIND"; targetValue: string; createdAt: Date; cursorAt: Date };

async function matching(sub: Subscription, entries: PublicChangeEntry[]): Promise<PublicChangeEntry[]> {
  if (sub.target !== "DESIGNATION_KIND") return entries;
  const ids = entries.filter((e) => e.entityType === "Designation").map((e) => e.entityId);
  if (ids.length === 0) return [];
  const wanted = await designationsOfKind(ids, sub.targetValue);
  return entries.filter((e) => e.entityType === "Designation" && wanted.has(e.entityId));
}

async function dispatchOne(sub: Subscription, now: Date): Promise<number> {
  const since = new Date(Math.max(sub.createdAt.getTime(), sub.cursorAt.getTime() - OVERLAP_MS));
  const filter = sub.target === "AUTHORITY" ? { authorityId: sub.targetValue } : sub.target === "SCHOOL" ? { schoolId: sub.targetValue } : {};
  let newest = sub.cursorAt;
  let queued = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await listPublicChanges({ since, ...filter, order: "asc", limit: PAGE, offset: page * PAGE });
    const events = await matching(sub, data);
    if (events.length) {
      const rows = events.map((event): QueuedEvent => ({ subscriptionId: sub.id, eventId: event.id, payload: event as QueuedEvent["payload"], queuedAt: now }));
      queued += await enqueue(rows);
    }
    for (const e of data) if (new Date(e.at) > newest) newest = new Date(e.at);
    if (data.length < PAGE) break;
  }
  if (newest > sub.cursorAt) await advanceCursor(sub.id, newest);
  return queued;
}

/**
 * One dispatcher pass over every enabled subscription; returns how many deliveries it queued.
 * It reads the change log on the primary, never a replica: what it reads decides what it queues
 * and how far its cursor moves (decision 0073).
 */
export function dispatchChanges(now: Date): Promise<number> {
  return onPrimary(async () => {
    const subs = await enabledSubscriptions();
    let queued = 0;
    for (const sub of subs) queued += await dispatchOne(sub, now);
    return queued;
  });
}
