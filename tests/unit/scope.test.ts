import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeFor, systemScope } from "@/lib/auth/scope";
import { testUsers } from "../support/session";

/** Who may act in which authority: the matrix the gates rely on (lib/auth/scope.ts). */
const ALL = "all authorities";
const REFUSED = "refused";

function outcome(user: SessionUser, requested?: string | null): string {
  const scope = scopeFor(user, requested);
  if (!scope) return REFUSED;
  return scope.authorityId ?? ALL;
}

const orphanOfficer: SessionUser = { ...testUsers.gdOfficer, id: "u-orphan", authorityId: null };

describe("scopeFor", () => {
  it.each([
    // user, requested authority, outcome
    ["admin", undefined, ALL],
    ["admin", "zhejiang", "zhejiang"],
    ["ministry", undefined, ALL],
    ["ministry", "guangdong", "guangdong"],
    ["auditor", undefined, ALL],
    ["auditor", "xpcc", "xpcc"],
    ["gdOfficer", undefined, "guangdong"],
    ["gdOfficer", "guangdong", "guangdong"],
    ["gdOfficer", "zhejiang", REFUSED],
    ["zjOfficer", undefined, "zhejiang"],
    ["zjOfficer", "guangdong", REFUSED],
    ["expert", undefined, REFUSED],
    ["expert", "guangdong", REFUSED],
  ] as const)("%s asking for %s → %s", (who, requested, expected) => {
    expect(outcome(testUsers[who], requested)).toBe(expected);
  });

  it.each(["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const)("gives the 三员 role %s no registry scope", (role) => {
    const user: SessionUser = { ...testUsers.admin, id: `u-${role}`, role };
    expect(outcome(user)).toBe(REFUSED);
    expect(outcome(user, "guangdong")).toBe(REFUSED);
  });

  it("treats an empty request as no request", () => {
    expect(outcome(testUsers.gdOfficer, "")).toBe("guangdong");
    expect(outcome(testUsers.admin, null)).toBe(ALL);
  });

  it("refuses an officer who is bound to no authority", () => {
    expect(outcome(orphanOfficer)).toBe(REFUSED);
    expect(outcome(orphanOfficer, "guangdong")).toBe(REFUSED);
  });

  it("lets scripts act for one authority or all of them", () => {
    expect(systemScope().authorityId).toBeNull();
    expect(systemScope("hainan").authorityId).toBe("hainan");
  });
});
