/**
 * One run of scripts/bench-import.ts, in its own process (started with --conditions=react-server
 * so that the app's server-only modules load): a fresh database, the reference rows an import
 * needs, a generated .xlsx of N schools or N school majors, then the dry run and the commit
 * exactly as the upload route and the confirmation run them. For school majors the schools the
 * rows name (ten majors each) and a current catalogue edition are created first, untimed.
 */
import fs from "node:fs";
import v8 from "node:v8";
import ExcelJS from "exceljs";
import { systemScope } from "../lib/auth/scope";
import { disconnect, setDbClient as pointDataLayerAt } from "../lib/db/client";
import { openEngine, type OpenEngine } from "../lib/db/engines";
import { PrismaClient } from "../lib/db/generated/client";
import { schoolColumns, schoolMajorColumns, type ImportKind } from "../lib/imports/columns";
import { runWrite } from "../lib/db/unit-of-work";
import { commitImport, createImportJob, IMPORT_TIMEOUT_MS } from "../lib/imports/mutations";
import { readUpload } from "../lib/imports/read";
import { withCheckChar } from "../lib/schools/uscc";
import type { BenchKind, BenchResult } from "./bench-import";
import { createScratchDatabase, migrationSql } from "./scratch-database.mjs";

const TIERS = ["技师学院", "高级技工学校", "技工学校"];
const CITIES = ["440100", "440300", "440600", "441900"];

/** N valid, clearly invented schools of one province (credit codes with a valid check character). */
async function workbook(n: number): Promise<Uint8Array> {
  return sheet(
    "院校",
    schoolColumns.map((c) => c.header),
    n,
    schoolRow,
  );
}

