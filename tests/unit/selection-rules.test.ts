import { describe, expect, it } from "vitest";
import { checkEligibility, windowState, type EligibilityInput } from "@/lib/selection/eligibility";
import { conflictOf, eligibleExperts } from "@/lib/selection/conflicts";
import { checkQuota, quotaFor, ranksFor, remaining } from "@/lib/selection/quota";
import { attachmentProblem, cleanFileName, isPdf, MAX_ATTACHMENT_BYTES } from "@/lib/selection/attachments/rules";
import { selfAssessmentComplete } from "@/lib/selection/self-assessment";
import { parseShanghaiDateTime, toShanghaiInput } from "@/lib/kernel/dates";

const now = new Date("2025-03-10T00:00:00Z");
const base: EligibilityInput = {
  batch: {
    status: "APPLYING",
    kind: "SCHOOL",
    eligibleTiers: ["TECHNICIAN_COLLEGE"],
    eligibleStatuses: ["OPERATING"],
    windowOpensAt: new Date("2025-03-01T00:00:00Z"),
    windowClosesAt: new Date("2025-03-31T00:00:00Z"),
  },
  school: { authorityId: "guangdong", tier: "TECHNICIAN_COLLEGE", status: "OPERATING" },
  schoolId: "s1",
  actorAuthorityId: "guangdong",
  alreadyDesignated: false,
  alreadyApplied: false,
  now,
};
const reason = (i: Partial<EligibilityInput>) => {
  const r = checkEligibility({ ...base, ...i });
  return r.ok ? "ok" : r.reason;
};

describe("eligibility", () => {
  it("accepts an operating 技师学院 of the officer's authority within the window", () => {
    expect(reason({})).toBe("ok");
  });
  it("refuses with a clear reason", () => {
    expect(reason({ batch: { ...base.batch, status: "DRAFT" } })).toBe("batchNotOpen");
    expect(reason({ now: new Date("2025-02-28T23:59:59Z") })).toBe("windowNotOpen");
    expect(reason({ now: new Date("2025-03-31T00:00:00Z") })).toBe("windowClosed");
    expect(reason({ actorAuthorityId: "zhejiang" })).toBe("wrongAuthority");
    expect(reason({ school: { ...base.school, tier: "TECHNICAL_SCHOOL" } })).toBe("wrongTier");
    expect(reason({ school: { ...base.school, status: "RECTIFYING" } })).toBe("wrongStatus");
    expect(reason({ alreadyDesignated: true })).toBe("alreadyDesignated");
    expect(reason({ alreadyApplied: true })).toBe("alreadyApplied");
  });
  it("needs the school's own live major for a major batch", () => {
    const batch = { ...base.batch, kind: "MAJOR" as const };
    expect(reason({ batch })).toBe("majorRequired");
    expect(reason({ batch, schoolMajor: { schoolId: "other", status: "ENROLLING" } })).toBe("majorNotOffered");
    expect(reason({ batch, schoolMajor: { schoolId: "s1", status: "WITHDRAWN" } })).toBe("majorNotOffered");
    expect(reason({ batch, schoolMajor: { schoolId: "s1", status: "ENROLLING" } })).toBe("ok");
  });
  it("treats the window as half-open", () => {
    expect(windowState(base.batch, base.batch.windowOpensAt)).toBe("open");
    expect(windowState(base.batch, base.batch.windowClosesAt)).toBe("after");
  });
});

describe("conflict of interest", () => {
  const app = { authorityId: "guangdong", schoolId: "s1" };
  it("conflicts on the expert's home authority and on a declared school", () => {
    expect(conflictOf({ authorityId: "guangdong" }, app, [])).toBe("sameAuthority");
    expect(conflictOf({ authorityId: "zhejiang" }, app, ["s1"])).toBe("affiliation");
    expect(conflictOf({ authorityId: "zhejiang" }, app, new Set(["s1"]))).toBe("affiliation");
    expect(conflictOf({ authorityId: "zhejiang" }, app, ["s2"])).toBeNull();
    expect(conflictOf({ authorityId: null }, app, [])).toBeNull();
  });
  it("offers only unconflicted experts", () => {
    const experts = [
      { id: "e1", authorityId: "guangdong", affiliatedSchoolIds: [] },
      { id: "e2", authorityId: "zhejiang", affiliatedSchoolIds: ["s1"] },
      { id: "e3", authorityId: "zhejiang", affiliatedSchoolIds: [] },
      { id: "e4", authorityId: null, affiliatedSchoolIds: [] },
    ];
    expect(eligibleExperts(experts, app).map((e) => e.id)).toEqual(["e3", "e4"]);
  });
});

