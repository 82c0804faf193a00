import "server-only";
import type { Issue } from "@/lib/validation/issues";
import { getSecurityPolicy } from "./data";
import { isLeakedPassword } from "./leaked-passwords";
import { checkPassword } from "./password-policy";

/** The password policy with the stored rules and the shipped leaked list, for every password set. */
export async function passwordIssues(password: string, username: string): Promise<Issue[]> {
  const rules = await getSecurityPolicy();
  return checkPassword(password, { username, rules, isLeaked: isLeakedPassword });
}
