import { describe, expect, it } from "vitest";
import {
  applicationScore,
  expertTotal,
  indicatorMeans,
  partialTotal,
  rank,
  reviewerLetter,
  scoreProblems,
  suggestedCutLine,
  weightsSum,
  weightsValid,
} from "@/lib/selection/scoring";
import { computeResults } from "@/lib/selection/results";

const ind = [
  { id: "a", weight: 40, maxScore: 10 },
  { id: "b", weight: 35, maxScore: 20 },
  { id: "c", weight: 25, maxScore: 5 },
];

describe("weighted scoring", () => {
  it("weights an expert's scores onto 0–100", () => {
    expect(expertTotal(ind, { a: 10, b: 20, c: 5 })).toBe(100);
    expect(expertTotal(ind, { a: 0, b: 0, c: 0 })).toBe(0);
    // 40·8/10 + 35·10/20 + 25·4/5 = 32 + 17.5 + 20
    expect(expertTotal(ind, { a: 8, b: 10, c: 4 })).toBe(69.5);
  });

  it("refuses an incomplete or out-of-range score sheet", () => {
    expect(expertTotal(ind, { a: 8, b: 10 })).toBeNull();
    expect(scoreProblems(ind, { a: 11, b: -1, c: 2 })).toEqual([
      { indicatorId: "a", kind: "outOfRange", max: 10 },
      { indicatorId: "b", kind: "outOfRange", max: 20 },
    ]);
    expect(scoreProblems(ind, { a: 10, b: 20, c: 5 })).toEqual([]);
    expect(scoreProblems(ind, { a: Number.NaN, b: 1, c: 1 })[0].kind).toBe("missing");
  });

  it("a running total ignores blank and out-of-range scores (issue 13: -1 counted)", () => {
    // 40·8/10 only: b = -1 and c = 6 (over 5) count for nothing, a blank neither.
    expect(partialTotal(ind, { a: 8, b: -1, c: 6 })).toBe(32);
    expect(partialTotal(ind, { a: 11, b: null })).toBe(0);
    expect(partialTotal(ind, { a: 8, b: 10, c: 4 })).toBe(69.5);
  });

  it("averages experts, measures the spread and flags it above the threshold", () => {
    const s = applicationScore(
      ind,
      [
        { a: 8, b: 10, c: 4 },
        { a: 10, b: 20, c: 5 },
      ],
      15,
    );
    expect(s.totals).toEqual([69.5, 100]);
    expect(s.final).toBe(84.75);
    expect(s.spread).toBe(30.5);
    expect(s.spreadFlagged).toBe(true);
    expect(
      applicationScore(
        ind,
        [
          { a: 8, b: 10, c: 4 },
          { a: 9, b: 10, c: 4 },
        ],
        15,
      ).spreadFlagged,
    ).toBe(false);
    expect(applicationScore(ind, [], 15)).toEqual({ totals: [], final: null, spread: null, spreadFlagged: false });
  });

  it("checks the weights sum to 100", () => {
    expect(weightsSum(ind)).toBe(100);
    expect(weightsValid(ind)).toBe(true);
    expect(
      weightsValid([
        { weight: 33.33, maxScore: 10 },
        { weight: 33.33, maxScore: 10 },
        { weight: 33.33, maxScore: 10 },
      ]),
    ).toBe(false);
    expect(weightsValid([])).toBe(false);
    expect(weightsValid([{ weight: 100, maxScore: 0 }])).toBe(false);
  });

  it("ranks highest first, ties share a rank, 技师学院 first among equals, unscored last", () => {
    const r = rank([
      { id: "x", final: 80, tier: "TECHNICAL_SCHOOL" as const },
      { id: "y", final: 90, tier: "SENIOR_TECHNICAL_SCHOOL" as const },
      { id: "z", final: 80, tier: "TECHNICIAN_COLLEGE" as const },
      { id: "w", final: null, tier: "TECHNICIAN_COLLEGE" as const },
      { id: "v", final: 70, tier: "TECHNICIAN_COLLEGE" as const },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ["y", 1],
      ["z", 2],
      ["x", 2],
      ["v", 4],
      ["w", null],
    ]);
  });

  it("suggests the cut line that selects the target", () => {
    expect(suggestedCutLine([70, 90, null, 80], 2)).toBe(80);
    expect(suggestedCutLine([70, 90], 5)).toBe(70);
    expect(suggestedCutLine([], 5)).toBeNull();
  });

  it("computes per-indicator means and batch results from stored rows (submitted reviews only)", () => {
    expect(
      indicatorMeans(ind, [
        { a: 8, b: 10, c: 4 },
        { a: 9, b: 11 },
      ]),
    ).toEqual({ a: 8.5, b: 10.5, c: 4 });
    const res = computeResults(ind, 15, [
      {
        id: "p",
        tier: "TECHNICIAN_COLLEGE",
        assignments: [
          {
            id: "1",
            status: "SUBMITTED",
            scores: [
              { indicatorId: "a", score: 10 },
              { indicatorId: "b", score: 20 },
              { indicatorId: "c", score: 5 },
            ],
          },
          {
            id: "2",
            status: "ASSIGNED",
            scores: [
              { indicatorId: "a", score: 0 },
              { indicatorId: "b", score: 0 },
              { indicatorId: "c", score: 0 },
            ],
          },
        ],
      },
      { id: "q", tier: "TECHNICIAN_COLLEGE", assignments: [] },
    ]);
    expect(res.get("p")).toMatchObject({ final: 100, reviews: 1, rank: 1, spreadFlagged: false });
    expect(res.get("q")).toMatchObject({ final: null, rank: null });
  });

  it("labels reviewers A, B … Z, AA", () => {
    expect([0, 1, 25, 26, 27].map(reviewerLetter)).toEqual(["A", "B", "Z", "AA", "AB"]);
  });
});
