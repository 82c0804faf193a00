import { describe, expect, it } from "vitest";
import { percentOf, summarise } from "@/lib/progress/summary";

describe("progress summary", () => {
  const authorities = [
    { id: "guangdong", gbCode: "440000", nameZh: "广东省", nameEn: "Guangdong" },
    { id: "xpcc", gbCode: null, nameZh: "新疆生产建设兵团", nameEn: "XPCC" },
  ];
  const s = summarise({
    targets: { SCHOOL: 300, MAJOR: 500 },
    announced: [
      { kind: "SCHOOL", authorityId: "guangdong", tier: "TECHNICIAN_COLLEGE", n: 3 },
      { kind: "MAJOR", authorityId: "guangdong", tier: "SENIOR_TECHNICAL_SCHOOL", n: 2 },
      { kind: "MAJOR", authorityId: "xpcc", tier: "TECHNICIAN_COLLEGE", n: 1 },
    ],
    inProcess: [{ kind: "SCHOOL", authorityId: "xpcc", tier: "TECHNICIAN_COLLEGE", n: 4 }],
    authorities,
    batches: [{ id: "b1", year: 2024, nameZh: "2024", nameEn: null, kind: "SCHOOL", status: "ANNOUNCED", targetCount: 40 }],
    batchCounts: [{ batchId: "b1", announced: 3, inProcess: 0 }],
  });
  it("totals announced and in-process counts against the programme targets", () => {
    expect(s.schools).toEqual({ target: 300, announced: 3, inProcess: 4 });
    expect(s.majors).toEqual({ target: 500, announced: 3, inProcess: 0 });
  });
  it("breaks down by authority (every authority listed, XPCC included) and by tier", () => {
    expect(s.byAuthority.map((a) => [a.authorityId, a.schools.announced, a.schools.inProcess, a.majors.announced])).toEqual([
      ["guangdong", 3, 0, 2],
      ["xpcc", 0, 4, 1],
    ]);
    expect(s.byTier.find((r) => r.tier === "TECHNICIAN_COLLEGE")).toMatchObject({
      schools: { announced: 3, inProcess: 4 },
      majors: { announced: 1, inProcess: 0 },
    });
    expect(s.byTier.find((r) => r.tier === "TECHNICAL_SCHOOL")).toMatchObject({ schools: { announced: 0, inProcess: 0 } });
    expect(s.byBatch).toEqual([
      { id: "b1", year: 2024, nameZh: "2024", nameEn: null, kind: "SCHOOL", status: "ANNOUNCED", target: 40, announced: 3, inProcess: 0 },
    ]);
  });
  it("computes a percentage of the target", () => {
    expect(percentOf(40, 300)).toBe(13.3);
    expect(percentOf(0, 0)).toBe(0);
  });
});
