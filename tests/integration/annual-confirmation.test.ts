import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as schoolGET } from "@/app/api/v1/schools/[id]/route";
import { closeCampaignAction, confirmCampaignRecordsAction, openCampaignAction } from "@/lib/campaigns/actions";
import { campaignReportRoute } from "@/lib/campaigns/export";
import { loadCampaign, loadConfirmationFlag } from "@/lib/campaigns/loaders";
import { addDays, clock, ymd } from "@/lib/kernel/dates";
import { confirmSchoolAction } from "@/lib/schools/actions";
import { call } from "../support/api-call";
import { signInAs, testUsers } from "../support/session";
import { fileTestDb } from "../support/test-db";
import { S, seedSelectionFixtures } from "./selection-fixtures";

/**
 * The annual confirmation (lib/campaigns) end to end through the real actions: open → confirm one
 * (the school page's confirm) and many (the campaign list) → progress equals counts made directly in
 * the database → close → the unconfirmed records flagged publicly (page loader and API), the
 * confirmed ones not. PGlite, and PostgreSQL with TEST_DATABASE_URL.
 */
const t = fileTestDb(seedSelectionFixtures);
const schoolRow = (id: string) => t.client.school.findUniqueOrThrow({ where: { id } });
const item = async (id: string) => `${id}:${(await schoolRow(id)).version}`;

beforeAll(async () => {
  // Every fixture record was confirmed before the campaign opened.
  await t.client.school.updateMany({ data: { lastConfirmedAt: addDays(clock.now(), -30) } });
});
afterEach(() => signInAs(null));

describe("annual confirmation", () => {
  it("runs from opening to the public flag", async () => {
    signInAs(testUsers.admin);
    const deadline = ymd(addDays(clock.now(), 30))!;
    expect(await openCampaignAction({ year: 2026, deadline: ymd(addDays(clock.now(), -1))! })).toMatchObject({
      ok: false,
      fieldErrors: { deadline: expect.anything() },
    });
    expect(await openCampaignAction({ year: 2026, deadline })).toMatchObject({ ok: true });
    expect(await openCampaignAction({ year: 2027, deadline })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    signInAs(testUsers.gdOfficer);
    expect((await loadCampaign()).pending.map((r) => r.id)).toContain(S.gd1);

    // One by one (the school page's confirm), and many at once.
    expect(await confirmSchoolAction({ id: S.gd1, version: (await schoolRow(S.gd1)).version })).toMatchObject({ ok: true });
    const before = await schoolRow(S.gd2);
    expect(await confirmCampaignRecordsAction({ items: [await item(S.gd2), await item(S.gd3)] })).toMatchObject({ ok: true, data: { confirmed: 2 } });
    expect((await schoolRow(S.gd2)).version).toBe(before.version + 1);
    const audits = await t.client.auditEvent.count({ where: { action: "school.confirm", entityId: { in: [S.gd2, S.gd3] } } });
    expect(audits).toBe(2);

    // Another province's record through the bulk action: not found, and nothing of the batch written.
    const gdDesignated = await schoolRow(S.gdDesignated);
    expect(await confirmCampaignRecordsAction({ items: [await item(S.gdDesignated), await item(S.zj1)] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await schoolRow(S.gdDesignated)).version).toBe(gdDesignated.version);
    expect((await schoolRow(S.zj1)).lastConfirmedAt!.getTime()).toBeLessThan(clock.now().getTime() - 86_400_000);

    // Progress equals counts made directly in the database.
    signInAs(testUsers.admin);
    const page = await loadCampaign();
    const counted = await t.client.$queryRawUnsafe<{ authorityId: string; total: bigint; confirmed: bigint }[]>(
      `SELECT "authorityId", count(*) AS total, count(*) FILTER (WHERE "lastConfirmedAt" >= $1) AS confirmed
         FROM "School" WHERE "status"::text IN ('PREPARING','OPERATING','ENROLMENT_SUSPENDED','RECTIFYING') GROUP BY "authorityId"`,
      page.campaign!.openedAt,
    );
    expect(page.progress.map((r) => [r.id, r.total, r.confirmed]).sort()).toEqual(
      counted.map((r) => [r.authorityId, Number(r.total), Number(r.confirmed)]).sort(),
    );
    expect(page.progress.find((r) => r.id === "guangdong")!.confirmed).toBe(3);

    // The closing report: who confirmed what and when.
    const res = await campaignReportRoute(
      (k) => k,
      (n) => n.nameZh,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const byName = new Map(rows.map((r) => [r[3], r]));
    expect(byName.get("广东省机械技师学院")?.[5]).toBe(testUsers.gdOfficer.displayName);
    expect(byName.get("杭州技师学院")?.[5] ?? "").toBe("");

    // Not flagged while the campaign runs; after closing, the unconfirmed are, the confirmed are not.
    const flag = async (id: string) => loadConfirmationFlag({ status: "OPERATING", lastConfirmedAt: (await schoolRow(id)).lastConfirmedAt!.toISOString() });
    expect(await flag(S.zj1)).toBeNull();
    expect(await closeCampaignAction({ campaignId: page.campaign!.id })).toMatchObject({ ok: true });
    expect(await flag(S.zj1)).toEqual({ year: 2026 });
    expect(await flag(S.gd2)).toBeNull();
    const api = async (id: string) =>
      ((await call(schoolGET, `/api/v1/schools/${id}`, { params: { id } })).json as { notConfirmedOnTime: number | null }).notConfirmedOnTime;
    expect(await api(S.zj1)).toBe(2026);
    expect(await api(S.gd1)).toBeNull();
  });

  it("lets only the ministry administrator open and close, and officers confirm only their own", async () => {
    for (const user of [testUsers.ministry, testUsers.gdOfficer, testUsers.auditor]) {
      signInAs(user);
      expect(await openCampaignAction({ year: 2030, deadline: "2030-12-31" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs(testUsers.zjOfficer);
    expect(await confirmCampaignRecordsAction({ items: [await item(S.gd1)] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
