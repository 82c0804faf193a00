import { deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readUpload } from "@/lib/imports/read";
import { checkedArchive } from "@/lib/imports/zip/checked";
import { readDirectory } from "@/lib/imports/zip/directory";
import { buildZip, type ZipEntry } from "../support/zip";

/**
 * The .xlsx container check (lib/imports/zip): every hostile archive shape is refused with a reason
 * before exceljs sees it, and an honest archive comes out as a canonical copy with the same parts.
 */
const limits = { maxEntries: 1000, maxUnpackedBytes: 1024 * 1024 };
const text = (s: string) => new TextEncoder().encode(s);
const part = (name: string, body = `<${name.length}/>`.repeat(50)): ZipEntry => ({ name, data: text(body) });
const check = (entries: ZipEntry[], l = limits) => checkedArchive(buildZip(entries), l);

describe("the .xlsx container check", () => {
  it("passes an honest archive (deflated and stored parts) as a canonical copy with the same contents", async () => {
    const entries = [part("[Content_Types].xml"), { ...part("xl/workbook.xml"), method: 0 }, part("xl/worksheets/sheet1.xml", "")];
    const result = await check(entries);
    if (!result.ok) throw new Error(result.why);
    const copy = readDirectory(new Uint8Array(result.archive), limits.maxEntries);
    if (!copy.ok) throw new Error(copy.why);
    expect(copy.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    copy.entries.forEach((e, i) => expect(new Uint8Array(e.method === 8 ? inflateRawSync(e.data) : e.data)).toEqual(entries[i].data));
  });

  it.each<[string, ZipEntry[], string]>([
    ["an encrypted entry", [{ ...part("a.xml"), flags: 0x0001 }], "encrypted"],
    ["an unsupported compression (LZMA)", [{ ...part("a.xml"), method: 14 }], "compression method 14"],
    ["two entries with one name", [part("xl/a.xml"), part("xl/a.xml")], "duplicate"],
    ["one name with and without a leading slash", [part("xl/a.xml"), part("/xl/a.xml")], "duplicate"],
    ["entries sharing their bytes", [part("a.xml"), { ...part("b.xml"), sameDataAs: 0 }], "local header of b.xml"],
    ["a size declared larger than the content", [{ ...part("a.xml"), declaredSize: 5000 }], "shorter"],
    ["a size declared smaller than the content", [{ ...part("a.xml"), declaredSize: 10 }], "longer"],
    ["a wrong CRC", [{ ...part("a.xml"), compressed: { bytes: buildDeflated("<a/>"), size: 4, crc: 1234 } }], "CRC"],
    [
      "a truncated deflate stream",
      [{ ...part("a.xml"), compressed: { bytes: buildDeflated("<a/>".repeat(999)).subarray(0, 10), size: 3996, crc: 0 } }],
      "error",
    ],
  ])("refuses %s as a damaged archive", async (_, entries, why) => {
    const result = await check(entries);
    expect(result).toMatchObject({ ok: false, key: "damagedArchive" });
    expect(!result.ok && result.why).toContain(why);
  });

  it("refuses more entries than an .xlsx has", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => part(`xl/media/${i}.xml`, "x"));
    expect(await check(many)).toMatchObject({ ok: false, key: "damagedArchive", why: "1001 entries (at most 1000)" });
  });

  it("refuses honest entries whose sizes add up past the limit, before inflating", async () => {
    const entries = [part("a.xml", "a".repeat(600_000)), part("b.xml", "b".repeat(600_000))];
    expect(await check(entries)).toMatchObject({ ok: false, key: "unpackedTooLarge" });
  });

  it("calls a file that starts like a ZIP but has no directory not a spreadsheet", async () => {
    expect(await checkedArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), limits)).toMatchObject({ ok: false, key: "notSpreadsheet" });
  });

  it("reads a workbook written by exceljs (the canonical copy is what exceljs loads)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("院校");
    ws.addRow(["院校名称", "层次", "办学性质", "举办者类型"]);
    ws.addRow(["广州市甲技工学校", "技工学校", "公办", "政府部门"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readUpload(bytes, "schools");
    expect(read).toMatchObject({ ok: true, format: "xlsx", rows: [{ row: 2, values: { nameZh: "广州市甲技工学校" } }] });
  });
});

function buildDeflated(s: string): Uint8Array {
  return new Uint8Array(deflateRawSync(text(s)));
}
