import "server-only";
import { db } from "@/lib/db/client";

/** Sign-in needs the hash; nothing else ever selects it. */
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
    },
  });
}
