import { describe, expect, it } from "vitest";
import { schoolWarnings } from "@/lib/schools/warnings";
import { withCheckChar } from "@/lib/schools/uscc";

describe("schoolWarnings", () => {
  it("warns on figures below the tier's setting standard, ignoring unknown ones", () => {
    expect(schoolWarnings({ tier: "TECHNICIAN_COLLEGE", fullTimeStudents: 2999, trainingPersonTimes: null })).toEqual([
      { field: "fullTimeStudents", key: "belowStandard", params: { value: 2999, min: 3000 } },
    ]);
    expect(schoolWarnings({ tier: "TECHNICIAN_COLLEGE", fullTimeStudents: 3000, trainingPersonTimes: 2000 })).toEqual([]);
    expect(schoolWarnings({ tier: "TECHNICAL_SCHOOL" })).toEqual([]);
  });

  it("warns when the credit code's category does not fit the ownership, never otherwise", () => {
    const publicCode = withCheckChar("12440100MB0000001");
    const privateCode = withCheckChar("52440100MB0000001");
    expect(schoolWarnings({ tier: "TECHNICIAN_COLLEGE", ownership: "PRIVATE", uscc: publicCode })).toEqual([
      { field: "uscc", key: "usccOwnershipHint", params: { prefix: "12" } },
    ]);
    expect(schoolWarnings({ tier: "TECHNICIAN_COLLEGE", ownership: "PUBLIC", uscc: privateCode })).toHaveLength(1);
    expect(schoolWarnings({ tier: "TECHNICIAN_COLLEGE", ownership: "PUBLIC", uscc: publicCode })).toEqual([]);
    expect(schoolWarnings({ tier: "TECHNICIAN_COLLEGE", ownership: "PRIVATE", uscc: withCheckChar("91440100MB0000001") })).toEqual([]);
  });
});
