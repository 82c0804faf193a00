import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ROWS } from "@/lib/imports/limits";
import { readUpload } from "@/lib/imports/read";
import { buildZip, deflatedZeros } from "../support/zip";

/**
 * Issue 12, finding 2: an .xlsx whose one entry inflates to 125 MiB while both its headers declare
 * 1,000 bytes (a ~127 KB file). The old guard summed the declared sizes, let it through, and exceljs
 * inflated all of it (9 s, +147 MB) before refusing. Now it is refused within a second, having
 * inflated little more than the 1,000 bytes it admitted to.
 */
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MiB = 1024 * 1024;
let zeros: ReturnType<typeof deflatedZeros>;

beforeAll(() => {
  zeros = deflatedZeros(125);
});

/** Runs `work`, sampling memory every few ms; growth is measured from a collected heap. */
async function measured<T>(work: () => Promise<T>) {
  gc();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed + before.external };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed + m.external);
  };
  const timer = setInterval(sample, 2);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  return { result, ms, rssMb: (peak.rss - before.rss) / MiB, heapMb: (peak.heap - before.heapUsed - before.external) / MiB };
}

describe("an .xlsx that lies about its sizes (zip bomb)", () => {
  it("is refused within a second and without inflating the 125 MiB", async () => {
    const bomb = buildZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(), compressed: zeros, declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const run = await measured(() => readUpload(bomb, "schools"));
    console.info(
      `lying archive (${(bomb.length / 1024).toFixed(0)} KB): ${run.ms.toFixed(0)} ms, rss +${run.rssMb.toFixed(1)} MB, heap+external +${run.heapMb.toFixed(1)} MB`,
    );
    expect(run.result).toEqual({ ok: false, error: { key: "damagedArchive", params: undefined } });
    expect(run.ms).toBeLessThan(1000);
    expect(run.rssMb).toBeLessThan(20);
    expect(run.heapMb).toBeLessThan(20);
  });

  it("the same entry with honest sizes is refused before inflating anything", async () => {
    const honest = buildZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(), compressed: zeros }]);
    const run = await measured(() => readUpload(honest, "schools"));
    expect(run.result).toMatchObject({ ok: false, error: { key: "unpackedTooLarge" } });
    expect(run.ms).toBeLessThan(1000);
    expect(run.heapMb).toBeLessThan(20);
  });

  it("a declared size a little short of the truth is caught as well", async () => {
    const data = new TextEncoder().encode("<x/>".repeat(5000));
    const short = buildZip([{ name: "xl/workbook.xml", data, declaredSize: data.length - 1 }]);
    expect(await readUpload(short, "schools")).toMatchObject({ ok: false, error: { key: "damagedArchive" } });
  });
});

/** A sheet part of `rows` rows of `cells` numeric cells, honestly sized. */
function sheet(rows: number, cells: number): Uint8Array {
  const row = (r: number) => `<row r="${r}">${"<c><v>1</v></c>".repeat(cells)}</row>`;
  const body = Array.from({ length: rows }, (_, i) => row(i + 1)).join("");
  return new TextEncoder().encode(`<worksheet><sheetData>${body}</sheetData></worksheet>`);
}

describe("an honest .xlsx that exceljs could not afford", () => {
  // Before: a 7.5 MB file of 1.5 million one-cell rows took exceljs 54 s and +738 MB before "too many rows".
  it("is refused for its row count while it is inflated, before exceljs", async () => {
    const file = buildZip([{ name: "xl/worksheets/sheet1.xml", data: sheet(1_000_000, 1) }]);
    const run = await measured(() => readUpload(file, "schools"));
    expect(run.result).toEqual({ ok: false, error: { key: "tooManyRows", params: { max: MAX_ROWS } } });
    expect(run.ms).toBeLessThan(1000);
    expect(run.heapMb).toBeLessThan(20);
  });

  it("is refused for its element count (a cell, its value) when rows are few but wide", async () => {
    const file = buildZip([{ name: "xl/worksheets/sheet1.xml", data: sheet(20_000, 80) }]);
    const run = await measured(() => readUpload(file, "schools"));
    expect(run.result).toMatchObject({ ok: false, error: { key: "unpackedTooLarge" } });
    expect(run.ms).toBeLessThan(1000);
  });
});
