import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { Role } from "@/lib/kernel/enums";
import { DEFAULT_POLICY, POLICY_FIELDS, type SecurityPolicyValues } from "./policy";

/** Sign-in needs the hash and the lockout state; nothing else ever selects the hash. */
export async function findUserForSignIn(username: string) {
  return db().user.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      authorityId: true,
      passwordHash: true,
      disabled: true,
      mustChangePassword: true,
      lockedUntil: true,
    },
  });
}

/**
 * The policy row, or the baseline when no security administrator has saved one yet. A write
 * passes its transaction (`ctx.tx`): inside one, every read goes through it.
 */
export async function getSecurityPolicy(client: Tx = db()): Promise<SecurityPolicyValues & { updatedAt: Date | null }> {
  const row = await client.securityPolicy.findUnique({ where: { id: "default" } });
  if (!row) return { ...DEFAULT_POLICY, updatedAt: null };
  const values = Object.fromEntries(POLICY_FIELDS.map((k) => [k, row[k]])) as SecurityPolicyValues;
  return { ...values, updatedAt: row.updatedAt };
}

export type AccountFilter = { q?: string; role?: Role; status?: "active" | "disabled" | "locked"; page: number; pageSize: number };

const listSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  authorityId: true,
  disabled: true,
  mustChangePassword: true,
  lockedUntil: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

/** The account list for the system administrator (no hashes, no person identifiers). */
export async function listAccounts(f: AccountFilter, now: Date) {
  const q = f.q?.trim();
  const where = {
    ...(q ? { OR: [{ username: { contains: q, mode: "insensitive" as const } }, { displayName: { contains: q, mode: "insensitive" as const } }] } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.status === "disabled" ? { disabled: true } : {}),
    ...(f.status === "active" ? { disabled: false } : {}),
    ...(f.status === "locked" ? { lockedUntil: { gt: now } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({ where, select: listSelect, orderBy: [{ role: "asc" }, { username: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize }),
  ]);
  return { total, rows };
}

export async function getAccount(id: string, now: Date) {
  const user = await db().user.findUnique({
    where: { id },
    select: {
      ...listSelect,
      personId: true,
      email: true,
      passwordChangedAt: true,
      failedSignIns: true,
      authority: { select: { nameZh: true, nameEn: true } },
      expertAffiliations: { select: { school: { select: { id: true, publicCode: true, nameZh: true } } }, orderBy: { declaredAt: "asc" } },
    },
  });
  if (!user) return null;
  const activeSessions = await db().userSession.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } });
  return { ...user, activeSessions };
}

/** Authorities for the create form (officers are bound to one; experts have a home one). */
export async function listAuthorityOptions() {
  return db().authority.findMany({ select: { id: true, nameZh: true, nameEn: true }, orderBy: { sortOrder: "asc" } });
}

/** The signed-in user's own account page. */
export async function getOwnAccount(id: string, now: Date) {
  const [user, activeSessions] = await Promise.all([
    db().user.findUnique({
      where: { id },
      select: { username: true, displayName: true, role: true, email: true, passwordChangedAt: true, lastSignInAt: true, mustChangePassword: true },
    }),
    db().userSession.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } }),
  ]);
  return user ? { ...user, activeSessions } : null;
}
