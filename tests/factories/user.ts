import { normalisePersonId } from "../../lib/accounts/separation";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/kernel/enums";
import type { Prisma } from "../../lib/db/generated/client";
import { makeAuthority } from "./authority";
import { uniqueTag, type Db } from "./sequence";

export const TEST_PASSWORD = "Test#2026pass";

export type MadeUser = { id: string; username: string; password: string; role: Role; authorityId: string | null };

// bcrypt is slow on purpose: hash each password once per test process.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (p: string) => {
  if (!hashes.has(p)) hashes.set(p, hashPassword(p));
  return hashes.get(p)!;
};

/**
 * Inserts a user with the given role (and authority for officers / experts' home; created if
 * missing). The returned password signs in; pass `overrides.id` to match a `testUsers` session
 * id from tests/support/session.ts (e.g. makeUser(db, "PROVINCE_OFFICER", "guangdong", { id: "u-gd", username: "gd-officer" })).
 */
export async function makeUser(
  db: Db,
  role: Role,
  authorityId: string | null = null,
  overrides: Partial<Prisma.UserUncheckedCreateInput> & { password?: string } = {},
): Promise<MadeUser> {
  if (authorityId) await makeAuthority(db, authorityId);
  const { password = TEST_PASSWORD, ...rest } = overrides;
  const username = rest.username ?? `user-${uniqueTag()}`;
  const row = await db.user.create({
    data: {
      username,
      passwordHash: await hashOnce(password),
      displayName: rest.displayName ?? username,
      role,
      authorityId,
      ...rest,
      // Stored normalised, as the account forms store it (lib/accounts/separation.ts).
      personId: typeof rest.personId === "string" ? normalisePersonId(rest.personId) : rest.personId,
    },
    select: { id: true, username: true, role: true, authorityId: true },
  });
  return { ...row, password };
}
