import ExcelJS from "exceljs";
import { expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { commitImportAction } from "@/lib/imports/actions";
import { schoolColumns } from "@/lib/imports/columns";
import { signInAs, testUsers } from "../support/session";
import { schoolRow, upload } from "./imports-fixtures";
import { schoolTestDb } from "./schools-fixtures";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/** A 5,000-row workbook (built here, not committed) goes through the dry run and the commit. */
const t = schoolTestDb();

async function workbook(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("院校");
  const headers = schoolColumns.map((c) => c.header);
  ws.addRow(headers);
  for (let i = 0; i < n; i++) {
    const r = schoolRow(i, { 办学状态: "正常办学", 专任教师数: 50 + (i % 100), 审批日期: i % 2 ? "2019-01-15" : null });
    ws.addRow(headers.map((h) => r[h] ?? r[h.replace(/（.*）$/, "")] ?? null));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

it("dry-runs and commits a 5,000-row .xlsx", async () => {
  signInAs(testUsers.gdOfficer);
  const bytes = await workbook(5000);
  let t0 = performance.now();
  const res = await upload(bytes, { name: "5000.xlsx" });
  const dryRunMs = performance.now() - t0;
  if (res.phase !== "done") throw new Error(JSON.stringify(res));
  expect(res.summary.counts).toEqual({ create: 5000, update: 0, unchanged: 0, error: 0 });
  // Setting-standard warnings (a 技工学校 under 30,000 m² etc.) are reported but do not block.
  t0 = performance.now();
  const out = await commitImportAction({ jobId: res.jobId });
  const commitMs = performance.now() - t0;
  expect(out).toMatchObject({ ok: true, data: { counts: { create: 5000 } } });
  expect(await db().school.count({ where: { authorityId: "guangdong" } })).toBe(5000);
  expect(await db().auditEvent.count({ where: { action: "school.create", source: "import" } })).toBe(5000);
  expect(new Set((await db().school.findMany({ select: { publicCode: true } })).map((s) => s.publicCode)).size).toBe(5000);
  console.log(`5,000 rows on ${t.engineKind}: dry run ${(dryRunMs / 1000).toFixed(1)} s, commit ${(commitMs / 1000).toFixed(1)} s`);
}, 300_000);
