import { POLICY, type RoleRules } from "@/lib/auth/policy";
import type { Role } from "@/lib/kernel/enums";

/**
 * Who holds which keys (docs/decisions/0085). Any account issues keys for itself, at most
 * MAX_ACTIVE_KEYS of them unrevoked at a time (a key per client or environment, not a key per
 * request); roles whose policy row says "any" (lib/auth/policy.ts) see and revoke every account's.
 */
export const MAX_ACTIVE_KEYS = 5;

/** May this role see and revoke other accounts' keys? Read from the policy row, never listed here. */
export function reachesEveryKey(role: Role | null): boolean {
  return role !== null && (POLICY.revokeApiKeyAction as RoleRules)[role] === "any";
}
