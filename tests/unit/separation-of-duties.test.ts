import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAccountSchema } from "@/lib/accounts/schema";
import { dutyConflict, isPrivileged, normalisePersonId, requiresPersonId, samePerson } from "@/lib/accounts/separation";
import { roles } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";

/** 三员分立 (lib/accounts/separation.ts): one person, at most one of system / security / audit duties. */
const ADMINS = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const;

describe("dutyConflict", () => {
  it("refuses every pair of different admin duties, both ways", () => {
    for (const a of ADMINS) {
      for (const b of ADMINS) {
        const c = dutyConflict(b, [a]);
        if (a === b) expect(c).toBeNull();
        else expect(c, `${a} then ${b}`).toMatchObject({ heldRole: a });
      }
    }
  });

  it("treats the auditor as the audit duty", () => {
    expect(dutyConflict("SYSTEM_ADMIN", ["AUDITOR"])).toMatchObject({ held: "audit", requested: "system" });
    expect(dutyConflict("AUDITOR", ["SECURITY_ADMIN"])).toMatchObject({ held: "security", requested: "audit" });
    expect(dutyConflict("AUDIT_ADMIN", ["AUDITOR"])).toBeNull();
  });

  it("leaves the business roles alone", () => {
    const business: Role[] = ["MINISTRY_ADMIN", "MINISTRY_STAFF", "EXPERT", "PROVINCE_OFFICER"];
    for (const r of business) {
      expect(dutyConflict(r, [...ADMINS])).toBeNull();
      for (const a of ADMINS) expect(dutyConflict(a, [r])).toBeNull();
    }
  });

  it("finds the conflict among several accounts", () => {
    expect(dutyConflict("SECURITY_ADMIN", ["PROVINCE_OFFICER", "EXPERT", "SYSTEM_ADMIN"])).toMatchObject({ heldRole: "SYSTEM_ADMIN" });
  });
});

describe("person identifiers", () => {
  it("are required for every role the rule covers (the auditor too) and every privileged role", () => {
    expect(roles.filter(requiresPersonId)).toEqual(["MINISTRY_ADMIN", "AUDITOR", ...ADMINS]);
    expect(roles.filter(requiresPersonId)).toEqual(roles.filter(isPrivileged));
  });

  it("are normalised, so one person cannot appear as two", () => {
    expect(normalisePersonId(" 44010619900101123x ")).toBe("44010619900101123X");
    expect(normalisePersonId("demo staff 0001")).toBe("DEMOSTAFF0001");
    // Case, spaces, hyphens and other dashes, full-width forms, invisible characters (issue 12, finding 1c).
    const written = [
      "PT-0001",
      "PT0001",
      "pt0001",
      "pt 0001",
      "ＰＴ０００１",
      "ＰＴ－０００１",
      "PT–0001",
      "PT—0001",
      "PT\u22120001",
      "PT\u30FC0001",
      "P\u200BT0001",
      "PT\u30000001",
    ];
    expect(new Set(written.map(normalisePersonId))).toEqual(new Set(["PT0001"]));
    expect(normalisePersonId("PT-0002")).not.toBe(normalisePersonId("PT-0001"));
  });

  it("one person is the same account or the same normalised id", () => {
    expect(samePerson({ id: "a", personId: "PT-0001" }, { id: "b", personId: "pt0001" })).toBe(true);
    expect(samePerson({ id: "a", personId: null }, { id: "a", personId: null })).toBe(true);
    expect(samePerson({ id: "a", personId: null }, { id: "b", personId: null })).toBe(false);
    expect(samePerson({ id: "a", personId: "PT0001" }, { id: "b", personId: "PT0002" })).toBe(false);
  });

  it("the create form refuses an admin account, an auditor and a ministry administrator without one", () => {
    for (const role of ["SECURITY_ADMIN", "AUDITOR", "MINISTRY_ADMIN"] as const) {
      const r = createAccountSchema.safeParse({ username: "sec2", displayName: "安全员", role });
      expect(r.success, role).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["personId", "validation.personIdRequired"]]);
    }
    const ok = createAccountSchema.parse({ username: "sec2", displayName: "安全员", role: "SECURITY_ADMIN", personId: "staff-42", authorityId: "guangdong" });
    // Only officers and experts carry an authority; the person id is stored normalised.
    expect(ok).toMatchObject({ personId: "STAFF42", authorityId: null, affiliations: [] });
    expect(createAccountSchema.parse({ username: "aud2", displayName: "审计员", role: "AUDITOR", personId: "ＰＴ－０００１" }).personId).toBe("PT0001");
  });
});

describe("after creation (issue 12, relatives of finding 1)", () => {
  // Changing an account's role or person id would get round both rules: a system administrator
  // could turn an account into a privileged one, or give two duties to one person. No code path
  // may write either column after the account is created (lib/accounts/mutations.ts insertAccount).
  const sources = (dir: string): string[] =>
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.includes("generated"))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));

  it("no update of a User row writes its role or person id", () => {
    const writes = ["lib", "app", "scripts"]
      .flatMap(sources)
      .flatMap((src) => [...src.matchAll(/\.user\.(update|updateMany|upsert|updateManyAndReturn)\(([\s\S]*?)\);/g)]);
    expect(writes.length).toBeGreaterThan(5);
    const offending = writes.map((m) => m[2]).filter((call) => /data:\s*\{[^}]*\b(role|personId)\b/.test(call));
    expect(offending).toEqual([]);
    const rawSql = ["lib", "app", "scripts"].flatMap(sources).filter((src) => /UPDATE\s+"User"/i.test(src));
    expect(rawSql).toEqual([]);
  });
});
