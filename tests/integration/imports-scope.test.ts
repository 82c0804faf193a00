import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { commitImportAction } from "@/lib/imports/actions";
import { exportSchoolsRoute } from "@/lib/exports/routes";
import { templateRoute } from "@/lib/imports/routes";
import { signInAs, testUsers } from "../support/session";
import { csvOf, schoolRow, upload, utf8 } from "./imports-fixtures";
import { fakeUscc, schoolTestDb } from "./schools-fixtures";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/** Authorization: an officer imports and exports only their own authority's schools and majors. */
const t = schoolTestDb();
let zjSchool: { id: string; uscc: string | null; nameZh: string };
beforeAll(async () => {
  zjSchool = await t.client.school.create({
    data: {
      publicCode: "ZJ000001",
      nameZh: "杭州测试技师学院",
      tier: "TECHNICIAN_COLLEGE",
      ownership: "PUBLIC",
      sponsorType: "HR_DEPARTMENT",
      authorityId: "zhejiang",
      uscc: fakeUscc(900001),
      divisionCode: "330100",
    },
    select: { id: true, uscc: true, nameZh: true },
  });
});
beforeEach(() => signInAs(testUsers.gdOfficer));

const errorsOf = (res: Awaited<ReturnType<typeof upload>>) =>
  res.phase === "done" ? res.summary.issues.filter((i) => i.severity === "error").map((i) => [i.row, i.column, i.key]) : res;

describe("an officer cannot import into another authority", () => {
  it("rows of another authority, its schools and its cities are errors on those rows", async () => {
    const res = await upload(
      utf8(
        csvOf([
          schoolRow(1, { 登记机关: "广东" }),
          schoolRow(2, { 登记机关: "浙江", 所在地市代码: "" }),
          schoolRow(3, { 登记机关: "zhejiang", 所在地市代码: "330100" }),
          schoolRow(4, { 登记编号: zjSchool.id, 院校名称: zjSchool.nameZh }),
          schoolRow(5, { 统一社会信用代码: zjSchool.uscc }),
          schoolRow(6, { 所在地市代码: "330100" }),
        ]),
      ),
    );
    expect(errorsOf(res)).toEqual([
      [3, "登记机关", "importAuthorityNotYours"],
      [4, "登记机关", "importAuthorityNotYours"],
      [5, "登记编号", "importSchoolOtherAuthority"],
      [6, "统一社会信用代码", "usccTaken"],
      [7, "所在地市代码", "divisionNotInAuthority"],
    ]);
    if (res.phase === "done") expect(res.summary.counts).toMatchObject({ create: 1, error: 5 });
    expect(await db().school.findUniqueOrThrow({ where: { id: zjSchool.id }, select: { version: true } })).toEqual({ version: 1 });
  });

  it("another officer cannot confirm someone else's dry run; experts and auditors cannot upload", async () => {
    const res = await upload(utf8(csvOf([schoolRow(20)])));
    if (res.phase !== "done") throw new Error("upload failed");
    signInAs(testUsers.zjOfficer);
    expect(await commitImportAction({ jobId: res.jobId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(testUsers.admin);
    expect(await commitImportAction({ jobId: res.jobId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const u of [testUsers.expert, testUsers.auditor]) {
      signInAs(u);
      expect(await upload(utf8(csvOf([schoolRow(21)])))).toMatchObject({ phase: "error", status: 403 });
      expect(await commitImportAction({ jobId: res.jobId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect((await templateRoute(new Request("http://x/console/imports/template"))).status).toBe(403);
    }
    signInAs(null);
    expect(await upload(utf8(csvOf([schoolRow(22)])))).toMatchObject({ phase: "error", status: 401 });
    expect(await db().school.count({ where: { nameZh: { startsWith: "广州市第2" } } })).toBe(0);
  });

  it("a ministry import may name any authority, but each row must name one", async () => {
    signInAs(testUsers.admin);
    const res = await upload(utf8(csvOf([schoolRow(30, { 登记机关: "浙江", 所在地市代码: "330100" }), schoolRow(31, { 登记机关: "" })])));
    expect(errorsOf(res)).toEqual([[3, "登记机关", "required"]]);
  });

  it("a cross-site post is refused", async () => {
    const { uploadRoute } = await import("@/lib/imports/routes");
    const fd = new FormData();
    fd.set("kind", "schools");
    fd.set("file", new File([utf8(csvOf([schoolRow(40)])) as BlobPart], "a.csv"));
    const res = await uploadRoute(
      new Request("http://localhost/console/imports/upload", { method: "POST", body: fd, headers: { origin: "https://evil.example", host: "localhost" } }),
    );
    expect(res.status).toBe(403);
  });
});

describe("export is gated like the list", () => {
  const get = (q: string) => exportSchoolsRoute(new Request(`http://localhost/console/schools/export?${q}`));

  it("an officer exports their own authority only; naming another is 403", async () => {
    expect((await get("format=csv&authority=zhejiang")).status).toBe(403);
    const own = await get("format=csv");
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain("杭州测试技师学院");
    signInAs(testUsers.expert);
    expect((await get("format=csv")).status).toBe(403);
    signInAs(null);
    expect((await get("format=csv")).status).toBe(401);
  });

  it("the ministry exports any authority, with a Chinese file name", async () => {
    signInAs(testUsers.ministry);
    const res = await get("format=xlsx&authority=zhejiang");
    expect(res.status).toBe(200);
    const cd = res.headers.get("content-disposition")!;
    expect(cd).toMatch(/^attachment; filename="school-registry-zhejiang-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toMatch(/^院校名录-浙江省-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(res.headers.get("x-row-count")).toBe("1");
    expect((await get("format=pdf")).status).toBe(400);
  });
});
