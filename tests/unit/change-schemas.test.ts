import { describe, expect, it } from "vitest";
import { tierChangeSchema } from "@/lib/school-changes/schema";
import { fieldIssues } from "@/lib/validation/issues";

const blank = { schoolId: "s1", version: "1", approvalDocNo: "", approvalDate: "", effectiveDate: "" };
const missing = (input: Record<string, unknown>) => {
  const parsed = tierChangeSchema.safeParse(input);
  return parsed.success ? {} : fieldIssues(parsed.error);
};

describe("tierChangeSchema (issue 13: one submit names every missing field)", () => {
  it("names the document number, both dates and the tier at once", () => {
    const issues = missing({ ...blank, toTier: "TECHNICIAN_COLLEGE" });
    expect(Object.keys(issues).sort()).toEqual(["approvalDate", "approvalDocNo", "effectiveDate"]);
    expect(issues.approvalDocNo).toEqual([{ key: "governmentApprovalRequired", params: {} }]);
  });

  it("names the approving body the target tier needs", () => {
    expect(missing({ ...blank, toTier: "SENIOR_TECHNICAL_SCHOOL" }).approvalDocNo?.[0].key).toBe("bureauApprovalRequired");
  });

  it("still names the document number when no tier was chosen", () => {
    const issues = missing({ ...blank, toTier: "" });
    expect(Object.keys(issues).sort()).toEqual(["approvalDate", "approvalDocNo", "effectiveDate", "toTier"]);
    expect(issues.approvalDocNo?.[0].key).toBe("documentNoRequired");
  });

  it("accepts a complete change", () => {
    const ok = { ...blank, toTier: "TECHNICIAN_COLLEGE", approvalDocNo: "粤府函〔2024〕1号", approvalDate: "2024-01-02", effectiveDate: "2024-01-03" };
    expect(tierChangeSchema.safeParse(ok).success).toBe(true);
  });
});
