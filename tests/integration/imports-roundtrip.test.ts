import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { exportSchoolsRoute } from "@/lib/exports/routes";
import { commitImportAction } from "@/lib/imports/actions";
import { parseCsv } from "@/lib/imports/csv";
import { readUpload } from "@/lib/imports/read";
import { templateRoute } from "@/lib/imports/routes";
import { signInAs, testUsers } from "../support/session";
import { csvOf, schoolRow, upload, utf8 } from "./imports-fixtures";
import { schoolTestDb } from "./schools-fixtures";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/** Export → re-import changes nothing; an edited export updates exactly what was edited; the template reads back. */
const t = schoolTestDb();
beforeAll(async () => {
  signInAs(testUsers.gdOfficer);
  const tricky = [
    schoolRow(1, {
      英文名称: 'Guangzhou No.1, "Import" School',
      其他名称: "甲校；乙校",
      网址: "https://a.example.cn",
      联系电话: "+86 20 1234 5678",
      联系人: '=HYPERLINK("x")',
      地址: "广州市\n天河区 1 号",
      建校日期: "1985-09-01",
      办学状态: "筹设",
    }),
    schoolRow(2, { 统一社会信用代码: "", 层次: "技师学院", 办学性质: "民办", 举办者类型: "企业", "设备总值（万元）": 0, 所在地市代码: "" }),
    schoolRow(3, { 层次: "高级技工学校", 统计年度: 2025, 占地面积: 70000, 审批文号: "-粤人社〔2020〕3号" }),
  ];
  const res = await upload(utf8(csvOf(tricky)));
  if (res.phase !== "done" || res.summary.counts.error) throw new Error(JSON.stringify(res));
  const out = await commitImportAction({ jobId: res.jobId });
  if (!out.ok) throw new Error(JSON.stringify(out));
  // And one school of another authority, which a Guangdong export must not contain.
  await t.client.school.create({
    data: {
      publicCode: "ZJ000002",
      nameZh: "杭州另一技师学院",
      tier: "TECHNICIAN_COLLEGE",
      ownership: "PUBLIC",
      sponsorType: "HR_DEPARTMENT",
      authorityId: "zhejiang",
    },
  });
});
beforeEach(() => signInAs(testUsers.gdOfficer));

const exportFile = async (format: "xlsx" | "csv", q = "") => {
  const res = await exportSchoolsRoute(new Request(`http://localhost/console/schools/export?format=${format}${q}`));
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};

describe("export and re-import", () => {
  it("an exported .xlsx re-imports with 0 new, 0 updated, all unchanged", async () => {
    const bytes = await exportFile("xlsx");
    const res = await upload(bytes, { name: "院校名录-广东省.xlsx" });
    expect(res).toMatchObject({ phase: "done", summary: { counts: { create: 0, update: 0, unchanged: 3, error: 0 }, issues: [] } });
  });

  it("an exported CSV is UTF-8 with a BOM, neutralises formulas, and re-imports unchanged", async () => {
    const bytes = await exportFile("csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const records = parseCsv(text);
    const header = records[0].cells;
    const row1 = records.find((r) => r.cells.includes("广州市第1导入技工学校"))!.cells;
    expect(row1[header.indexOf("联系人")]).toBe('\'=HYPERLINK("x")');
    expect(row1[header.indexOf("联系电话")]).toBe("'+86 20 1234 5678");
    expect(row1[header.indexOf("地址")]).toBe("广州市\n天河区 1 号");
    expect(row1[header.indexOf("办学状态")]).toBe("筹设");
    expect(text).not.toContain("杭州另一技师学院");
    const res = await upload(bytes, { name: "院校名录-广东省.csv" });
    expect(res).toMatchObject({ phase: "done", summary: { counts: { create: 0, update: 0, unchanged: 3, error: 0 } } });
  });

  it("an edited export updates exactly the edited cells, audited old → new", async () => {
    const text = new TextDecoder().decode((await exportFile("csv")).slice(3)).replaceAll("广州市人力资源和社会保障局", "广州市人社局（改）");
    const res = await upload(utf8(text));
    if (res.phase !== "done") throw new Error("upload failed");
    expect(res.summary.counts).toEqual({ create: 0, update: 3, unchanged: 0, error: 0 });
    expect(res.summary.sample[0].changes).toEqual([{ field: "sponsorName", column: "举办者", from: "广州市人力资源和社会保障局", to: "广州市人社局（改）" }]);
    const s = await db().school.findFirstOrThrow({ where: { nameZh: "广州市第2导入技工学校" } });
    const out = await commitImportAction({ jobId: res.jobId });
    expect(out).toMatchObject({ ok: true, data: { counts: { update: 3 } } });
    const after = await db().school.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ sponsorName: "广州市人社局（改）", version: s.version + 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: s.id, action: "school.update" } });
    expect(audit).toMatchObject({ source: "import", before: { sponsorName: "广州市人力资源和社会保障局" }, after: { sponsorName: "广州市人社局（改）" } });
  });

  it("refuses name, tier and status changes of registered schools (their own procedures)", async () => {
    const text = new TextDecoder().decode((await exportFile("csv")).slice(3));
    const edited = text.replace("广州市第3导入技工学校", "广州市第3导入技工学校（新名）").replace("高级技工学校", "技师学院").replace("筹设", "正常办学");
    const res = await upload(utf8(edited));
    if (res.phase !== "done") throw new Error("upload failed");
    expect(
      res.summary.issues
        .filter((i) => i.severity === "error")
        .map((i) => i.key)
        .sort(),
    ).toEqual(["importNeedsRename", "importNeedsStatusChange", "importNeedsTierChange"]);
  });

  it("the template reads back as a file with headers and no rows", async () => {
    const res = await templateRoute(new Request("http://localhost/console/imports/template?kind=schools"));
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1])).toBe("院校导入模板.xlsx");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(await readUpload(bytes, "schools")).toMatchObject({ ok: false, error: { key: "noRows" } });
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["院校", "说明", "代码表"]);
    const sheet = wb.getWorksheet("院校")!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const dv = (sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(dv).map((v) => v.formulae[0])).toContain('"技师学院,高级技工学校,技工学校"');
    expect(wb.getWorksheet("说明")!.getCell("A2").value).toBe("统一社会信用代码");
    const majors = await templateRoute(new Request("http://localhost/console/imports/template?kind=schoolMajors"));
    expect(await readUpload(new Uint8Array(await majors.arrayBuffer()), "schoolMajors")).toMatchObject({ ok: false, error: { key: "noRows" } });
  });
});
