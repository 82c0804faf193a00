import { describe, expect, it } from "vitest";
import { applicationTable, assignmentTable, batchTable, designationTable, inPhase, objectionTable, stepsFrom, transition } from "@/lib/selection/states";
import type { SelectionBatchStatus } from "@/lib/kernel/enums";
import { batchSettingsSchema, saveIndicatorsSchema } from "@/lib/selection/schema";

describe("batch state table", () => {
  it("runs draft → applying → reviewing → deciding → notice → announced in order only", () => {
    const path = ["open", "startReview", "finishReview", "publishNotice", "announce"] as const;
    let s: SelectionBatchStatus = "DRAFT";
    for (const step of path) {
      const t: { ok: boolean; to?: SelectionBatchStatus } = transition(batchTable, s, step);
      expect(t.ok).toBe(true);
      if (t.ok && t.to) s = t.to;
    }
    expect(s).toBe("ANNOUNCED");
  });
  it("refuses a step out of order", () => {
    expect(transition(batchTable, "DRAFT", "announce").ok).toBe(false);
    expect(transition(batchTable, "APPLYING", "publishNotice").ok).toBe(false);
    expect(transition(batchTable, "REVIEWING", "cancel").ok).toBe(false);
    expect(transition(batchTable, "ANNOUNCED", "open").ok).toBe(false);
    expect(stepsFrom(batchTable, "DRAFT")).toEqual(["open", "cancel"]);
    expect(stepsFrom(batchTable, "ANNOUNCED")).toEqual([]);
  });
  it("ties each kind of work to batch phases", () => {
    expect(inPhase("APPLYING", "applicationEdit")).toBe(true);
    expect(inPhase("REVIEWING", "applicationEdit")).toBe(false);
    expect(inPhase("REVIEWING", "scoring")).toBe(true);
    expect(inPhase("DECIDING", "scoring")).toBe(false);
    expect(inPhase("NOTICE", "objection")).toBe(true);
    expect(inPhase("APPLYING", "quotas")).toBe(true);
    expect(inPhase("APPLYING", "batchSettings")).toBe(false);
  });
});

describe("application, assignment, objection and designation tables", () => {
  it("applications", () => {
    expect(transition(applicationTable, "DRAFT", "submit")).toMatchObject({ ok: true, to: "SUBMITTED" });
    expect(transition(applicationTable, "DRAFT", "recommend").ok).toBe(false);
    expect(transition(applicationTable, "SUBMITTED", "recommend")).toMatchObject({ ok: true, to: "RECOMMENDED" });
    expect(transition(applicationTable, "RECOMMENDED", "withdraw").ok).toBe(false);
    expect(transition(applicationTable, "RECOMMENDED", "select")).toMatchObject({ ok: true, to: "SELECTED" });
    expect(transition(applicationTable, "SUBMITTED", "select").ok).toBe(false);
    expect(transition(applicationTable, "SELECTED", "remove")).toMatchObject({ ok: true, to: "REMOVED" });
    expect(transition(applicationTable, "NOT_SELECTED", "designate").ok).toBe(false);
    expect(transition(applicationTable, "REMOVED", "designate").ok).toBe(false);
    expect(transition(applicationTable, "SELECTED", "designate")).toMatchObject({ ok: true, to: "DESIGNATED" });
  });
  it("assignments: a submitted review is final", () => {
    expect(transition(assignmentTable, "ASSIGNED", "submit")).toMatchObject({ ok: true, to: "SUBMITTED" });
    expect(transition(assignmentTable, "SUBMITTED", "submit").ok).toBe(false);
    expect(transition(assignmentTable, "SUBMITTED", "withdraw").ok).toBe(false);
  });
  it("objections are resolved once", () => {
    expect(transition(objectionTable, "OPEN", "uphold")).toMatchObject({ ok: true, to: "UPHELD" });
    expect(transition(objectionTable, "DISMISSED", "uphold").ok).toBe(false);
  });
  it("designations: acceptance once, revocation from any live state", () => {
    expect(transition(designationTable, "ACTIVE", "accept")).toMatchObject({ ok: true, to: "ACCEPTED" });
    expect(transition(designationTable, "ACCEPTED", "fail").ok).toBe(false);
    expect(transition(designationTable, "FAILED", "revoke")).toMatchObject({ ok: true, to: "REVOKED" });
    expect(transition(designationTable, "REVOKED", "revoke").ok).toBe(false);
  });
});

describe("schemas", () => {
  const settings = {
    year: "2025",
    nameZh: "2025年度优质技工院校",
    kind: "SCHOOL",
    targetCount: "100",
    eligibleTiers: "TECHNICIAN_COLLEGE",
    eligibleStatuses: ["OPERATING"],
    defaultQuota: "3",
    windowOpensAt: "2025-03-01T09:00",
    windowClosesAt: "2025-03-31T17:00",
    noticeDays: "5",
    minExperts: "2",
    spreadThreshold: "15",
  };
  it("parses batch settings (single checkbox value becomes a list)", () => {
    const r = batchSettingsSchema.parse(settings);
    expect(r.eligibleTiers).toEqual(["TECHNICIAN_COLLEGE"]);
    expect(r.windowOpensAt.toISOString()).toBe("2025-03-01T01:00:00.000Z");
  });
  it("refuses a window that closes before it opens", () => {
    const r = batchSettingsSchema.safeParse({ ...settings, windowClosesAt: "2025-02-01T09:00" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("validation.windowOrder");
  });
  it("takes an optional review deadline, which must come after the window closes", () => {
    expect(batchSettingsSchema.parse({ ...settings, reviewClosesAt: "" }).reviewClosesAt).toBeNull();
    expect(batchSettingsSchema.parse(settings).reviewClosesAt).toBeNull();
    expect(batchSettingsSchema.parse({ ...settings, reviewClosesAt: "2025-04-30T17:00" }).reviewClosesAt?.toISOString()).toBe("2025-04-30T09:00:00.000Z");
    const early = batchSettingsSchema.safeParse({ ...settings, reviewClosesAt: "2025-03-15T09:00" });
    expect(early.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reviewClosesAt", "validation.reviewAfterWindow"]]);
    expect(batchSettingsSchema.safeParse({ ...settings, reviewClosesAt: "soon" }).error?.issues[0].message).toBe("validation.dateTime");
  });
  it("refuses indicator weights that do not sum to 100, and duplicate codes", () => {
    const ok = {
      batchId: "b",
      indicators: [
        { code: "A1", nameZh: "甲", nameEn: "A", weight: 60, maxScore: 10 },
        { code: "A2", nameZh: "乙", nameEn: "B", weight: 40, maxScore: 10 },
      ],
    };
    expect(saveIndicatorsSchema.safeParse(ok).success).toBe(true);
    const bad = saveIndicatorsSchema.safeParse({ ...ok, indicators: [ok.indicators[0], { ...ok.indicators[1], code: "a1", weight: 30 }] });
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual(["validation.duplicateCode", "validation.weightsSum"]);
  });
});
