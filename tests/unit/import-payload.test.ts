import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { packRows, unpackRows } from "@/lib/imports/payload";
import type { ParsedRow } from "@/lib/imports/read";

/** Rows over several of packRows' thousand-row pieces, with the cells a file may hold. */
const rows: ParsedRow[] = Array.from({ length: 2_501 }, (_, i) => ({
  row: i + 2,
  values: { schoolUscc: `12440100MB${String(i).padStart(7, "0")}X`, level: "中级工", years: i % 7 ? 3 : null, note: i % 3 ? 'a "quoted", \\ cell' : true },
}));

afterEach(() => vi.restoreAllMocks());

describe("the stored rows of an import job (gzip JSON)", () => {
  it("hold exactly JSON.stringify(rows), the text every stored job has", async () => {
    expect(gunzipSync(await packRows(rows)).toString("utf8")).toBe(JSON.stringify(rows));
    expect(gunzipSync(await packRows(rows.slice(0, 1))).toString("utf8")).toBe(JSON.stringify(rows.slice(0, 1)));
  });

  it("read back as the rows, and a job stored before the streamed packing still reads", async () => {
    expect(unpackRows(await packRows(rows))).toEqual(rows);
    expect(unpackRows(new Uint8Array(gzipSync(JSON.stringify(rows))))).toEqual(rows);
  });

  it("are never one string of all the rows (issue 15: 50,000 rows were ~25 MB of text and its UTF-8 copy)", async () => {
    const stringify = vi.spyOn(JSON, "stringify");
    await packRows(rows);
    expect(stringify.mock.calls.some(([v]) => v === rows)).toBe(false);
    expect(stringify.mock.calls.every(([v]) => !Array.isArray(v) || v.length <= 1000)).toBe(true);
  });
});
