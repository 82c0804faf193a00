import { describe, expect, it } from "vitest";
import type { SchoolMajorStatus, SchoolTier, TrainingLevel } from "@/lib/kernel/enums";
import { canChangeMajorStatus, levelWarnings, majorStatusTargets } from "@/lib/school-majors/rules";

const STATUSES: SchoolMajorStatus[] = ["FILED", "ENROLLING", "SUSPENDED", "WITHDRAWN"];
const ALLOWED = new Set(["FILED>ENROLLING", "FILED>WITHDRAWN", "ENROLLING>SUSPENDED", "SUSPENDED>ENROLLING", "SUSPENDED>WITHDRAWN"]);

describe("school major status table", () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        expect(canChangeMajorStatus(from, to)).toBe(allowed);
      });
    }
  }
  it("has no way out of 撤销", () => expect(majorStatusTargets("WITHDRAWN")).toEqual([]));
});

describe("training level against tier", () => {
  const cases: [SchoolTier, TrainingLevel, string[]][] = [
    ["TECHNICIAN_COLLEGE", "INTERMEDIATE", []],
    ["TECHNICIAN_COLLEGE", "ADVANCED", []],
    ["TECHNICIAN_COLLEGE", "PRE_TECHNICIAN", []],
    ["SENIOR_TECHNICAL_SCHOOL", "INTERMEDIATE", []],
    ["SENIOR_TECHNICAL_SCHOOL", "ADVANCED", []],
    ["SENIOR_TECHNICAL_SCHOOL", "PRE_TECHNICIAN", ["levelPreTechnicianOutsideCollege"]],
    ["TECHNICAL_SCHOOL", "INTERMEDIATE", []],
    ["TECHNICAL_SCHOOL", "ADVANCED", ["levelAboveTier"]],
    ["TECHNICAL_SCHOOL", "PRE_TECHNICIAN", ["levelPreTechnicianOutsideCollege"]],
  ];
  for (const [tier, level, expected] of cases) {
    it(`${level} at ${tier} → ${expected.join(",") || "no warning"}`, () => {
      expect(levelWarnings(tier, level).map((w) => w.key)).toEqual(expected);
      for (const w of levelWarnings(tier, level)) expect(w.field).toBe("level");
    });
  }
});
