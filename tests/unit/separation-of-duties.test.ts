import { describe, expect, it } from "vitest";
import { createAccountSchema } from "@/lib/accounts/schema";
import { dutyConflict, normalisePersonId, requiresPersonId } from "@/lib/accounts/separation";
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
  it("are required for the three admin roles only", () => {
    expect(roles.filter(requiresPersonId)).toEqual([...ADMINS]);
  });

  it("are normalised, so one person cannot appear as two", () => {
    expect(normalisePersonId(" 44010619900101123x ")).toBe("44010619900101123X");
    expect(normalisePersonId("demo staff 0001")).toBe("DEMOSTAFF0001");
  });

  it("the create form refuses an admin account without one", () => {
    const r = createAccountSchema.safeParse({ username: "sec2", displayName: "安全员", role: "SECURITY_ADMIN" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["personId", "validation.personIdRequired"]]);
    const ok = createAccountSchema.parse({ username: "sec2", displayName: "安全员", role: "SECURITY_ADMIN", personId: "staff-42", authorityId: "guangdong" });
    // Only officers and experts carry an authority.
    expect(ok).toMatchObject({ personId: "STAFF-42", authorityId: null, affiliations: [] });
  });
});