async function sheet(name: string, headers: string[], n: number, rowOf: (i: number) => Record<string, string | number | null>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(headers);
  for (let i = 0; i < n; i++) {
    const row = rowOf(i);
    ws.addRow(headers.map((h) => row[h] ?? null));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function schoolRow(i: number): Record<string, string | number | null> {
  const tier = TIERS[i % 3];
  return {
    统一社会信用代码: benchUscc(i),
    院校名称: `基准测试第${i + 1}号${tier}`,
    英文名称: `Benchmark School ${i + 1}`,
    层次: tier,
    办学状态: "正常办学",
    办学性质: i % 5 ? "公办" : "民办",
    举办者类型: i % 5 ? "人社部门" : "企业",
    举办者: "示例举办单位",
    登记机关: "广东",
    所在地市代码: CITIES[i % CITIES.length],
    地址: `示例路 ${i + 1} 号`,
    网址: `https://school${i + 1}.example.cn`,
    审批文号: `粤人社函〔2020〕${i + 1}号`,
    审批日期: "2020-06-01",
    建校日期: "1990-09-01",
    统计年度: 2025,
    全日制在校生数: 800 + (i % 5000),
    年培训人次: 1000 + (i % 3000),
    "占地面积（平方米）": 40000 + i,
    "建筑面积（平方米）": 30000 + i,
    "设备总值（万元）": 500 + (i % 1000),
    专任教师数: 60 + (i % 300),
    专业数: 5 + (i % 30),
  };
}

const MAJORS_PER_SCHOOL = 10;
const codes = Array.from({ length: MAJORS_PER_SCHOOL }, (_, m) => `01${String(m + 1).padStart(2, "0")}`);
const benchUscc = (i: number) => withCheckChar(`12440100MB${String(i).padStart(7, "0")}`);

/** The schools (ten majors each) and the current catalogue's majors that N school-major rows name. */
async function majorReferences(client: PrismaClient, n: number) {
  const edition = await client.majorCatalogEdition.create({ data: { code: "bench", nameZh: "基准版", nameEn: "Bench", isCurrent: true } });
  const category = await client.majorCategory.create({ data: { editionId: edition.id, code: "01", nameZh: "基准类", nameEn: "Bench" } });
  await client.major.createMany({
    data: codes.map((code) => ({ editionId: edition.id, categoryId: category.id, code, nameZh: `基准专业${code}`, nameEn: code })),
  });
  const schools = Math.ceil(n / MAJORS_PER_SCHOOL);
  for (let from = 0; from < schools; from += 1000) {
    const data = [];
    for (let i = from; i < Math.min(schools, from + 1000); i++) {
      const tier = (["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"] as const)[i % 3];
      data.push({
        publicCode: `B${String(i).padStart(7, "0")}`,
        nameZh: `基准测试第${i + 1}号学校`,
        tier,
        status: "OPERATING" as const,
        ownership: "PUBLIC" as const,
        sponsorType: "HR_DEPARTMENT" as const,
        authorityId: "guangdong",
        uscc: benchUscc(i),
      });
    }
    await client.school.createMany({ data });
  }
}

/** Row i: school i / 10 (by credit code), major i % 10. */
function majorRow(i: number): Record<string, string | number | null> {
  return {
    统一社会信用代码: benchUscc(Math.floor(i / MAJORS_PER_SCHOOL)),
    专业代码: codes[i % MAJORS_PER_SCHOOL],
    培养层次: "中级工",
    起点: "初中起点",
    "学制（年）": 3,
    状态: i % 2 ? "招生" : "备案",
  };
}

/** The workbook of a run, written to `file` by a process of its own (so that building it does not count in the run's peak RSS). */
export async function buildWorkbook(kind: BenchKind, rows: number, file: string) {
  const bytes =
    kind === "schools"
      ? await workbook(rows)
      : await sheet(
          "院校专业",
          schoolMajorColumns.map((c) => c.header),
          rows,
          majorRow,
        );
  fs.writeFileSync(file, bytes);
}

/** Each phase's resident memory and peak so far, on stderr (the parent prints it only when a run fails). */
function trace(phase: string) {
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const m = process.memoryUsage();
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(`${phase}: rss ${mb(m.rss)} MB (peak ${peak}), heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB\n`);
}

/**
 * BENCH_HEAP_SNAPSHOTS=<dir>: what is live at the peaks. Every 100 ms, once the heap in use has grown
 * 30 MB past the last snapshot's, a snapshot (<dir>/<phase>-<n>.heapsnapshot, for scripts/bench/heap-top.ts)
 * is written: a snapshot collects first, so it holds only what the import still references. Slows the run.
 */
let phaseNow = "read";
function heapSnapshots(dir: string | undefined) {
  if (!dir) return () => {};
  let last = 0;
  let n = 0;
  const timer = setInterval(() => {
    const used = process.memoryUsage().heapUsed;
    if (used < last + 30 * 1048576) return;
    v8.writeHeapSnapshot(`${dir}/${phaseNow}-${++n}.heapsnapshot`);
    last = process.memoryUsage().heapUsed;
    process.stderr.write(`snapshot ${phaseNow}-${n}: heap ${Math.round(used / 1048576)} MB before, ${Math.round(last / 1048576)} MB live\n`);
  }, 100);
  return () => clearInterval(timer);
}

/** The schema and the reference rows (and, for school majors, the schools they name) of a run: untimed. */
async function prepare(engine: OpenEngine, kind: BenchKind, rows: number) {
  for (const sql of migrationSql()) await engine.exec(sql);
  const client = new PrismaClient({ adapter: engine.factory });
  await client.authority.create({
    data: { id: "guangdong", gbCode: "440000", nameZh: "广东省", nameEn: "Guangdong", shortZh: "广东", kind: "PROVINCE", sortOrder: 19 },
  });
  await client.division.createMany({
    data: CITIES.map((code, i) => ({ code, nameZh: `示例市${i + 1}`, nameEn: `City ${i + 1}`, authorityId: "guangdong" })),
  });
  if (kind === "majors") await majorReferences(client, rows);
  await client.$disconnect();
}

/**
 * PostgreSQL: a scratch database prepared by a process of its own (scripts/bench-import.ts --setup),
 * so that the run's peak RSS is the import's and the modules', not the setup's 5,000 Prisma-created
 * schools (about 170 MB of it before this split). Prints {"name","url"}; the parent drops it.
 */
export async function setupPostgres(kind: BenchKind, rows: number, baseUrl: string) {
  const created = await createScratchDatabase(baseUrl, "bench_import");
  const engine = openEngine({ kind: "postgres", url: created.url });
  try {
    await prepare(engine, kind, rows);
  } finally {
    await engine.close();
  }
  return { name: created.name, url: created.url };
}

/** `preparedUrl`: a PostgreSQL database setupPostgres prepared (PGlite in memory is prepared here, in the run's process). */
export async function runBench(engineKind: "pglite" | "postgres", kind: BenchKind, rows: number, preparedUrl: string, file: string): Promise<BenchResult> {
  const engine = engineKind === "pglite" ? openEngine({ kind: "pglite", dataDir: "memory://" }) : openEngine({ kind: "postgres", url: preparedUrl });
  try {
    if (engineKind === "pglite") await prepare(engine, kind, rows);
    const client = new PrismaClient({ adapter: engine.factory });
    pointDataLayerAt(client, engine);
    const importKind: ImportKind = kind === "schools" ? "schools" : "schoolMajors";
    const scope = systemScope("guangdong");
    const base = { actor: { id: "bench", label: "基准测试", role: null, authorityId: null }, scope, source: "import" as const };

    trace("setup");
    const stopSnapshots = heapSnapshots(process.env.BENCH_HEAP_SNAPSHOTS);
    let t0 = performance.now();
    // The upload as its request runs it: the file's bytes and rows are gone once it has answered,
    // as in the app, where the commit is another request (kept here, they were ~25 MB of a
    // 20,000-row commit's live heap that the server never holds).
    const upload = async () => {
      const read = await readUpload(new Uint8Array(fs.readFileSync(file)), importKind);
      const readSeconds = (performance.now() - t0) / 1000;
      trace("read");
      phaseNow = "dryrun";
      if (!read.ok) throw new Error(`read failed: ${read.error.key}`);
      const input = { kind: importKind, fileName: `bench-${rows}.xlsx`, format: read.format, encoding: null, rows: read.rows, fields: read.fields };
      const { data } = await runWrite(base, (ctx) => createImportJob(ctx, input), { timeout: IMPORT_TIMEOUT_MS });
      return { job: { id: data.id, counts: data.summary.counts, issues: data.summary.issues.slice(0, 3) }, readSeconds };
    };
    const { job, readSeconds } = await upload();
    const dryRunSeconds = (performance.now() - t0) / 1000;
    trace("dry run");
    const errors = job.counts.error;
    if (errors) throw new Error(`${errors} rows with errors: ${JSON.stringify(job.issues)}`);

    phaseNow = "commit";
    t0 = performance.now();
    await runWrite(base, (ctx) => commitImport(ctx, job.id), { timeout: IMPORT_TIMEOUT_MS });
    const commitSeconds = (performance.now() - t0) / 1000;
    trace("commit");
    stopSnapshots();
    const count = kind === "schools" ? await client.school.count() : await client.schoolMajor.count();
    if (count !== rows) throw new Error(`expected ${rows} ${kind}, found ${count}`);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return { engine: engineKind, kind, rows, readSeconds, dryRunSeconds, commitSeconds, peakRssMb, errors };
  } finally {
    await disconnect();
  }
}
