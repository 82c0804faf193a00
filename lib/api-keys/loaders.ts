import "server-only";
import { requirePolicy } from "@/lib/auth/gates";
import { listApiKeys } from "./data";
import { MAX_ACTIVE_KEYS, reachesEveryKey } from "./rules";

/** /console/account/api-keys: the caller's keys (and, for a role that reaches them, every account's). */
export async function loadApiKeys() {
  const user = await requirePolicy("loadApiKeys");
  const everyAccount = reachesEveryKey(user.role);
  const rows = await listApiKeys(user.id, everyAccount);
  const mineActive = rows.filter((r) => r.ownerId === user.id && !r.revokedAt).length;
  return {
    rows: rows.map((r) => ({ ...r, mine: r.ownerId === user.id })),
    everyAccount,
    canIssue: mineActive < MAX_ACTIVE_KEYS,
    max: MAX_ACTIVE_KEYS,
  };
}
