import "server-only";
import type { Issue } from "@/lib/validation/issues";
import { isLeakedPassword } from "./leaked-passwords";
import type { SecurityPolicyValues } from "./policy";
import { checkPassword } from "./password-policy";

/** The password policy with the stored rules (read by the caller) and the shipped leaked list, for every password set. */
export function passwordIssues(password: string, username: string, rules: SecurityPolicyValues): Issue[] {
  return checkPassword(password, { username, rules, isLeaked: isLeakedPassword });
}
