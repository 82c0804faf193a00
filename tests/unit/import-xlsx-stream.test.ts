import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellPrimitive, isoDate } from "@/lib/imports/cells";
import { schoolColumns, schoolMajorColumns, type ImportKind } from "@/lib/imports/columns";
import { gridReader } from "@/lib/imports/grid";
import { MAX_MAJOR_ROWS, MAX_ROWS } from "@/lib/imports/limits";
import { readUpload } from "@/lib/imports/read";
import { buildTemplate } from "@/lib/imports/template";

/**
 * The .xlsx reader streams the sheet (lib/imports/xlsx-read.ts). Its answer must be the one the
 * workbook loader gave before: `loaded` below is that reader (exceljs's loader, sheets in the
 * workbook's order, the first with headers decides, NUL and last-row checks), kept here as the
 * reference, over workbooks with the features people's files have.
 */
async function loaded(bytes: Uint8Array, kind: ImportKind) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let first = null;
  for (const ws of wb.worksheets) {
    const grid = gridReader(kind);
    const rows: { row: number; cells: ReturnType<typeof cellPrimitive>[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      rows.push({
        row: n,
        cells: (row.values as unknown[])
          .slice(1)
          .map((v) => cellPrimitive(v))
          .map((c) => (c instanceof Date ? isoDate(c) : c)),
      });
    });
    if (rows.some((g) => g.cells.some((c) => typeof c === "string" && c.includes("\0")))) return { ok: false, error: { key: "notSpreadsheet" } };
    for (const g of rows) grid.push(g);
    const result = grid.finish();
    if (result.ok) return { ...result, format: "xlsx", encoding: null };
    if (result.error.key !== "noHeader") return result;
    first ??= result;
  }
  return first;
}

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const headers = schoolColumns.map((c) => c.header);

/**
 * An empty shared string was "" to the loader and is an empty cell (null) to the streamed reader;
 * every rule reads both as blank (normaliseCell, rowIssues), so they compare as equal.
 */
const blankAsNull = (r: unknown) => JSON.parse(JSON.stringify(r), (_k, v) => (v === "" ? null : v));

async function sameAsLoader(bytes: Uint8Array, kind: ImportKind = "schools") {
  const streamed = await readUpload(bytes, kind);
  expect(blankAsNull(streamed)).toEqual(blankAsNull(await loaded(bytes, kind)));
  return streamed;
}

