import { describe, expect, it } from "vitest";
import { defaultSchoolListFilters, parseSchoolListFilters, schoolListFiltersSchema, schoolListQuery } from "@/lib/schools/list-filters";

describe("schoolListFiltersSchema", () => {
  it("gives defaults for an empty query", () => {
    expect(defaultSchoolListFilters).toMatchObject({ sort: "name", dir: "asc", page: 1, pageSize: 50 });
    expect(defaultSchoolListFilters.q).toBeUndefined();
  });

  it("treats blanks from a GET form as unset and coerces numbers", () => {
    const f = schoolListFiltersSchema.parse({ q: " 技师 ", tier: "", status: "OPERATING", page: "3", pageSize: "100", stale: "1" });
    expect(f).toMatchObject({ q: "技师", tier: undefined, status: "OPERATING", page: 3, pageSize: 100, stale: "1" });
  });

  it("refuses unknown values", () => {
    for (const bad of [
      { tier: "UNIVERSITY" },
      { sort: "id" },
      { dir: "up" },
      { pageSize: "5" },
      { pageSize: "500" },
      { page: "0" },
      { stale: "yes" },
      { city: "44" },
      { q: "x".repeat(61) },
    ]) {
      expect(schoolListFiltersSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("drops only the invalid keys and reports them", () => {
    const { filters, invalid } = parseSchoolListFilters(new URLSearchParams("tier=BAD&status=OPERATING&page=-1&q=广州"));
    expect(invalid.sort()).toEqual(["page", "tier"]);
    expect(filters).toMatchObject({ status: "OPERATING", q: "广州", page: 1 });
    expect(filters.tier).toBeUndefined();
  });

  it("reads the first of repeated keys", () => {
    expect(parseSchoolListFilters({ tier: ["TECHNICAL_SCHOOL", "X"] }).filters.tier).toBe("TECHNICAL_SCHOOL");
  });

  it("round-trips through a query string without defaults", () => {
    const f = schoolListFiltersSchema.parse({ q: "广州", tier: "TECHNICIAN_COLLEGE", sort: "updated", dir: "desc" });
    const qs = schoolListQuery(f, { page: 2 });
    expect(qs).toBe("q=%E5%B9%BF%E5%B7%9E&tier=TECHNICIAN_COLLEGE&sort=updated&dir=desc&page=2");
    expect(parseSchoolListFilters(new URLSearchParams(qs)).filters).toEqual({ ...f, page: 2 });
  });
});
