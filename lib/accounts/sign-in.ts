import "server-only";
import { z } from "zod";
import { requiredText } from "@/lib/validation/safe-text";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { runWrite, type WriteContext, type WriteOptions } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { clock } from "@/lib/kernel/dates";
import type { Role } from "@/lib/kernel/enums";
import { actorOf, PUBLIC_ACTOR, type Actor } from "@/lib/request/actor";
import { addressBucket, addressOf } from "@/lib/request/client-address";
import { findUserForSignIn, getSecurityPolicy } from "./data";
import { auditRefusal, countAttempt, pruneAttempts, registerFailure, registerSuccess, releaseAttempt, windowStart } from "./sign-in/mutations";

/**
 * The whole sign-in decision, outside Auth.js so that it can be tested (lib/auth/auth.ts calls it
 * from `authorize` with the request's headers). The caller learns only "signed in", or a Refusal:
 * INVALID_CREDENTIALS (an unknown user, a wrong password, a locked and a disabled account all look
 * the same from outside; the audit log records which one it was) or RATE_LIMITED.
 *
 * Not a defineAction: Auth.js calls it, not a form. Each write is its own runWrite, committed
 * before the refusal is raised — a counted attempt must stay counted — and the password check
 * (bcrypt) runs outside any transaction. The address is the request's by the one rule
 * (`addressOf`): without a trusted proxy the socket's, whatever X-Forwarded-For says.
 */
export const credentialsSchema = z.object({
  // The typed name is the audit label of a refused sign-in: THE text rule keeps U+202E and NUL out of the log.
  username: requiredText(64),
  password: z.string().min(1).max(200),
});

export type SignedIn = {
  user: { id: string; username: string; displayName: string; role: Role; authorityId: string | null; mustChangePassword: boolean };
  sessionId: string;
};

// Which window this process last pruned: scheduling only — the counts live in the database.
let lastPruned = 0;
/** Single atomic statements need no transaction of their own. */
const ONE_STATEMENT: WriteOptions = { transaction: false };

export async function attemptSignIn(raw: unknown, headers: Pick<Headers, "get">): Promise<SignedIn> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) refuse("INVALID_CREDENTIALS");
  const { username, password } = parsed.data;
  const now = clock.now();
  const clientAddress = addressOf(headers);
  const as =
    (actor: Actor) =>
    async <T>(fn: (ctx: WriteContext) => Promise<T>, opts?: WriteOptions): Promise<T> =>
      (await runWrite({ actor, scope: null, now, clientAddress }, fn, opts)).data;
  // Before the account is known, the audit names the name typed.
  const typed = as({ ...PUBLIC_ACTOR, label: username.slice(0, 64) });
  const policy = await getSecurityPolicy();

  // Per-address limit, counted before any password work (bcrypt is the expensive part).
  const window = { key: `ip:${addressBucket(clientAddress)}`.slice(0, 200), start: windowStart(now, policy.ipWindowMinutes) };
  const attempts = await typed((ctx) => countAttempt(ctx, window), ONE_STATEMENT);
  if (window.start.getTime() !== lastPruned) {
    lastPruned = window.start.getTime();
    await typed((ctx) => pruneAttempts(ctx, { before: new Date(window.start.getTime() - policy.ipWindowMinutes * 60_000) }), ONE_STATEMENT);
  }
  if (attempts > policy.ipMaxFailures) {
    // Audited once per address and window, so that a flood does not flood the log.
    if (attempts === policy.ipMaxFailures + 1)
      await typed((ctx) => auditRefusal(ctx, { accountId: null, authorityId: null, username, reason: "rate_limited" }));
    refuse("RATE_LIMITED");
  }

  const found = await findUserForSignIn(username);
  // Same work for every outcome, so timing does not tell an unknown user from a wrong password.
  const passwordOk = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  if (!found) {
    await typed((ctx) => auditRefusal(ctx, { accountId: null, authorityId: null, username, reason: "unknown_user" }));
    refuse("INVALID_CREDENTIALS");
  }
  const { passwordHash: _h, disabled, lockedUntil, ...user } = found;
  const account = as(actorOf(user));
  const facts = { userId: user.id, authorityId: user.authorityId, username, policy };
  const closed = lockedUntil && lockedUntil > now ? "locked" : disabled ? "disabled" : null;
  if (closed) {
    await account((ctx) => auditRefusal(ctx, { accountId: user.id, authorityId: user.authorityId, username, reason: closed }));
    refuse("INVALID_CREDENTIALS");
  }
  if (!passwordOk) {
    await account((ctx) => registerFailure(ctx, facts));
    refuse("INVALID_CREDENTIALS");
  }
  const sessionId = await account((ctx) => registerSuccess(ctx, facts));
  await account((ctx) => releaseAttempt(ctx, window), ONE_STATEMENT);
  return { user, sessionId };
}
