import { describe, expect, it } from "vitest";
import { changedFields, diffRows, staleConflict, toAuditValue } from "@/lib/schools/diff";

describe("toAuditValue", () => {
  it("writes date columns as YYYY-MM-DD and timestamps as ISO, blanks as null", () => {
    expect(toAuditValue("approvalDate", new Date("2020-06-01T00:00:00Z"))).toBe("2020-06-01");
    expect(toAuditValue("lastConfirmedAt", new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(toAuditValue("address", "")).toBeNull();
    expect(toAuditValue("address", undefined)).toBeNull();
    expect(toAuditValue("altNames", ["甲", "乙"])).toEqual(["甲", "乙"]);
  });
});

describe("changedFields", () => {
  const current = { teachers: 60, address: null, approvalDate: new Date("2020-06-01T00:00:00Z"), altNames: ["甲"], website: "https://a.cn" };

  it("keeps only the listed fields whose value differs, each side in audit form", () => {
    const next = { teachers: 61, address: "", approvalDate: "2020-06-01", altNames: ["甲", "乙"], website: "https://a.cn", nameZh: "改名" };
    expect(changedFields(current, next, ["teachers", "address", "approvalDate", "altNames", "website"])).toEqual({
      before: { teachers: 60, altNames: ["甲"] },
      after: { teachers: 61, altNames: ["甲", "乙"] },
    });
  });

  it("treats a field missing from the input as unchanged, and a cleared one as null", () => {
    expect(changedFields(current, { website: null }, ["teachers", "website"])).toEqual({ before: { website: "https://a.cn" }, after: { website: null } });
  });
});

describe("diffRows", () => {
  it("orders by the form's field order, then alphabetically, and drops equal pairs", () => {
    const rows = diffRows({ b: 1, teachers: 2, same: "x" }, { a: 5, teachers: 3, same: "x", uscc: "X" }, ["uscc", "teachers"]);
    expect(rows).toEqual([
      { field: "uscc", from: null, to: "X" },
      { field: "teachers", from: 2, to: 3 },
      { field: "a", from: null, to: 5 },
      { field: "b", from: 1, to: null },
    ]);
  });

  it("shows a creation (no before) as every field from nothing, and tolerates non-objects", () => {
    expect(diffRows(null, { nameZh: "甲校", altNames: [] })).toEqual([{ field: "nameZh", from: null, to: "甲校" }]);
    expect(diffRows("x", [1, 2])).toEqual([]);
  });
});

describe("staleConflict", () => {
  it("names the latest writer and lists the fields changed since, yours against theirs", () => {
    const events = [
      { actorLabel: "乙", at: new Date("2026-03-02T08:00:00Z"), after: { teachers: 70 } },
      { actorLabel: "甲", at: new Date("2026-03-01T08:00:00Z"), after: { address: "新地址", lastConfirmedAt: "2026-03-01T08:00:00Z" } },
    ];
    const out = staleConflict(events, { version: 4, teachers: 70, address: "新地址", uscc: null }, { teachers: 65, address: "" }, [
      "address",
      "teachers",
      "uscc",
    ]);
    expect(out).toEqual({
      changedBy: "乙",
      changedAt: "2026-03-02T08:00:00.000Z",
      version: 4,
      changes: [
        { field: "address", yours: null, theirs: "新地址" },
        { field: "teachers", yours: 65, theirs: 70 },
      ],
    });
  });
});
