import { describe, expect, it } from "vitest";
import { eventsAfter, parseAsOf, undoEntities, undoEvents, type AuditLike } from "@/lib/public/as-of";
import { PUBLIC_SCHOOL_FIELDS } from "@/lib/public/fields";
import { endOfShanghaiDay, isCalendarDate, shanghaiToday } from "@/lib/kernel/dates";

const ev = (id: string, at: string, action: string, before: unknown, entityId = "s1"): AuditLike => ({ id, at: new Date(at), action, entityId, before });

const current = {
  nameZh: "深圳技师学院",
  tier: "TECHNICIAN_COLLEGE",
  tierSince: "2021-06-01",
  status: "OPERATING",
  address: "新地址",
  contactName: "内部联系人",
};

describe("as-of reconstruction", () => {
  const history = [
    ev("e1", "2018-03-01T02:00:00Z", "school.create", null),
    ev("e2", "2020-05-10T03:00:00Z", "school.rename", { nameZh: "深圳市高级技工学校" }),
    ev("e3", "2021-06-01T01:00:00Z", "school.tier", { tier: "SENIOR_TECHNICAL_SCHOOL", tierSince: "2010-01-01" }),
    ev("e4", "2024-01-02T08:00:00Z", "school.update", { address: "旧地址", contactName: "旧联系人" }),
  ];

  it("the end of a Shanghai day is 16:00 UTC of that date", () => {
    expect(endOfShanghaiDay("2024-01-01").toISOString()).toBe("2024-01-01T16:00:00.000Z");
    expect(shanghaiToday(new Date("2024-01-01T16:00:00Z"))).toBe("2024-01-02");
    expect(shanghaiToday(new Date("2024-01-01T15:59:59Z"))).toBe("2024-01-01");
  });

  it("undoes, newest first, every event after the day, using before values", () => {
    const r = undoEvents(current, eventsAfter(history, "2019-12-31"), PUBLIC_SCHOOL_FIELDS);
    expect(r).toMatchObject({ nameZh: "深圳市高级技工学校", tier: "SENIOR_TECHNICAL_SCHOOL", tierSince: "2010-01-01", address: "旧地址" });
  });

  it("keeps events of the asOf day itself (Shanghai time) and undoes the ones after", () => {
    // e3 at 2021-06-01T01:00Z is 09:00 in Shanghai on 2021-06-01: included on that day.
    expect(undoEvents(current, eventsAfter(history, "2021-06-01"), PUBLIC_SCHOOL_FIELDS)).toMatchObject({ tier: "TECHNICIAN_COLLEGE", address: "旧地址" });
    expect(undoEvents(current, eventsAfter(history, "2021-05-31"), PUBLIC_SCHOOL_FIELDS)).toMatchObject({ tier: "SENIOR_TECHNICAL_SCHOOL" });
    // An event at 2024-01-01T17:00Z is already 2024-01-02 in Shanghai.
    const late = [ev("x", "2024-01-01T17:00:00Z", "school.update", { address: "更旧" })];
    expect(eventsAfter(late, "2024-01-01")).toHaveLength(1);
    expect(eventsAfter(late, "2024-01-02")).toHaveLength(0);
  });

  it("gives null for a date before the create event", () => {
    expect(undoEvents(current, eventsAfter(history, "2018-02-28"), PUBLIC_SCHOOL_FIELDS)).toBeNull();
    expect(undoEvents(current, eventsAfter(history, "2018-03-01"), PUBLIC_SCHOOL_FIELDS)).not.toBeNull();
  });

  it("never restores internal fields", () => {
    const r = undoEvents(current, eventsAfter(history, "2019-01-01"), PUBLIC_SCHOOL_FIELDS)!;
    expect(r.contactName).toBe("内部联系人");
  });

  it("applies events in time order even when given shuffled", () => {
    const two = [ev("a", "2022-01-01T00:00:00Z", "school.update", { address: "A" }), ev("b", "2023-01-01T00:00:00Z", "school.update", { address: "B" })];
    expect(undoEvents(current, [two[1], two[0]], PUBLIC_SCHOOL_FIELDS)!.address).toBe("A");
    expect(undoEvents(current, [two[0], two[1]], PUBLIC_SCHOOL_FIELDS)!.address).toBe("A");
  });

  it("rebuilds child entities: later ones disappear, changed ones are restored", () => {
    const rows = [
      { id: "m1", status: "ENROLLING", years: 3 },
      { id: "m2", status: "FILED", years: 5 },
    ];
    const events = [
      ev("c1", "2023-01-01T00:00:00Z", "schoolMajor.create", null, "m2"),
      ev("c2", "2023-02-01T00:00:00Z", "schoolMajor.status", { status: "FILED" }, "m1"),
    ];
    expect(undoEntities(rows, events, ["status", "years"])).toEqual([{ id: "m1", status: "FILED", years: 3 }]);
  });
});

describe("parseAsOf", () => {
  it("accepts a past calendar date, treats blank/today/future as the current record", () => {
    expect(parseAsOf("2024-02-29", "2026-01-01")).toEqual({ ok: true, asOf: "2024-02-29" });
    expect(parseAsOf(undefined, "2026-01-01")).toEqual({ ok: true, asOf: null });
    expect(parseAsOf("", "2026-01-01")).toEqual({ ok: true, asOf: null });
    expect(parseAsOf("2026-01-01", "2026-01-01")).toEqual({ ok: true, asOf: null });
    expect(parseAsOf("2030-01-01", "2026-01-01")).toEqual({ ok: true, asOf: null });
  });

  it.each(["2023-02-29", "2024-13-01", "2024-1-1", "20240101", "yesterday", "2024-01-01T00:00", "0999-01-01"])("refuses %s", (v) => {
    expect(parseAsOf(v, "2026-01-01")).toEqual({ ok: false });
  });

  it("refuses a repeated parameter", () => {
    expect(parseAsOf(["2024-01-01", "2024-01-02"], "2026-01-01")).toEqual({ ok: false });
    expect(isCalendarDate("2024-02-29")).toBe(true);
  });
});
