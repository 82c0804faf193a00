import { afterEach, describe, expect, it } from "vitest";
import { authorize, getAuthorityScope, getUser, requireAuthorityScope, requirePolicy, requireUser } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
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
    expect(await codeOf(authorize("createBatchAction"))).toBe("UNAUTHENTICATED");
  });

  it("refuses a role the row does not list as FORBIDDEN", async () => {
    signInAs(testUsers.gdOfficer);
    expect(await codeOf(authorize("startReviewAction"))).toBe("FORBIDDEN");
    expect((await authorize("createApplicationAction")).username).toBe("gd-officer");
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
    expect(await codeOf(requirePolicy("loadSchoolList"))).toBe("NEXT_REDIRECT:/sign-in");
    expect(await codeOf(requirePolicy("loadPasswordPage"))).toBe("NEXT_REDIRECT:/sign-in");
  });

  it("renders 403 for a role the page's row does not list", async () => {
    signInAs(testUsers.expert);
    expect(await codeOf(requirePolicy("loadBatchList"))).toBe("NEXT_FORBIDDEN");
    expect((await requirePolicy("loadMyReviews")).id).toBe(testUsers.expert.id);
  });

  it("sends a pending password change to the password page, except on signed-in rows", async () => {
    signInAs({ ...testUsers.admin, mustChangePassword: true });
    expect(await codeOf(requirePolicy("loadBatchList"))).toBe("NEXT_REDIRECT:/console/account/password");
    expect(await codeOf(requirePolicy("loadOwnAccount"))).toBe("NEXT_REDIRECT:/console/account/password");
    expect((await requirePolicy("loadPasswordPage")).mustChangePassword).toBe(true);
  });

  it("renders 403 for an officer asking for another authority", async () => {
    expect(await codeOf(() => requireAuthorityScope(testUsers.zjOfficer, "guangdong"))).toBe("NEXT_FORBIDDEN");
    expect(requireAuthorityScope(testUsers.zjOfficer, "zhejiang").authorityId).toBe("zhejiang");
  });
});

describe("may: the row read for showing a control", () => {
  it("reads the row like the gates do", () => {
    expect(may(null, "loadPublicSearch")).toBe(true);
    expect(may(null, "loadPasswordPage")).toBe(false);
    expect(may(testUsers.auditor, "loadSchoolPage")).toBe(true);
    expect(may(testUsers.auditor, "updateSchoolAction")).toBe(false);
    expect(may(testUsers.gdOfficer, "updateSchoolAction")).toBe(true);
    expect(may({ ...testUsers.gdOfficer, mustChangePassword: true }, "updateSchoolAction")).toBe(false);
    expect(may({ ...testUsers.gdOfficer, mustChangePassword: true }, "changeOwnPasswordAction")).toBe(true);
  });
});
