import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import importsEn from "@/lib/i18n/messages/en/imports.json";
import { normaliseCell } from "@/lib/imports/cells";
import { knownHeaders, mapHeaders, schoolColumns, schoolMajorColumns } from "@/lib/imports/columns";
import { parseCsv, toCsv } from "@/lib/imports/csv";
import { decodeText, encodingChoices } from "@/lib/imports/encoding";
import { readUpload } from "@/lib/imports/read";
import { prepareSchoolRows, validateSchoolRows, type SchoolLookup } from "@/lib/imports/school-rows";
import { sniff } from "@/lib/imports/sniff";
import { createSchoolSchema } from "@/lib/schools/schema";
import { DANGEROUS_KEYS, hostileString, PAYLOADS, prototypePolluted, VALIDATION_KEYS } from "@/tests/support/hostile-input";

/**
 * The import parser under random and malicious files: whatever the bytes, it answers with rows or
 * with a refusal that has a message key (never a throw); CSV it writes, it reads back; every row
 * the dry run would write passes the school schema, and every refused row names its columns.
 */
const READ_KEYS = new Set(Object.keys(importsEn.read));
const encoding = fc.constantFrom(...encodingChoices);
const schoolFields = new Set(schoolColumns.map((c) => c.field));
const headers = schoolColumns.map((c) => c.header);

afterAll(() => expect(prototypePolluted()).toBe(false));

const utf8Bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")]);

/** Bytes an upload could be: random, a text file in some encoding, or a fake ZIP/PNG/PDF. */
const uploadBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.array(fc.array(hostileString, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }).chain((rows) =>
    fc
      .constantFrom<(s: string) => Uint8Array>(
        (s) => Buffer.from(s, "utf8"),
        utf8Bom,
        (s) => iconv.encode(s, "gb18030"),
        (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, "utf-16le")]),
      )
      .map((enc) => enc(toCsv([headers.slice(0, 6), ...rows]))),
  ),
  fc
    .tuple(
      fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0x89, 0x50, 0x4e, 0x47], [0x25, 0x50, 0x44, 0x46], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      fc.uint8Array({ maxLength: 300 }),
    )
    .map(([magic, rest]) => Uint8Array.from([...magic, ...rest])),
);

