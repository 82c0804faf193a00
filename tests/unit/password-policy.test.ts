import { describe, expect, it } from "vitest";
import { isLeakedPassword, leakedPasswords } from "@/lib/accounts/leaked-passwords";
import { characterClasses, checkPassword, leakKey } from "@/lib/accounts/password-policy";
import { DEFAULT_POLICY, POLICY_BOUNDS, POLICY_FIELDS, securityPolicySchema } from "@/lib/accounts/policy";
import { temporaryPassword } from "@/lib/accounts/temp-password";

/** The password policy (lib/accounts/password-policy.ts) with the baseline rules and the shipped list. */
const rules = { passwordMinLength: 12, passwordMinClasses: 3 };
const keys = (password: string, username = "gd-officer") => checkPassword(password, { username, rules, isLeaked: isLeakedPassword }).map((i) => i.key);

describe("password policy", () => {
  it.each([
    // [password, expected issue keys]
    ["Tr0ub4dor&3x!", []],
    ["correct horse battery staple 9", []], // lower + space(symbol) + digit = 3 classes
    ["Short#1a", ["passwordTooShort"]],
    ["alllowercaseletters", ["passwordClasses"]],
    ["ALLUPPER123456", ["passwordClasses"]],
    ["abcdefgh1234", ["passwordClasses", "passwordLeaked"]],
    ["Abcdefgh1234", ["passwordLeaked"]],
    ["Password@123", ["passwordLeaked"]],
    ["P@ssw0rd1234", ["passwordLeaked"]],
    ["Pa55-Harbour-Crane", []],
    ["1qaz2wsx3edc", ["passwordClasses", "passwordLeaked"]],
    ["Woaini1314520", ["passwordLeaked"]],
    ["Admin@123456", ["passwordLeaked"]],
    ["Qwerty123456!", ["passwordLeaked"]],
    ["my-gd-officer-Pass1", ["passwordContainsUsername"]],
    ["GD-OFFICER#2026x", ["passwordContainsUsername"]],
  ])("%s → %j", (password, expected) => {
    expect(keys(password)).toEqual(expected);
  });

  it("counts length in characters (not bytes) and refuses very long passwords", () => {
    // 10 characters (30 bytes in UTF-8), four classes: still too short. CJK counts as a symbol.
    expect(keys("黄河远上白云间Ab1")).toEqual(["passwordTooShort"]);
    expect(keys("天地玄黄宇宙洪荒日月盈昃Ab1")).toEqual([]);
    expect(keys(`Aa1!${"x".repeat(130)}`)).toEqual(["passwordTooLong"]);
  });

  it("follows stricter stored rules", () => {
    const strict = { passwordMinLength: 16, passwordMinClasses: 4 };
    const k = checkPassword("Tr0ub4dor&3x!", { username: "u", rules: strict, isLeaked: () => false }).map((i) => i.key);
    expect(k).toEqual(["passwordTooShort"]);
    expect(checkPassword("Tr0ub4dor3xyzabc", { username: "u", rules: strict, isLeaked: () => false })[0]).toEqual({
      key: "passwordClasses",
      params: { min: 4 },
    });
  });

  it("ignores very short usernames (a 2-letter name would forbid too much)", () => {
    expect(keys("ab-Secure#Pass9", "ab")).toEqual([]);
  });

  it("counts character classes", () => {
    expect(characterClasses("abc")).toBe(1);
    expect(characterClasses("aB3")).toBe(3);
    expect(characterClasses("aB3 ")).toBe(4);
  });
});

describe("the shipped leaked-password list", () => {
  it("holds thousands of common passwords, lower case, including the well-known ones", () => {
    const list = leakedPasswords();
    expect(list.size).toBeGreaterThan(3000);
    for (const p of ["123456", "password", "qwerty", "111111", "5201314", "woaini1314", "a123456", "iloveyou", "1qaz2wsx", "p@ssw0rd"]) {
      expect(list.has(p), p).toBe(true);
    }
    expect([...list].every((p) => p === p.toLowerCase() && p === p.trim())).toBe(true);
  });

  it("compares case-insensitively", () => {
    expect(isLeakedPassword(leakKey(" PassWord@123 "))).toBe(true);
    expect(isLeakedPassword(leakKey("Zq8#vL2m!pR5tY"))).toBe(false);
  });
});

describe("temporary passwords", () => {
  it("always pass the policy and differ each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toHaveLength(16);
      expect(checkPassword(p, { username: "new-user", rules: { passwordMinLength: 16, passwordMinClasses: 4 }, isLeaked: isLeakedPassword })).toEqual([]);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe("policy bounds", () => {
  it("the baseline is inside the bounds and is their loose end", () => {
    for (const k of POLICY_FIELDS) {
      const [min, max] = POLICY_BOUNDS[k];
      expect(DEFAULT_POLICY[k]).toBeGreaterThanOrEqual(min);
      expect(DEFAULT_POLICY[k]).toBeLessThanOrEqual(max);
    }
    expect(securityPolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true);
  });

  // Issue 12 (relatives of finding 1): no value the security administrator may save weakens the
  // lockout, the address limit or the password rules. Looser is higher for these, lower for the rest.
  const LOOSER_IS_HIGHER = new Set(["maxFailedSignIns", "ipMaxFailures", "idleTimeoutMinutes", "sessionMaxHours"]);
  it.each(POLICY_FIELDS)("%s: the baseline is the loosest value allowed; one step looser is refused", (field) => {
    const [min, max] = POLICY_BOUNDS[field];
    const higher = LOOSER_IS_HIGHER.has(field);
    expect(DEFAULT_POLICY[field]).toBe(higher ? max : min);
    const r = securityPolicySchema.safeParse({ ...DEFAULT_POLICY, [field]: DEFAULT_POLICY[field] + (higher ? 1 : -1) });
    expect(r.error?.issues.map((i) => i.path)).toEqual([[field]]);
  });

  it.each([
    ["passwordMinLength", 8],
    ["passwordMinClasses", 2],
    ["maxFailedSignIns", 10],
    ["lockoutMinutes", 5],
    ["ipMaxFailures", 100],
    ["idleTimeoutMinutes", 60],
    ["sessionMaxHours", 24],
  ] as const)("refuses loosening %s to %d", (field, value) => {
    const r = securityPolicySchema.safeParse({ ...DEFAULT_POLICY, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual([field]);
  });
});
