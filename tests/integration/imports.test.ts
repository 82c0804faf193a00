import iconv from "iconv-lite";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getAuthorityScope } from "@/lib/auth/gates";
import { db } from "@/lib/db/client";
import { commitImportAction } from "@/lib/imports/actions";
import { commitImport } from "@/lib/imports/mutations";
import { signInAs, testUsers } from "../support/session";
import { csvOf, schoolRow, upload, utf8 } from "./imports-fixtures";
import { translatorFor } from "./imports-i18n";
import { fakeUscc, schoolTestDb } from "./schools-fixtures";
import { actorNamed, write } from "../support/write";

vi.mock("next-intl/server", () => import("./imports-i18n"));

const t = schoolTestDb();
beforeEach(() => signInAs(testUsers.gdOfficer));

const registry = async () => ({
  schools: await db().school.count(),
  audit: await db().auditEvent.count({ where: { entityType: { in: ["School", "SchoolMajor"] } } }),
  changes: await db().schoolChange.count(),
});

describe("dry run", () => {
  it("reports exactly the three bad rows (row, column, message) and writes nothing", async () => {
    const rows = [schoolRow(1), schoolRow(2), schoolRow(3), schoolRow(4), schoolRow(5), schoolRow(6)];
    const badUscc = fakeUscc(100002).slice(0, 17) + (fakeUscc(100002).endsWith("0") ? "1" : "0");
    rows[1] = schoolRow(2, { 统一社会信用代码: badUscc }); // Excel row 3
    rows[3] = schoolRow(4, { 层次: "技术学院" }); // Excel row 5
    rows[5] = schoolRow(6, { 院校名称: rows[0].院校名称 }); // Excel row 7: same name as row 2
    const before = await registry();
    const res = await upload(utf8(csvOf(rows)));
    expect(res.phase).toBe("done");
    if (res.phase !== "done") return;
    expect(res.summary.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 3 });
    const errors = res.summary.issues.filter((i) => i.severity === "error").map((i) => [i.row, i.column, i.message]);
    const expected = fakeUscc(100002).slice(-1);
    expect(errors).toEqual([
      [3, "统一社会信用代码", `统一社会信用代码校验位错误：应为“${expected}”，实为“${badUscc.slice(-1)}”。`],
      [5, "层次", "应为以下之一：技师学院、高级技工学校、技工学校。"],
      [7, "院校名称", "与本文件第 2 行重复。"],
    ]);
    expect(await registry()).toEqual(before);
    // The page showed "checking N rows" before the result.
    expect(res.lines[1]).toMatchObject({ phase: "checking", rows: 6, format: "csv", encoding: "utf-8" });
  });

  it("renders the messages in English for an English reader", async () => {
    const { renderSummary } = await import("@/lib/imports/render");
    const s = renderSummary(
      {
        kind: "schools",
        total: 1,
        counts: { create: 0, update: 0, unchanged: 0, error: 1 },
        sample: [],
        issues: [{ row: 2, column: "层次", field: "tier", value: "x", key: "required", severity: "error" }],
      },
      translatorFor("validation", "en"),
    );
    expect(s.issues[0].message).toBe("Required.");
  });

  it("refuses what is not a spreadsheet, empty files and files without the required columns", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(await upload(png, { name: "院校.csv" })).toMatchObject({ phase: "error", error: { key: "notSpreadsheet" } });
    expect(await upload(new Uint8Array(), { name: "x.csv" })).toMatchObject({ phase: "error", error: { key: "empty" } });
    const missing = await upload(utf8("院校名称,层次\n广州市甲技工学校,技工学校\n"));
    expect(missing).toMatchObject({ phase: "error", error: { key: "missingColumns", message: "缺少必填的列：办学性质、举办者类型。" } });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]);
    expect(await upload(xls, { name: "a.xlsx" })).toMatchObject({ phase: "error", error: { key: "xls" } });
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    expect(await upload(big)).toMatchObject({ phase: "error", error: { key: "tooLarge" }, status: 413 });
    const fake = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await upload(fake, { name: "a.xlsx" })).toMatchObject({ phase: "error", error: { key: "notSpreadsheet" } });
  });

  it("reads a CSV saved by Excel in China (GB18030) and one chosen explicitly", async () => {
    const text = csvOf([schoolRow(50)]);
    const auto = await upload(iconv.encode(text, "gb18030"));
    expect(auto).toMatchObject({ phase: "done", summary: { counts: { create: 1, error: 0 } } });
    expect(auto.lines[1]).toMatchObject({ encoding: "gb18030" });
    const chosen = await upload(iconv.encode(text, "gbk"), { encoding: "gb18030" });
    expect(chosen).toMatchObject({ phase: "done", summary: { counts: { create: 1 } } });
    const wrong = await upload(iconv.encode(text, "gb18030"), { encoding: "utf-8" });
    expect(wrong).toMatchObject({ phase: "error", error: { key: "invalidEncoding" } });
  });
});