describe("reading uploads", () => {
  it("property: any bytes give rows or a refusal with a catalog key — never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(
        uploadBytes,
        fc.constantFrom("schools", "schoolMajors") as fc.Arbitrary<"schools" | "schoolMajors">,
        encoding,
        async (bytes, kind, enc) => {
          const r = await readUpload(bytes, kind, enc);
          if (!r.ok) {
            expect(READ_KEYS).toContain(r.error.key);
            return;
          }
          for (const row of r.rows) {
            for (const [k, v] of Object.entries(row.values)) {
              expect((kind === "schools" ? schoolColumns : schoolMajorColumns).some((c) => c.field === k)).toBe(true);
              if (typeof v === "string") expect(v).not.toContain("\u0000");
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("property: a CSV (UTF-8 with BOM) of hostile cells under the real headers reads back cell for cell", async () => {
    // Lone surrogates cannot be written as UTF-8 at all (they become U+FFFD in the file itself).
    const cell = hostileString.filter((s) => !s.includes("\u0000") && s.length < 1000 && s.isWellFormed());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), { minLength: 1, maxLength: 4 }), async (rows) => {
        const r = await readUpload(utf8Bom(toCsv([headers, ...rows])), "schools");
        const kept = rows.filter((cells) => cells.some((c) => c.trim() !== ""));
        if (kept.length === 0) return expect(r).toMatchObject({ ok: false, error: { key: "noRows" } });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.rows.map((row) => schoolColumns.map((c) => row.values[c.field]))).toEqual(kept);
      }),
      { numRuns: 80 },
    );
  });

  it("counterexample kept: a NUL after the first 8 KiB (past the binary sniff) is refused, not imported", async () => {
    const text = toCsv([headers.slice(0, 5), ["x".repeat(9000), "技师学院", "公办", "人社部门", "a\u0000b"]]);
    expect(sniff(Buffer.from(text, "utf8"))).toBe("text");
    expect(await readUpload(Buffer.from(text, "utf8"), "schools")).toMatchObject({ ok: false, error: { key: "notSpreadsheet" } });
  });

  it("property: decoding and sniffing never throw, whatever the bytes and the chosen encoding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), encoding, (bytes, enc) => {
        const d = decodeText(bytes, enc, knownHeaders("schools"));
        expect(typeof d.text).toBe("string");
        expect(["empty", "xlsx", "xls", "binary", "text"]).toContain(sniff(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe("CSV", () => {
  it("property: what toCsv writes, parseCsv reads back unchanged (quotes, delimiters, line breaks, surrogates)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            hostileString.filter((s) => s.length < 2000),
            { minLength: 1, maxLength: 6 },
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (grid) => {
          expect(parseCsv(toCsv(grid), ",").map((r) => r.cells)).toEqual(grid);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: any text parses without throwing, records numbered 1, 2, 3…", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const recs = parseCsv(text);
        recs.forEach((r, i) => expect(r.line).toBe(i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe("column mapping and cells", () => {
  it("property: header rows with prototype keys and payloads map only known columns", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...headers, ...DANGEROUS_KEYS), hostileString), { maxLength: 40 }), (cells) => {
        const m = mapHeaders("schools", cells);
        expect(m.byIndex).toHaveLength(cells.length);
        for (const f of m.present) expect(schoolFields.has(f)).toBe(true);
        for (const d of DANGEROUS_KEYS) expect(m.present.has(d)).toBe(false);
        expect(prototypePolluted()).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("property: every column normalises any cell without throwing; enum issues carry a catalog key", () => {
    const primitive = fc.oneof(hostileString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: false }));
    fc.assert(
      fc.property(fc.constantFrom(...schoolColumns, ...schoolMajorColumns), primitive, (col, v) => {
        const r = normaliseCell(col, v);
        if (r.issue) expect(VALIDATION_KEYS).toContain(r.issue.key);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the dry run of a school file", () => {
  const lookup: SchoolLookup = {
    authorities: [{ id: "guangdong", shortZh: "广东", nameZh: "广东省" }],
    divisionAuthority: new Map([["440100", "guangdong"]]),
    byId: new Map(),
    byUscc: new Map(),
    byName: new Map(),
  };
  const good: Record<string, string> = { nameZh: "广州市示例技师学院", tier: "技师学院", ownership: "公办", sponsorType: "人社部门", authorityId: "广东" };
  const fields = schoolColumns.map((c) => c.field);
  const row = fc.array(fc.tuple(fc.constantFrom(...fields), fc.oneof(hostileString, fc.constantFrom(...PAYLOADS))), { maxLength: 5 }).map((pairs) => {
    const values: Record<string, string | null> = Object.fromEntries(fields.map((f) => [f, good[f] ?? null]));
    for (const [f, v] of pairs) values[f] = v;
    return values;
  });

  it("property: rows to create pass the school schema exactly; refused rows name known columns with catalog keys", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const parsed = rows.map((values, i) => ({ row: i + 2, values }));
        const d = validateSchoolRows(prepareSchoolRows(parsed, fields), fields, { scopeAuthorityId: "guangdong" }, lookup);
        expect(d.counts.create + d.counts.error + d.counts.update + d.counts.unchanged).toBe(rows.length);
        for (const c of d.plan.creates) {
          // Never half-valid: what would be written is a fixed point of the schema.
          expect(createSchoolSchema.parse(c.data)).toEqual(c.data);
          expect(c.data.authorityId).toBe("guangdong");
        }
        const errorRows = new Set(d.issues.filter((i) => i.severity === "error").map((i) => i.row));
        expect(errorRows.size).toBe(d.counts.error);
        for (const c of d.plan.creates) expect(errorRows.has(c.row)).toBe(false);
        for (const i of d.issues) {
          expect(schoolFields.has(i.field), `issue on ${i.field}`).toBe(true);
          expect(VALIDATION_KEYS, `key ${i.key}`).toContain(i.key);
        }
      }),
      { numRuns: 150 },
    );
  });
});