describe("quota", () => {
  it("uses the authority's own quota, else the batch default", () => {
    const quotas = [{ authorityId: "guangdong", quota: 5 }];
    expect(quotaFor(2, quotas, "guangdong")).toBe(5);
    expect(quotaFor(2, quotas, "zhejiang")).toBe(2);
    expect(quotaFor(2, [{ authorityId: "xizang", quota: 0 }], "xizang")).toBe(0);
  });
  it("refuses going over the quota, allows reaching it", () => {
    expect(checkQuota(3, 3)).toEqual({ ok: true });
    expect(checkQuota(3, 4)).toEqual({ ok: false, reason: "quotaExceeded", quota: 3, requested: 4 });
    expect(checkQuota(0, 1).ok).toBe(false);
    expect(remaining(3, 5)).toBe(0);
    expect([...ranksFor(["a", "b"])]).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
});

describe("attachments", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n...");
  it("recognises a PDF by content, not name", () => {
    expect(isPdf(pdf)).toBe(true);
    expect(isPdf(new TextEncoder().encode("<html>%PDF-"))).toBe(false);
    // (head, bytes so far, room under the quota, whole file arrived?)
    expect(attachmentProblem(new Uint8Array(), 0, null, true)).toBe("empty");
    expect(attachmentProblem(new TextEncoder().encode("MZ\x90\x00\x00"), 5, null, false)).toBe("notPdf");
    expect(attachmentProblem(new TextEncoder().encode("%P"), 2, null, false)).toBeNull(); // too early to tell
    expect(attachmentProblem(new TextEncoder().encode("%P"), 2, null, true)).toBe("notPdf");
    expect(attachmentProblem(pdf.subarray(0, 5), MAX_ATTACHMENT_BYTES + 1, null, false)).toBe("tooLarge");
    expect(attachmentProblem(pdf.subarray(0, 5), 2001, 2000, false)).toBe("quota");
    expect(attachmentProblem(pdf.subarray(0, 5), pdf.length, null, true)).toBeNull();
  });
  it("keeps only a clean base name", () => {
    expect(cleanFileName("C:\\Users\\x\\证明材料.pdf")).toBe("证明材料.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('a"\u0001b.pdf')).toBe("ab.pdf");
    expect(cleanFileName("")).toBe("attachment.pdf");
  });
});

describe("self-assessment and dates", () => {
  const inds = [
    { code: "A1", maxScore: 10 },
    { code: "A2", maxScore: 10 },
  ];
  it("is complete only with every indicator scored within range", () => {
    expect(selfAssessmentComplete(inds, { A1: { score: 8, note: "" }, A2: { score: 10, note: "" } })).toBe(true);
    expect(selfAssessmentComplete(inds, { A1: { score: 8, note: "" } })).toBe(false);
    expect(selfAssessmentComplete(inds, { A1: { score: 8, note: "" }, A2: { score: 11, note: "" } })).toBe(false);
    expect(selfAssessmentComplete(inds, null)).toBe(false);
  });
  it("reads form times as China time whatever the server zone", () => {
    expect(parseShanghaiDateTime("2025-03-01T09:00")?.toISOString()).toBe("2025-03-01T01:00:00.000Z");
    expect(parseShanghaiDateTime("2025-03-01T00:00:30")?.toISOString()).toBe("2025-02-28T16:00:30.000Z");
    expect(parseShanghaiDateTime("2025-03-01 09:00")).toBeNull();
    expect(toShanghaiInput(new Date("2025-03-01T01:00:00Z"))).toBe("2025-03-01T09:00");
  });
});
