import { describe, expect, it } from "vitest";
import { parsePublicSearch, parsePublicSearchLenient, publicSearchQuery, publicSchoolSearchSchema } from "@/lib/public/search-schema";
import { pinyinQuery, prefixRange } from "@/lib/search/school-match";

const parse = (q: string) => parsePublicSearch(new URLSearchParams(q));

describe("publicSchoolSearchSchema", () => {
  it("accepts a full search and applies defaults", () => {
    const r = parse(
      "q=深圳&authority=guangdong&city=440300&tier=TECHNICIAN_COLLEGE&status=OPERATING&major=0101&designation=QUALITY_SCHOOL&sort=name&page=2&pageSize=100",
    );
    expect(r).toEqual({
      ok: true,
      filters: {
        q: "深圳",
        authority: "guangdong",
        city: "440300",
        tier: "TECHNICIAN_COLLEGE",
        status: "OPERATING",
        major: "0101",
        designation: "QUALITY_SCHOOL",
        sort: "name",
        page: 2,
        pageSize: 100,
      },
    });
    expect(parse("")).toEqual({ ok: true, filters: { sort: "relevance", page: 1, pageSize: 20 } });
  });

  it("treats blank values (a GET form's empty fields) as not set", () => {
    expect(parse("q=&authority=&city=&tier=&status=&major=&designation=&sort=&page=&pageSize=")).toEqual({
      ok: true,
      filters: { sort: "relevance", page: 1, pageSize: 20 },
    });
  });

  it("trims the query", () => {
    expect(parse("q=%20%20shenzhen%20")).toMatchObject({ ok: true, filters: { q: "shenzhen" } });
  });

  const bad: [query: string, param: string, key: string][] = [
    [`q=${"深".repeat(61)}`, "q", "tooLong"],
    ["authority=Guangdong", "authority", "invalidValue"],
    ["authority=guangdong'--", "authority", "invalidValue"],
    [`authority=${"a".repeat(21)}`, "authority", "invalidValue"],
    ["city=44030", "city", "divisionCode"],
    ["city=4403000", "city", "divisionCode"],
    ["city=abcdef", "city", "divisionCode"],
    ["tier=COLLEGE", "tier", "invalidValue"],
    ["tier=technician_college", "tier", "invalidValue"],
    ["status=CLOSED", "status", "invalidValue"],
    ["major=a%20b", "major", "invalidValue"],
    [`major=${"x".repeat(41)}`, "major", "invalidValue"],
    ["designation=GOLD", "designation", "invalidValue"],
    ["sort=updated", "sort", "invalidValue"],
    ["page=0", "page", "tooSmall"],
    ["page=-1", "page", "notAnInteger"],
    ["page=1.5", "page", "notAnInteger"],
    ["page=1e3", "page", "notAnInteger"],
    ["page=0x10", "page", "notAnInteger"],
    ["page=abc", "page", "notAnInteger"],
    ["page=100001", "page", "tooBig"],
    ["page=99999999999", "page", "notAnInteger"],
    ["pageSize=0", "pageSize", "tooSmall"],
    ["pageSize=101", "pageSize", "tooBig"],
    ["pageSize=%2020", "pageSize", "notAnInteger"],
    ["tier=TECHNICIAN_COLLEGE&tier=TECHNICAL_SCHOOL", "tier", "repeated"],
    ["q=a&q=b", "q", "repeated"],
  ];

  it.each(bad)("refuses %s, naming %s", (query, param, key) => {
    const r = parse(query);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.invalid).toEqual([param]);
    expect(r.issues[param][0].key).toBe(key);
  });

  it("names every bad parameter at once", () => {
    const r = parse("tier=X&page=0&city=1");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.invalid.sort()).toEqual(["city", "page", "tier"]);
  });

  it("lenient parsing (the page) drops only the bad parameters", () => {
    const r = parsePublicSearchLenient(new URLSearchParams("q=深圳&tier=X&page=0"));
    expect(r.filters).toMatchObject({ q: "深圳", page: 1 });
    expect(r.filters.tier).toBeUndefined();
    expect(r.invalid.sort()).toEqual(["page", "tier"]);
  });

  it("accepts a record of search params as Next passes them", () => {
    expect(publicSchoolSearchSchema.safeParse({ q: "深圳", page: "3" }).success).toBe(true);
    expect(parsePublicSearch({ q: ["a", "b"] }).ok).toBe(false);
  });

  it("round-trips to a short query string", () => {
    const r = parse("q=深圳&page=2&sort=relevance&pageSize=20");
    if (!r.ok) throw new Error("unexpected");
    expect(publicSearchQuery(r.filters)).toBe("q=%E6%B7%B1%E5%9C%B3&page=2");
    expect(publicSearchQuery(r.filters, { page: 1 })).toBe("q=%E6%B7%B1%E5%9C%B3");
  });
});

describe("pinyin helpers", () => {
  it("normalises a pinyin-looking query, and says null for anything else", () => {
    expect(pinyinQuery("Shen Zhen")).toBe("shenzhen");
    expect(pinyinQuery("SZJSXY")).toBe("szjsxy");
    expect(pinyinQuery("xi'an")).toBe("xian");
    expect(pinyinQuery("深圳")).toBeNull();
    expect(pinyinQuery("sz2")).toBeNull();
  });

  it("gives the index range for a prefix", () => {
    expect(prefixRange("shenzhen")).toEqual({ lower: "shenzhen", upper: "shenzheo" });
    expect(prefixRange("az")).toEqual({ lower: "az", upper: "b" });
    expect(prefixRange("zz")).toEqual({ lower: "zz", upper: null });
    const { lower, upper } = prefixRange("hangz");
    for (const s of ["hangzhou", "hangz", "hangzzz"]) expect(s >= lower && s < upper!).toBe(true);
    for (const s of ["hangy", "hanh", "hangzhoa".slice(0, 4)]) expect(s >= lower && s < upper!).toBe(false);
  });
});
