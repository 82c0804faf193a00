import "server-only";
import { db } from "@/lib/db/client";

/** How many deliveries the console shows per subscription (newest first). */
export const LOG_ROWS = 20;

/**
 * An account's subscriptions (never the secret), each with its latest deliveries and the school
 * or authority it follows, for the console page. Read from the primary: the log must show the
 * worker's latest attempts.
 */
export async function listWebhooks(ownerId: string) {
  const subs = await db().webhookSubscription.findMany({
    where: { ownerId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      target: true,
      targetValue: true,
      url: true,
      createdAt: true,
      enabled: true,
      disabledAt: true,
      disabledReason: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LOG_ROWS,
        select: {
          id: true,
          eventId: true,
          createdAt: true,
          attempts: true,
          lastAttemptAt: true,
          lastStatusCode: true,
          lastError: true,
          deliveredAt: true,
          gaveUpAt: true,
          nextAttemptAt: true,
        },
      },
    },
  });
  const schoolIds = subs.filter((s) => s.target === "SCHOOL").map((s) => s.targetValue);
  const schools = schoolIds.length
    ? await db().school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, nameZh: true, publicCode: true } })
    : [];
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  return subs.map((s) => ({ ...s, school: s.target === "SCHOOL" ? (schoolOf.get(s.targetValue) ?? null) : null }));
}
