import { describe, expect, it } from "vitest";
import { unreportedStandardFields } from "@/lib/schools/standards";

describe("unreportedStandardFields (issue 13: no figures read as 'not below the standard')", () => {
  it("lists every figure the tier's standards check when none is reported", () => {
    expect(unreportedStandardFields("TECHNICIAN_COLLEGE", {})).toEqual(["fullTimeStudents", "trainingPersonTimes"]);
    expect(unreportedStandardFields("TECHNICAL_SCHOOL", { campusArea: null })).toHaveLength(6);
  });

  it("lists only the missing ones, and none when all are reported (0 is reported)", () => {
    expect(unreportedStandardFields("TECHNICIAN_COLLEGE", { fullTimeStudents: 0 })).toEqual(["trainingPersonTimes"]);
    expect(unreportedStandardFields("SENIOR_TECHNICAL_SCHOOL", { campusArea: 70_000 })).toEqual([]);
  });
});
