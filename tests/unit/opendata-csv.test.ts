import { describe, expect, it } from "vitest";
import { BOM, cellText, csvLine, neutralise, toCsv } from "@/lib/opendata/csv";

describe("CSV for open data", () => {
  it("starts with a BOM and a header row, ends lines with CRLF", () => {
    const out = toCsv([{ header: "name", value: (r: { n: string }) => r.n }], [{ n: "深圳技师学院" }]);
    expect(out).toBe(`${BOM}name\r\n深圳技师学院\r\n`);
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", "plain"])).toBe('"a,b","say ""hi""","two\nlines",plain');
  });

  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["-3", "-3"],
    ["-1.5", "-1.5"],
    ["a=b", "a=b"],
  ])("neutralises formula-like cells: %j → %j", (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it("renders values: null empty, arrays joined, booleans and numbers as text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(["甲", "乙"])).toBe("甲; 乙");
    expect(cellText(true)).toBe("true");
    expect(cellText(0)).toBe("0");
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    // A neutralised cell that also needs quoting gets both.
    expect(csvLine(["=1,2"])).toBe(`"'=1,2"`);
  });
});
