import { afterEach, describe, expect, it } from "vitest";
import { getAuthorityScope, getRole, getUser, requireAuthorityScope, requireRole, requireUser } from "@/lib/auth/gates";
import { Refusal } from "@/lib/errors";
import { signInAs, testUsers } from "../support/session";

/** The gates, against the mocked session (tests/support/setup.ts). */
afterEach(() => signInAs(null));

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return e instanceof Refusal ? e.code : (e as Error).message;
  }
  return "passed";
}

describe("action/route gates (throw Refusal)", () => {
  it("refuses anonymous callers as UNAUTHENTICATED", async () => {
    expect(await codeOf(getUser())).toBe("UNAUTHENTICATED");
    expect(await codeOf(getRole("MINISTRY_ADMIN"))).toBe("UNAUTHENTICATED");
  });

  it("refuses a role that is not allowed as FORBIDDEN", async () => {
    signInAs(testUsers.gdOfficer);
    expect(await codeOf(getRole("MINISTRY_ADMIN", "MINISTRY_STAFF"))).toBe("FORBIDDEN");
    expect((await getRole("PROVINCE_OFFICER", "MINISTRY_ADMIN")).username).toBe("gd-officer");
  });

  it("refuses an officer acting for another authority", async () => {
    expect(await codeOf(() => getAuthorityScope(testUsers.gdOfficer, "zhejiang"))).toBe("FORBIDDEN");
    expect(getAuthorityScope(testUsers.gdOfficer).authorityId).toBe("guangdong");
    expect(getAuthorityScope(testUsers.ministry, "zhejiang").authorityId).toBe("zhejiang");
  });
});

describe("page gates (redirect / 403)", () => {
  it("sends anonymous visitors to the sign-in page", async () => {
    expect(await codeOf(requireUser())).toBe("NEXT_REDIRECT:/sign-in");
  });

  it("renders 403 for a role that is not allowed", async () => {
    signInAs(testUsers.expert);
    expect(await codeOf(requireRole("MINISTRY_ADMIN"))).toBe("NEXT_FORBIDDEN");
    expect((await requireRole("EXPERT")).id).toBe(testUsers.expert.id);
  });

  it("renders 403 for an officer asking for another authority", async () => {
    expect(await codeOf(() => requireAuthorityScope(testUsers.zjOfficer, "guangdong"))).toBe("NEXT_FORBIDDEN");
    expect(requireAuthorityScope(testUsers.zjOfficer, "zhejiang").authorityId).toBe("zhejiang");
  });
});
