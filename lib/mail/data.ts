import "server-only";
import { db } from "@/lib/db/client";

export type Claimed = { id: string; email: string; kind: string; params: unknown; link: string };

/**
 * Claims the notifications among `ids` that are to be mailed, once (docs/decisions/0067): one
 * statement marks `mailedAt` on those not mailed yet whose holder is enabled and has an address,
 * and returns them. Two claims of one notification (two processes, a retry) cannot both get it:
 * the second finds `mailedAt` set. A notification is therefore mailed at most once.
 */
export async function claimForMail(ids: readonly string[], now: Date): Promise<Claimed[]> {
  if (!ids.length) return [];
  return db().$queryRaw<Claimed[]>`
    UPDATE "Notification" AS n SET "mailedAt" = ${now}
    FROM "User" AS u
    WHERE n."id" = ANY(${[...ids]}::text[]) AND n."mailedAt" IS NULL
      AND u."id" = n."userId" AND u."email" IS NOT NULL AND u."disabled" = false
    RETURNING n."id", u."email", n."kind", n."params", n."link"`;
}
