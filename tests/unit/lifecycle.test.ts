import { describe, expect, it } from "vitest";
import { shanghaiToday } from "@/lib/kernel/dates";
import { STATUSES, type SchoolStatus } from "@/lib/kernel/enums";
import {
  REASON_CODES,
  TRANSITIONS,
  allowedTargets,
  canTransition,
  changeKindFor,
  isTerminal,
  validateTransition,
  yearsBetween,
  type TransitionInput,
} from "@/lib/schools/lifecycle";

// The lifecycle as issue 3 states it, written out independently of the implementation's table.
const EXPECTED: Record<SchoolStatus, SchoolStatus[]> = {
  PREPARING: ["OPERATING", "TERMINATED"],
  OPERATING: ["ENROLMENT_SUSPENDED", "RECTIFYING", "MERGED", "CONVERTED", "TERMINATED"],
  ENROLMENT_SUSPENDED: ["OPERATING", "REVOKED", "MERGED", "CONVERTED", "TERMINATED"],
  RECTIFYING: ["OPERATING", "REVOKED", "MERGED", "CONVERTED", "TERMINATED"],
  REVOKED: [],
  MERGED: [],
  CONVERTED: [],
  TERMINATED: [],
};

const base = (from: SchoolStatus, to: SchoolStatus): TransitionInput => {
  const t = TRANSITIONS.find((x) => x.from === from && x.to === to);
  return {
    from,
    to,
    reasonCode: t?.reasons[0] ?? "AUTHORITY_DECISION",
    effectiveDate: "2025-06-01",
    statusSince: "2020-01-01",
    today: "2025-06-30",
    successorId: "s2",
    conversionNote: "某某职业技术学院",
    confirmedIrreversible: true,
  };
};

describe("transition table", () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const allowed = EXPECTED[from].includes(to);
      it(`${from} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
        const check = validateTransition(base(from, to));
        if (allowed) expect(check.ok).toBe(true);
        else expect(check).toMatchObject({ ok: false, code: "INVALID_TRANSITION", from, to });
      });
    }
  }

  it("lists the allowed targets of each status and none for terminal ones", () => {
    for (const from of STATUSES) expect(new Set(allowedTargets(from))).toEqual(new Set(EXPECTED[from]));
    for (const s of ["REVOKED", "MERGED", "CONVERTED", "TERMINATED"] as const) {
      expect(isTerminal(s)).toBe(true);
      expect(validateTransition(base(s, "OPERATING"))).toMatchObject({ code: "INVALID_TRANSITION", terminal: true });
    }
    expect(isTerminal("OPERATING")).toBe(false);
  });

  it("gives every transition at least one known reason code and no duplicate pairs", () => {
    const pairs = new Set<string>();
    for (const t of TRANSITIONS) {
      expect(t.reasons.length).toBeGreaterThan(0);
      for (const r of t.reasons) expect(REASON_CODES).toContain(r);
      const key = `${t.from}>${t.to}`;
      expect(pairs.has(key)).toBe(false);
      pairs.add(key);
    }
  });

  it("maps targets to change kinds", () => {
    expect(changeKindFor("MERGED")).toBe("MERGE");
    expect(changeKindFor("CONVERTED")).toBe("CONVERSION");
    expect(changeKindFor("REVOKED")).toBe("CLOSURE");
    expect(changeKindFor("TERMINATED")).toBe("CLOSURE");
    expect(changeKindFor("ENROLMENT_SUSPENDED")).toBe("STATUS_CHANGE");
  });
});

describe("validateTransition details", () => {
  const fields = (input: TransitionInput) => {
    const c = validateTransition(input);
    return c.ok || c.code !== "VALIDATION" ? [] : Object.keys(c.fieldErrors);
  };

  it("refuses a reason code that the transition does not list", () => {
    expect(fields({ ...base("OPERATING", "ENROLMENT_SUSPENDED"), reasonCode: "RECTIFICATION_COMPLETED" })).toEqual(["reasonCode"]);
    expect(fields({ ...base("OPERATING", "ENROLMENT_SUSPENDED"), reasonCode: "NONSENSE" })).toEqual(["reasonCode"]);
  });

  it("allows today and the past, refuses the future and dates before statusSince", () => {
    expect(validateTransition({ ...base("OPERATING", "RECTIFYING"), effectiveDate: "2025-06-30" }).ok).toBe(true);
    expect(validateTransition({ ...base("OPERATING", "RECTIFYING"), effectiveDate: "2020-01-01" }).ok).toBe(true);
    expect(fields({ ...base("OPERATING", "RECTIFYING"), effectiveDate: "2025-07-01" })).toEqual(["effectiveDate"]);
    expect(fields({ ...base("OPERATING", "RECTIFYING"), effectiveDate: "2019-12-31" })).toEqual(["effectiveDate"]);
    expect(validateTransition({ ...base("OPERATING", "RECTIFYING"), statusSince: null, effectiveDate: "1990-01-01" }).ok).toBe(true);
  });

  it("requires a successor for a merge and a note for a conversion", () => {
    expect(fields({ ...base("OPERATING", "MERGED"), successorId: null })).toEqual(["successorId"]);
    expect(fields({ ...base("RECTIFYING", "CONVERTED"), conversionNote: "  " })).toEqual(["conversionNote"]);
    expect(validateTransition({ ...base("OPERATING", "RECTIFYING"), successorId: null, conversionNote: null }).ok).toBe(true);
  });

  it("requires confirmation before a terminal state only", () => {
    expect(fields({ ...base("OPERATING", "TERMINATED"), confirmedIrreversible: false })).toEqual(["confirmIrreversible"]);
    expect(validateTransition({ ...base("OPERATING", "ENROLMENT_SUSPENDED"), confirmedIrreversible: false }).ok).toBe(true);
  });

  it("hints (without refusing) when a suspension is shorter than three years before revocation", () => {
    const short = validateTransition({ ...base("ENROLMENT_SUSPENDED", "REVOKED"), statusSince: "2024-01-01" });
    expect(short.ok && short.hints.map((h) => h.key)).toEqual(["suspendedShort"]);
    const long = validateTransition({ ...base("ENROLMENT_SUSPENDED", "REVOKED"), statusSince: "2022-06-01" });
    expect(long.ok && long.hints).toEqual([]);
  });

  it("counts whole years and reads today in China", () => {
    expect(yearsBetween("2022-06-02", "2025-06-01")).toBe(2);
    expect(yearsBetween("2022-06-01", "2025-06-01")).toBe(3);
    expect(yearsBetween(null, "2025-06-01")).toBeNull();
    // 2025-06-30 17:00 UTC is already 1 July in Beijing.
    expect(shanghaiToday(new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
  });
});
