import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { schoolColumns } from "@/lib/imports/columns";
import { gridReader } from "@/lib/imports/grid";
import { prepareSchoolRows } from "@/lib/imports/school-rows";

/**
 * Issue 15: a full school file (20,000 rows, 23 columns) must fit a 160 MB heap. A row's values
 * given their keys one by one fall into V8's dictionary mode (~1.5 kB a row instead of ~250 bytes,
 * ~30 MB a copy at 20,000 rows); the reader's rows and the dry run's prepared rows must keep the
 * compact shape. V8's own check, %HasFastProperties, is enabled for this file only.
 */
v8.setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

function schoolRows(n: number) {
  const reader = gridReader("schools");
  reader.push({ row: 1, cells: schoolColumns.map((c) => c.header) });
  for (let i = 0; i < n; i++) reader.push({ row: i + 2, cells: schoolColumns.map((c) => `${c.field} ${i}`) });
  const read = reader.finish();
  if (!read.ok) throw new Error(read.error.key);
  return read;
}

describe("import rows keep V8's compact object shape", () => {
  it("checks what it says: an object given 23 keys one by one is in dictionary mode", () => {
    const slow: Record<string, number> = {};
    for (const c of schoolColumns) slow[c.field] = 1;
    expect(schoolColumns.length).toBeGreaterThan(20);
    expect(hasFastProperties(slow)).toBe(false);
  });

  it("the reader's rows of a school file with every column", () => {
    const read = schoolRows(3);
    expect(read.fields).toHaveLength(schoolColumns.length);
    expect(read.rows[1].values.nameZh).toBe("nameZh 1");
    for (const r of read.rows) expect(hasFastProperties(r.values)).toBe(true);
  });

  it("the dry run's prepared rows", () => {
    const read = schoolRows(3);
    const prepared = prepareSchoolRows(read.rows, read.fields);
    expect(Object.keys(prepared[0].values).sort()).toEqual([...read.fields].sort());
    for (const p of prepared) expect(hasFastProperties(p.values)).toBe(true);
  });
});
