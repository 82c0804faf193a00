import "server-only";
import { z } from "zod";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/kernel/enums";
import { clock } from "./clock";
import { findUserForSignIn, getSecurityPolicy } from "./data";
import { auditRefusal, countAttempt, pruneAttempts, registerFailure, registerSuccess, releaseAttempt, windowStart } from "./sign-in/mutations";

/**
 * The whole sign-in decision, outside Auth.js so that it can be tested (lib/auth/auth.ts calls it
 * from `authorize`). The caller learns only "signed in", "refused" or "rate limited": an unknown
 * user, a wrong password, a locked and a disabled account all look the same from outside, and the
 * audit log records which one it was.
 */
export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export type SignInOutcome =
  | {
      ok: true;
      user: { id: string; username: string; displayName: string; role: Role; authorityId: string | null; mustChangePassword: boolean };
      sessionId: string;
    }
  | { ok: false; reason: "invalid" | "rate_limited" };

// Which window this process last pruned: scheduling only — the counts live in the database.
let lastPruned = 0;

export async function attemptSignIn(raw: unknown, ip: string, now: Date = clock.now()): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;
  const policy = await getSecurityPolicy();

  // Per-address limit, counted before any password work (bcrypt is the expensive part).
  const key = `ip:${ip}`.slice(0, 200);
  const start = windowStart(now, policy.ipWindowMinutes);
  const attempts = await countAttempt(key, start);
  if (start.getTime() !== lastPruned) {
    lastPruned = start.getTime();
    await pruneAttempts(new Date(start.getTime() - policy.ipWindowMinutes * 60_000));
  }
  if (attempts > policy.ipMaxFailures) {
    // Audited once per address and window, so that a flood does not flood the log.
    if (attempts === policy.ipMaxFailures + 1) await auditRefusal(null, username, "rate_limited", ip, now);
    return { ok: false, reason: "rate_limited" };
  }

  const user = await findUserForSignIn(username);
  // Same work for every outcome, so timing does not tell an unknown user from a wrong password.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user) {
    await auditRefusal(null, username, "unknown_user", ip, now);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await auditRefusal(user, username, "locked", ip, now);
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) {
    await auditRefusal(user, username, "disabled", ip, now);
    return { ok: false, reason: "invalid" };
  }
  if (!passwordOk) {
    await registerFailure(user, username, ip, policy, now);
    return { ok: false, reason: "invalid" };
  }
  const sessionId = await registerSuccess(user, ip, policy, now);
  await releaseAttempt(key, start);
  const { passwordHash: _h, disabled: _d, lockedUntil: _l, ...safe } = user;
  return { ok: true, user: safe, sessionId };
}