describe("commit", () => {
  it("writes every row of a fixed file in one transaction, audited with the import as source", async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((n) => schoolRow(10 + n));
    const res = await upload(utf8(csvOf(rows)), { name: "广东院校-修正.csv" });
    if (res.phase !== "done") throw new Error(JSON.stringify(res));
    expect(res.summary.counts).toEqual({ create: 6, update: 0, unchanged: 0, error: 0 });
    const before = await registry();
    const version = async () => (await t.client.$queryRawUnsafe<{ version: bigint }[]>(`SELECT "version" FROM "DataVersion" WHERE "id" = 1`))[0].version;
    const v0 = await version();
    const out = await commitImportAction({ jobId: res.jobId });
    expect(out).toMatchObject({ ok: true, data: { counts: { create: 6, update: 0 } } });
    // Bulk-load convention: the per-row triggers are skipped and the data version rises exactly once.
    expect(await version()).toBe(v0 + 1n);
    expect(await registry()).toEqual({ schools: before.schools + 6, audit: before.audit + 6, changes: before.changes + 6 });
    const s = await db().school.findFirstOrThrow({ where: { nameZh: "广州市第11导入技工学校" } });
    expect(s).toMatchObject({ authorityId: "guangdong", tier: "TECHNICAL_SCHOOL", status: "OPERATING", divisionCode: "440100", fullTimeStudents: 900 });
    expect(s.publicCode).toMatch(/^[2-9A-Z]{8}$/);
    expect(s.namePinyin).toBe("guangzhoushidi11daorujigongxuexiao");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "School", entityId: s.id } });
    expect(audit).toMatchObject({ action: "school.create", source: "import", authorityId: "guangdong", reason: `广东院校-修正.csv (import ${res.jobId})` });
    expect((audit.after as Record<string, unknown>).approvalDate).toBe("2020-06-01");
    expect(await db().schoolChange.findFirst({ where: { schoolId: s.id, kind: "ESTABLISH" } })).not.toBeNull();
    // A second confirmation (double click, another tab) writes nothing more.
    expect(await commitImportAction({ jobId: res.jobId })).toMatchObject({ ok: true, data: { alreadyCommitted: true } });
    expect((await registry()).schools).toBe(before.schools + 6);
  });

  it("refuses a dry run older than JOB_TTL_MS (it must be uploaded again) and writes nothing; one just inside the time commits", async () => {
    const { JOB_TTL_MS } = await import("@/lib/imports/limits");
    const res = await upload(utf8(csvOf([schoolRow(40)])));
    if (res.phase !== "done") throw new Error("upload failed");
    const before = await registry();
    await db().importJob.update({ where: { id: res.jobId }, data: { createdAt: new Date(Date.now() - JOB_TTL_MS - 60_000) } });
    expect(await commitImportAction({ jobId: res.jobId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await registry()).toEqual(before);
    await db().importJob.update({ where: { id: res.jobId }, data: { createdAt: new Date(Date.now() - JOB_TTL_MS + 60_000) } });
    expect(await commitImportAction({ jobId: res.jobId })).toMatchObject({ ok: true });
    expect((await registry()).schools).toBe(before.schools + 1);
  });

  it("re-validates at commit time: data changed since the dry run → nothing written, the new dry run returned", async () => {
    const res = await upload(utf8(csvOf([schoolRow(30), schoolRow(31)])));
    if (res.phase !== "done") throw new Error("upload failed");
    // Meanwhile someone registers a school with row 3's credit code.
    await db().school.create({
      data: {
        publicCode: "RACE0001",
        nameZh: "抢先登记技工学校",
        tier: "TECHNICAL_SCHOOL",
        ownership: "PUBLIC",
        sponsorType: "ENTERPRISE",
        authorityId: "guangdong",
        uscc: fakeUscc(100031),
      },
    });
    const before = await registry();
    const out = await commitImportAction({ jobId: res.jobId });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.code).toBe("VALIDATION");
    const summary = out.detail!.summary as { issues: { row: number; column: string; message: string }[] };
    expect(summary.issues.map((i) => [i.row, i.column, i.message])).toEqual([[3, "统一社会信用代码", "该统一社会信用代码已被“抢先登记技工学校”使用。"]]);
    expect(await registry()).toEqual(before);
  });

  it("a failure in the middle of the writes leaves no row written", async () => {
    // A row that passes every check but violates a database constraint when it is written,
    // placed after two full batches of 500 and after an update of an existing school.
    await t.client.$executeRawUnsafe(`ALTER TABLE "School" ADD CONSTRAINT import_test_fault CHECK ("nameZh" <> '故障注入技工学校')`);
    try {
      const existing = await db().school.findFirstOrThrow({ where: { nameZh: "广州市第12导入技工学校" } });
      const rows = Array.from({ length: 1200 }, (_, i) => schoolRow(1000 + i));
      rows[1100] = schoolRow(2100, { 院校名称: "故障注入技工学校" });
      rows.push({ ...schoolRow(12), 统一社会信用代码: existing.uscc, 全日制在校生数: 1234 });
      const res = await upload(utf8(csvOf(rows)));
      if (res.phase !== "done") throw new Error("upload failed");
      expect(res.summary.counts).toEqual({ create: 1200, update: 1, unchanged: 0, error: 0 });
      const before = await registry();
      const officer = testUsers.gdOfficer;
      const scope = getAuthorityScope(officer);
      await expect(write((ctx) => commitImport(ctx, res.jobId), { actor: actorNamed(officer.id, officer.displayName), scope })).rejects.toThrow(
        /import_test_fault|check constraint/i,
      );
      expect(await registry()).toEqual(before);
      expect(await db().school.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ version: existing.version, fullTimeStudents: 900 });
      expect(await db().importJob.findUniqueOrThrow({ where: { id: res.jobId } })).toMatchObject({ status: "DRY_RUN", committedAt: null });
    } finally {
      await t.client.$executeRawUnsafe(`ALTER TABLE "School" DROP CONSTRAINT import_test_fault`);
    }
  });
});
