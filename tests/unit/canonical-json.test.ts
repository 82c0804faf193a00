import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/verify/canonical-json";

describe("canonicalJson (RFC 8785 style)", () => {
  it("sorts keys by UTF-16 code units at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    // "é" (U+00E9) sorts after "z"; "€" (U+20AC) after that; an astral char by its surrogate (U+D83D).
    expect(canonicalJson({ "€": 1, é: 2, z: 3, "😀": 4, "\uffff": 5 })).toBe('{"z":3,"é":2,"€":1,"😀":4,"\uffff":5}');
    expect(canonicalJson({ a1: 1, A: 2, a: 3, "": 4 })).toBe('{"":4,"A":2,"a":3,"a1":1}');
  });

  it("writes UTF-8 text unescaped and escapes controls as JSON.stringify does", () => {
    expect(canonicalJson("深圳技师学院")).toBe('"深圳技师学院"');
    expect(canonicalJson('a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\u0001"');
  });

  it("writes numbers in shortest form, -0 as 0, and refuses non-finite numbers", () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 1e-7, 100])).toBe("[1,1.5,0,1e+21,1e-7,100]");
    expect(() => canonicalJson(NaN)).toThrow();
    expect(() => canonicalJson({ a: Infinity })).toThrow();
  });

  it("drops undefined object members, refuses undefined array items and odd types", () => {
    expect(canonicalJson({ a: undefined, b: true, c: false })).toBe('{"b":true,"c":false}');
    expect(() => canonicalJson([undefined])).toThrow();
    expect(() => canonicalJson(10n)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });

  it("is the same text whatever the insertion order", () => {
    const a = { checkedAt: "2026-01-01T00:00:00.000Z", nameZh: "深圳技师学院", designations: [{ kind: "QUALITY_SCHOOL", level: "NATIONAL" }] };
    const b = { designations: [{ level: "NATIONAL", kind: "QUALITY_SCHOOL" }], nameZh: "深圳技师学院", checkedAt: "2026-01-01T00:00:00.000Z" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });
});
