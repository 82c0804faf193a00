import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { knownHeaders } from "@/lib/imports/columns";
import { decodeText, isValidUtf8, repairGbkMojibake } from "@/lib/imports/encoding";
import { sniff } from "@/lib/imports/sniff";

const text = "统一社会信用代码,院校名称,层次,办学性质,举办者类型\r\n,广州市示例技师学院,技师学院,公办,人社部门\r\n";
const headers = knownHeaders("schools");

describe("CSV encoding detection", () => {
  it("reads UTF-8 without a BOM", () => {
    const d = decodeText(new TextEncoder().encode(text), "auto", headers);
    expect(d).toMatchObject({ text, encoding: "utf-8", invalid: false });
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeText(bytes, "auto", headers)).toMatchObject({ text, encoding: "utf-8-bom" });
    // A BOM wins over a wrong choice.
    expect(decodeText(bytes, "gb18030", headers).text).toBe(text);
  });

  it("detects GB18030/GBK bytes as Excel in China writes them", () => {
    const bytes = iconv.encode(text, "gb18030");
    expect(isValidUtf8(bytes)).toBe(false);
    expect(decodeText(bytes, "auto", headers)).toMatchObject({ text, encoding: "gb18030" });
    const gbk = iconv.encode(text, "gbk");
    expect(decodeText(gbk, "auto", headers).text).toBe(text);
  });

  it("reads GBK bytes that happen to be valid UTF-8 as GBK when that finds the headers", () => {
    // The GBK bytes of 状态 and 专业 are also valid UTF-8 (Cyrillic/Armenian letters).
    const bytes = iconv.encode("状态,专业\r\n", "gb18030");
    expect(isValidUtf8(bytes)).toBe(true);
    expect(decodeText(bytes, "auto", knownHeaders("schoolMajors"))).toMatchObject({ text: "状态,专业\r\n", encoding: "gb18030" });
  });

  it("honours an explicit choice, and reports bytes that are not valid UTF-8", () => {
    const gb = iconv.encode(text, "gb18030");
    expect(decodeText(gb, "gb18030").text).toBe(text);
    expect(decodeText(gb, "utf-8").invalid).toBe(true);
  });

  it("repairs UTF-8 text that was once read as GBK and saved again (乱码)", () => {
    const mojibake = iconv.decode(Buffer.from(text, "utf8"), "gbk");
    expect(mojibake).not.toContain("院校名称");
    const d = decodeText(new TextEncoder().encode(mojibake), "auto", headers);
    expect(d.encoding).toBe("utf-8-repaired");
    // The headers come back; a character whose bytes the garbling lost shows as U+FFFD, not as more 乱码.
    for (const h of ["统一社会信用代码", "院校名称", "层次", "办学性质"]) expect(d.text).toContain(h);
    expect(repairGbkMojibake(mojibake).split("\r\n")[0]).toBe(d.text.split("\r\n")[0]);
  });

  it("reads UTF-16 with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    expect(sniff(bytes)).toBe("text");
    expect(decodeText(bytes, "auto", headers)).toMatchObject({ text, encoding: "utf-16le" });
  });
});

describe("what an upload is, from its bytes", () => {
  it("tells spreadsheets from other files whatever their name", () => {
    expect(sniff(new Uint8Array())).toBe("empty");
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe("xlsx");
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("xls");
    expect(sniff(new TextEncoder().encode("%PDF-1.7\n"))).toBe("binary");
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe("binary");
    expect(sniff(new Uint8Array([0x41, 0x00, 0x42]))).toBe("binary");
    expect(sniff(iconv.encode(text, "gb18030"))).toBe("text");
  });
});
