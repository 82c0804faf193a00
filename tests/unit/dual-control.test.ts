import { describe, expect, it } from "vitest";
import { approvalRefusal, effectiveStatus, expiryOf, halfLength, needsDualControl, requestRefusal, REQUEST_TTL_HOURS } from "@/lib/accounts/dual-control";
import { temporaryPassword } from "@/lib/accounts/temp-password";
import { hashPassword, splitHash, verifyPassword } from "@/lib/auth/password";
import { roles } from "@/lib/auth/roles";

/** Dual control of privileged accounts (lib/accounts/dual-control.ts, docs/decisions/0052). */
const sys = { id: "u-sys", role: "SYSTEM_ADMIN" as const, personId: "PT0001" };
const sec = { id: "u-sec", role: "SECURITY_ADMIN" as const, personId: "PT0002" };
const audit = { id: "u-aud", personId: "PT0003" };

describe("which accounts need a second person", () => {
  it("the three administrators, the ministry administrator and auditors; no one else", () => {
    expect(roles.filter(needsDualControl)).toEqual(["MINISTRY_ADMIN", "AUDITOR", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"]);
  });
});

describe("requesting", () => {
  it("needs a requester with a person id, about someone else", () => {
    expect(requestRefusal(sys, audit)).toBeNull();
    expect(requestRefusal({ ...sys, personId: null }, audit)).toBe("NO_PERSON");
    // Another account of the requester's own person (written differently) is their own account.
    expect(requestRefusal(sys, { id: "u-sys-2", personId: "pt-0001" })).toBe("OWN_ACCOUNT");
    expect(requestRefusal(sys, { id: null, personId: "ＰＴ０００１" })).toBe("OWN_ACCOUNT");
  });
});

describe("approving", () => {
  it("the security administrator approves the system administrator's request about a third person", () => {
    expect(approvalRefusal(sec, sys, audit)).toBeNull();
  });

  it("another system administrator who is another person may approve too", () => {
    expect(approvalRefusal({ id: "u-sys-b", role: "SYSTEM_ADMIN", personId: "PT0009" }, sys, audit)).toBeNull();
  });

  it("nobody approves their own request, not through a second account of the same person", () => {
    expect(approvalRefusal({ ...sys }, sys, audit)).toBe("REQUESTER");
    expect(approvalRefusal({ id: "u-sys-2", role: "SYSTEM_ADMIN", personId: "pt 0001" }, sys, audit)).toBe("REQUESTER");
    expect(approvalRefusal({ id: "u-sec-2", role: "SECURITY_ADMIN", personId: "PT-0001" }, sys, audit)).toBe("REQUESTER");
  });

  it("nobody approves a request about their own account (reset of the security administrator needs someone else)", () => {
    expect(approvalRefusal(sec, sys, { id: sec.id, personId: sec.personId })).toBe("TARGET");
    expect(approvalRefusal({ id: "u-sec-2", role: "SECURITY_ADMIN", personId: "PT0003" }, sys, audit)).toBe("TARGET");
    // A new account for the approver's own person.
    expect(approvalRefusal(sec, sys, { id: null, personId: "pt-0002" })).toBe("TARGET");
  });

  it("only the approving roles, and only people with a person id", () => {
    for (const role of roles.filter((r) => r !== "SECURITY_ADMIN" && r !== "SYSTEM_ADMIN")) {
      expect(approvalRefusal({ id: "x", role, personId: "PT0100" }, sys, audit), role).toBe("ROLE");
    }
    expect(approvalRefusal({ ...sec, personId: null }, sys, audit)).toBe("NO_PERSON");
    expect(approvalRefusal(sec, { ...sys, personId: null }, audit)).toBe("NO_PERSON");
  });
});

describe("expiry", () => {
  it(`a request lapses ${REQUEST_TTL_HOURS} hours after it was made`, () => {
    const at = new Date("2026-12-01T00:00:00Z");
    const expiresAt = expiryOf(at);
    expect(expiresAt.toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(effectiveStatus({ status: "PENDING", expiresAt }, new Date("2026-12-03T23:59:59Z"))).toBe("PENDING");
    expect(effectiveStatus({ status: "PENDING", expiresAt }, expiresAt)).toBe("EXPIRED");
    expect(effectiveStatus({ status: "APPROVED", expiresAt }, new Date("2027-01-01T00:00:00Z"))).toBe("APPROVED");
  });
});

describe("a password in two halves", () => {
  it("each half is long enough, and together they meet the policy's minimum", () => {
    expect(halfLength(12)).toBe(10);
    expect(halfLength(64)).toBe(32);
  });

  it("signs in only with both halves, in order; neither half alone, nor swapped", async () => {
    const [first, second] = [temporaryPassword(10), temporaryPassword(10)];
    const hash = splitHash(10, await hashPassword(first), await hashPassword(second));
    expect(hash).not.toContain(first);
    expect(hash).not.toContain(second);
    expect(await verifyPassword(first + second, hash)).toBe(true);
    expect(await verifyPassword(first, hash)).toBe(false);
    expect(await verifyPassword(second, hash)).toBe(false);
    expect(await verifyPassword(second + first, hash)).toBe(false);
    expect(await verifyPassword(`${first}${second}x`, hash)).toBe(false);
    // An ordinary hash is checked as before.
    expect(await verifyPassword(first, await hashPassword(first))).toBe(true);
  });
});
