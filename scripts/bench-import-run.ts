/**
 * One run of scripts/bench-import.ts, in its own process (started with --conditions=react-server
 * so that the app's server-only modules load): a fresh database, the reference rows an import
 * needs, a generated .xlsx of N schools, then the dry run and the commit exactly as the upload
 * route and the confirmation run them.
 */
import ExcelJS from "exceljs";
import { systemScope } from "../lib/auth/scope";
import { disconnect, setDbClient as pointDataLayerAt } from "../lib/db/client";
import { openEngine, type OpenEngine } from "../lib/db/engines";
import { PrismaClient } from "../lib/db/generated/client";
import { schoolColumns } from "../lib/imports/columns";
import { runWrite } from "../lib/db/unit-of-work";
import { commitImport, createImportJob, IMPORT_TIMEOUT_MS } from "../lib/imports/mutations";
import { readUpload } from "../lib/imports/read";
import { withCheckChar } from "../lib/schools/uscc";
import type { BenchResult } from "./bench-import";
import { createScratchDatabase, migrationSql } from "./scratch-database.mjs";

const TIERS = ["技师学院", "高级技工学校", "技工学校"];
const CITIES = ["440100", "440300", "440600", "441900"];

async function freshDatabase(kind: "pglite" | "postgres", url: string): Promise<{ engine: OpenEngine; drop: () => Promise<void> }> {
  if (kind === "pglite") return { engine: openEngine({ kind: "pglite", dataDir: "memory://" }), drop: async () => {} };
  const created = await createScratchDatabase(url, "bench_import");
  return { engine: openEngine({ kind: "postgres", url: created.url }), drop: created.drop };
}

/** N valid, clearly invented schools of one province (credit codes with a valid check character). */
async function workbook(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("院校");
  const headers = schoolColumns.map((c) => c.header);
  ws.addRow(headers);
  for (let i = 0; i < n; i++) {
    const tier = TIERS[i % 3];
    const row: Record<string, string | number | null> = {
      统一社会信用代码: withCheckChar(`12440100MB${String(i).padStart(7, "0")}`),
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
    ws.addRow(headers.map((h) => row[h] ?? null));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function runBench(kind: "pglite" | "postgres", rows: number, url: string): Promise<BenchResult> {
  const { engine, drop } = await freshDatabase(kind, url);
  try {
    for (const sql of migrationSql()) await engine.exec(sql);
    const client = new PrismaClient({ adapter: engine.factory });
    pointDataLayerAt(client, engine);
    await client.authority.create({
      data: { id: "guangdong", gbCode: "440000", nameZh: "广东省", nameEn: "Guangdong", shortZh: "广东", kind: "PROVINCE", sortOrder: 19 },
    });
    await client.division.createMany({
      data: CITIES.map((code, i) => ({ code, nameZh: `示例市${i + 1}`, nameEn: `City ${i + 1}`, authorityId: "guangdong" })),
    });
    const bytes = await workbook(rows);
    const scope = systemScope("guangdong");
    const base = { actor: { id: "bench", label: "基准测试", role: null, authorityId: null }, scope, source: "import" as const };

    let t0 = performance.now();
    const read = await readUpload(bytes, "schools");
    const readSeconds = (performance.now() - t0) / 1000;
    if (!read.ok) throw new Error(`read failed: ${read.error.key}`);
    const input = { kind: "schools" as const, fileName: `bench-${rows}.xlsx`, format: read.format, encoding: null, rows: read.rows, fields: read.fields };
    const { data: job } = await runWrite(base, (ctx) => createImportJob(ctx, input), { timeout: IMPORT_TIMEOUT_MS });
    const dryRunSeconds = (performance.now() - t0) / 1000;
    const errors = job.summary.counts.error;
    if (errors) throw new Error(`${errors} rows with errors: ${JSON.stringify(job.summary.issues.slice(0, 3))}`);

    t0 = performance.now();
    await runWrite(base, (ctx) => commitImport(ctx, job.id), { timeout: IMPORT_TIMEOUT_MS });
    const commitSeconds = (performance.now() - t0) / 1000;
    const count = await client.school.count();
    if (count !== rows) throw new Error(`expected ${rows} schools, found ${count}`);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return { engine: kind, rows, readSeconds, dryRunSeconds, commitSeconds, peakRssMb, errors };
  } finally {
    await disconnect();
    await drop();
  }
}
