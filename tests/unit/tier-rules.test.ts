import { describe, expect, it } from "vitest";
import type { SchoolTier } from "@/lib/kernel/enums";
import { adjacentTiers, approvalBodyFor, tierSteps, validateTierChange, type TierChangeInput } from "@/lib/schools/tier-rules";

const input = (from: SchoolTier, to: SchoolTier, extra: Partial<TierChangeInput> = {}): TierChangeInput => ({
  from,
  to,
  override: false,
  justification: null,
  approvalDocNo: "粤人社函〔2025〕1号",
  effectiveDate: "2025-05-01",
  today: "2025-06-01",
  tierSince: "2010-01-01",
  ...extra,
});
const keys = (i: TierChangeInput) =>
  Object.values(validateTierChange(i))
    .flat()
    .map((x) => x.key);

describe("tier rules", () => {
  it("allows one step up or down", () => {
    expect(keys(input("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL"))).toEqual([]);
    expect(keys(input("SENIOR_TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE"))).toEqual([]);
    expect(keys(input("TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL"))).toEqual([]);
    expect(keys(input("SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"))).toEqual([]);
  });

  it("refuses a change to the same tier", () => {
    expect(keys(input("TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"))).toEqual(["tierUnchanged"]);
  });

  it("refuses a two-step jump without override, and with an override shorter than 10 characters", () => {
    expect(keys(input("TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE"))).toEqual(["tierSkipNeedsOverride"]);
    expect(keys(input("TECHNICIAN_COLLEGE", "TECHNICAL_SCHOOL"))).toEqual(["tierSkipNeedsOverride"]);
    expect(keys(input("TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE", { override: true, justification: "省政府特批" }))).toEqual(["justificationTooShort"]);
    expect(keys(input("TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE", { override: true, justification: "经省政府专题会议研究同意跨级设置" }))).toEqual([]);
  });

  it("requires the provincial government's document for 技师学院 and the HR bureau's otherwise", () => {
    expect(approvalBodyFor("TECHNICIAN_COLLEGE")).toBe("PROVINCIAL_GOVERNMENT");
    expect(approvalBodyFor("SENIOR_TECHNICAL_SCHOOL")).toBe("PROVINCIAL_HR_BUREAU");
    expect(keys(input("SENIOR_TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE", { approvalDocNo: " " }))).toEqual(["governmentApprovalRequired"]);
    expect(keys(input("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", { approvalDocNo: null }))).toEqual(["bureauApprovalRequired"]);
  });

  it("refuses future effective dates and dates before the current tier took effect", () => {
    expect(keys(input("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", { effectiveDate: "2025-06-02" }))).toEqual(["dateInFuture"]);
    expect(keys(input("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", { effectiveDate: "2009-12-31" }))).toEqual(["dateBeforeTierSince"]);
    expect(keys(input("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", { effectiveDate: "2025-06-01" }))).toEqual([]);
  });

  it("knows steps and neighbours", () => {
    expect(tierSteps("TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE")).toBe(2);
    expect(tierSteps("TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL")).toBe(-1);
    expect(adjacentTiers("SENIOR_TECHNICAL_SCHOOL").sort()).toEqual(["TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE"]);
    expect(adjacentTiers("TECHNICAL_SCHOOL")).toEqual(["SENIOR_TECHNICAL_SCHOOL"]);
  });
});