describe("the streamed .xlsx reader answers as the workbook loader did", () => {
  it("reads the downloadable template filled in: data validations, the 说明 and 代码表 sheets, dates, rich text, formulas, links", async () => {
    const t = (key: string) => key;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await buildTemplate("schools", t, { authorities: [{ id: "guangdong", shortZh: "广东", nameZh: "广东省" }], divisions: [] })) as unknown as ArrayBuffer,
    );
    const ws = wb.getWorksheet("院校")!;
    const at = (h: string) => headers.indexOf(h) + 1;
    for (let i = 0; i < 30; i++) {
      const row = ws.getRow(i + 2);
      row.getCell(at("院校名称")).value = i % 3 ? `广州市第${i}技工学校` : { richText: [{ text: "广州市" }, { text: `第${i}技工学校`, font: { bold: true } }] };
      row.getCell(at("层次")).value = "技工学校";
      row.getCell(at("办学性质")).value = "公办";
      row.getCell(at("举办者类型")).value = "人社部门";
      row.getCell(at("审批日期")).value = new Date(Date.UTC(2020, 5, i + 1));
      row.getCell(at("审批日期")).numFmt = "yyyy-mm-dd";
      row.getCell(at("专任教师数")).value = { formula: `${i}*2`, result: i * 2 };
      row.getCell(at("网址")).value = { text: `https://s${i}.example.cn`, hyperlink: `https://s${i}.example.cn` };
      row.getCell(at("统计年度")).value = 2025;
      row.commit();
    }
    ws.getRow(10).getCell(at("地址")).value = null;
    const read = await sameAsLoader(await bytesOf(wb));
    expect(read).toMatchObject({ ok: true, rows: { length: 30 } });
    if (read.ok)
      expect(read.rows[1].values).toMatchObject({ nameZh: "广州市第1技工学校", approvalDate: "2020-06-02", teachers: 2, website: "https://s1.example.cn" });
  });

  it("finds the header below title rows and skips blank rows, keeping Excel's row numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.addRow(["2025 年院校名单"]);
    ws.addRow([]);
    ws.addRow(["院校名称", "层次", "办学性质", "举办者类型", "备注"]);
    ws.addRow(["甲技工学校", "技工学校", "公办", "人社部门", "x"]);
    ws.getRow(6).getCell(1).style = { font: { bold: true } };
    ws.addRow([]);
    ws.getRow(8).values = ["乙技工学校", "技工学校", "民办", "企业"];
    const read = await sameAsLoader(await bytesOf(wb));
    expect(read).toMatchObject({ ok: true, unknownHeaders: ["备注"], rows: [{ row: 4 }, { row: 8 }] });
  });

  it("keeps characters whose bytes straddle two inflated chunks, and decodes Excel's _xHHHH_ escapes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("院校");
    ws.addRow(["院校名称", "层次", "办学性质", "举办者类型", "审批文号", "地址"]);
    // Thousands of distinct Chinese texts: the shared strings and the sheet span many chunks.
    for (let i = 0; i < 3000; i++)
      ws.addRow([`广州市第${i}号示例技工学校`, "技工学校", "公办", "人社部门", `粤人社函〔${1969 + (i % 50)}〕${i}号`, `示例路${i}号_x0041_`]);
    const read = await sameAsLoader(await bytesOf(wb));
    if (!read.ok) throw new Error(read.error.key);
    expect(read.rows.filter((r) => JSON.stringify(r.values).includes("\uFFFD"))).toEqual([]);
    expect(read.rows[2999].values).toMatchObject({ approvalDocNo: "粤人社函〔2018〕2999号", address: "示例路2999号A" });
  });

  it("takes the first sheet with headers in the workbook's order (a help sheet first has none)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["请在第二张表填写"]);
    const data = wb.addWorksheet("院校专业");
    data.addRow(schoolMajorColumns.map((c) => c.header));
    data.addRow(["", "12440000MB2C30418U", "", "0101-4", "", "高级工", "初中起点", 5, "招生"]);
    wb.addWorksheet("另一张").addRow(schoolMajorColumns.map((c) => c.header));
    const read = await sameAsLoader(await bytesOf(wb), "schoolMajors");
    expect(read).toMatchObject({ ok: true, rows: [{ row: 2, values: { majorCode: "0101-4", years: 5 } }] });
  });

  it("refuses as before: missing columns, no header, no rows", async () => {
    const one = (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("院校");
      for (const r of rows) ws.addRow(r);
      return bytesOf(wb);
    };
    expect(
      await sameAsLoader(
        await one([
          ["院校名称", "层次"],
          ["甲", "技工学校"],
        ]),
      ),
    ).toMatchObject({ ok: false, error: { key: "missingColumns" } });
    expect(
      await sameAsLoader(
        await one([
          ["a", "b"],
          ["c", "d"],
        ]),
      ),
    ).toMatchObject({ ok: false, error: { key: "noHeader" } });
    expect(await sameAsLoader(await one([headers]))).toMatchObject({ ok: false, error: { key: "noRows" } });
  });
});

describe("row limits by kind", () => {
  const csv = (header: string, row: (i: number) => string, n: number) =>
    new TextEncoder().encode([header, ...Array.from({ length: n }, (_, i) => row(i))].join("\n"));

  it("reads a school-major file of more rows than a school file may have, up to its own limit", async () => {
    const majors = (n: number) => csv("统一社会信用代码,专业代码,培养层次,起点,学制", (i) => `12440000MB2C30418U,${i},中级工,初中起点,3`, n);
    expect(await readUpload(majors(MAX_ROWS + 1), "schoolMajors")).toMatchObject({ ok: true, rows: { length: MAX_ROWS + 1 } });
    expect(await readUpload(majors(MAX_MAJOR_ROWS + 1), "schoolMajors")).toEqual({ ok: false, error: { key: "tooManyRows", params: { max: MAX_MAJOR_ROWS } } });
    const schools = csv("院校名称,层次,办学性质,举办者类型", (i) => `学校${i},技工学校,公办,人社部门`, MAX_ROWS + 1);
    expect(await readUpload(schools, "schools")).toEqual({ ok: false, error: { key: "tooManyRows", params: { max: MAX_ROWS } } });
  });
});
