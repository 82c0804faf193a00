import { describe, expect, it } from "vitest";
import { identifierQuery, schoolMatch } from "@/lib/search/school-match";

describe("the one name-search rule", () => {
  it("has nothing to search for in a blank query", () => {
    for (const q of [undefined, null, "", "   ", "\u3000"]) expect(schoolMatch(q)).toBeNull();
  });

  it("calls a query short below 3 characters, counted as characters, after trimming", () => {
    expect(schoolMatch(" 汽 ")).toMatchObject({ text: "汽", short: true });
    expect(schoolMatch("广州")).toMatchObject({ text: "广州", short: true });
    expect(schoolMatch("广州市")).toMatchObject({ short: false });
    expect(schoolMatch("𠀀𠀁")).toMatchObject({ short: true });
    expect(schoolMatch("ab")).toMatchObject({ short: true, pinyin: "ab" });
  });

  it("reads pinyin and identifiers from the same query", () => {
    expect(schoolMatch("Guang Zhou")).toEqual({ text: "Guang Zhou", short: false, pinyin: "guangzhou", code: "GUANGZHOU" });
    expect(schoolMatch("广州")).toMatchObject({ pinyin: null, code: null });
    expect(schoolMatch(" 12440300ma5abcde1x ")).toMatchObject({ pinyin: null, code: "12440300MA5ABCDE1X" });
  });

  it("takes USCCs and public codes as typed: any case, spaces or hyphens", () => {
    expect(identifierQuery("abcd-2345")).toBe("ABCD2345");
    expect(identifierQuery("ABC 234")).toBe("ABC234");
    expect(identifierQuery("ab12")).toBeNull();
    expect(identifierQuery("深圳12345")).toBeNull();
    expect(identifierQuery("1".repeat(19))).toBeNull();
  });
});
