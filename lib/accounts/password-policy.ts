import type { Issue } from "@/lib/validation/issues";
import type { SecurityPolicyValues } from "./policy";

/**
 * The password rules, applied to every password that is set (account creation, reset, change):
 * a minimum length, at least N of the four character classes, not containing the username, and
 * not in the shipped list of common/leaked passwords. Pure: the leaked list is passed in.
 */
export type PasswordRules = Pick<SecurityPolicyValues, "passwordMinLength" | "passwordMinClasses">;

export const MAX_PASSWORD_LENGTH = 128;

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
}

/** What a leaked-list lookup compares: lower case, surrounding spaces ignored. */
export function leakKey(password: string): string {
  return password.trim().toLowerCase();
}

export function checkPassword(password: string, ctx: { username?: string | null; rules: PasswordRules; isLeaked: (key: string) => boolean }): Issue[] {
  const issues: Issue[] = [];
  const { passwordMinLength: min, passwordMinClasses: classes } = ctx.rules;
  // Length in code points, so that a CJK or emoji character counts once.
  const length = [...password].length;
  if (length < min) issues.push({ key: "passwordTooShort", params: { min } });
  if (length > MAX_PASSWORD_LENGTH) issues.push({ key: "passwordTooLong", params: { max: MAX_PASSWORD_LENGTH } });
  if (characterClasses(password) < classes) issues.push({ key: "passwordClasses", params: { min: classes } });
  const username = ctx.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) issues.push({ key: "passwordContainsUsername" });
  if (ctx.isLeaked(leakKey(password))) issues.push({ key: "passwordLeaked" });
  return issues;
}
