import { describe, expect, it } from "vitest";
import { guessDelimiter, parseCsv, toCsv } from "@/lib/imports/csv";

const cells = (text: string, d?: string) => parseCsv(text, d).map((r) => r.cells);

describe("CSV parsing (RFC 4180)", () => {
  it("reads plain records with CRLF, LF and CR line ends", () => {
    expect(cells("a,b\r\nc,d\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const text = '院校名称,地址\r\n"广州市示例技师学院","广州市, 天河区 ""示例""路\r\n1 号"\r\n';
    expect(cells(text)).toEqual([
      ["院校名称", "地址"],
      ["广州市示例技师学院", '广州市, 天河区 "示例"路\r\n1 号'],
    ]);
  });

  it("numbers records as Excel rows even when a field spans lines", () => {
    const recs = parseCsv('h1,h2\n"x\ny",1\nz,2\n');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(recs[2].cells).toEqual(["z", "2"]);
  });

  it("keeps empty fields, a trailing empty field and no phantom record at the end", () => {
    expect(cells("a,,c,\n,,,\n")).toEqual([
      ["a", "", "c", ""],
      ["", "", "", ""],
    ]);
    expect(cells("a,b")).toEqual([["a", "b"]]);
    expect(cells('""')).toEqual([[""]]);
  });

  it("keeps a stray quote inside an unquoted field as text", () => {
    expect(cells('ab"c,d')).toEqual([['ab"c', "d"]]);
  });

  it("guesses tab and semicolon delimiters from the first line", () => {
    expect(guessDelimiter("a\tb\tc\n1,2\t3")).toBe("\t");
    expect(guessDelimiter("a;b;c\n")).toBe(";");
    expect(guessDelimiter("a,b\n")).toBe(",");
    expect(cells("a\tb\n1\t2", "\t")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("writes what it reads back", () => {
    const rows = [
      ["名称", "地址"],
      ['a "b"', "c,d"],
      ["e\nf", "=1+2"],
    ];
    const text = toCsv(rows);
    expect(text).toBe('名称,地址\r\n"a ""b""","c,d"\r\n"e\nf",=1+2\r\n');
    expect(cells(text)).toEqual(rows);
  });
});
