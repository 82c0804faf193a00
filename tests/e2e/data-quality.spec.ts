import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Data quality (issue 13, item 2): the officer and the ministry open /console/quality from the
 * navigation, drill into one number (its list has exactly that many records) and export the page
 * as .xlsx (the sheet carries the same number). Axe on the page and on the drill-down.
 */
test.setTimeout(180_000);
const numberOf = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ""));

async function openQuality(page: Page) {
  await page.getByRole("link", { name: zh("nav.quality"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("quality.title") })).toBeVisible({ timeout: 60_000 });
}

async function exported(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("quality-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^数据质量-.+-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  return { ws, header };
}

test("the province officer sees their own authority, drills into stale records and exports", async ({ page }) => {
  await signIn(page, demoAccounts.gdOfficer);
  await openQuality(page);
  await expect(page.getByTestId("quality-scope")).toHaveText(zh("quality.scopeAuthority", { authority: "广东省" }));
  // One row: the officer's own authority; no other authority's numbers.
  await expect(page.getByTestId("quality-upkeep").getByRole("row")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  const stale = await numberOf(page, "q-stale-guangdong");
  expect(stale).toBeGreaterThan(0);
  await page.getByTestId("q-stale-guangdong").click();
  await expect(page.getByTestId("quality-list-title")).toHaveText(zh("quality.list.title", { measure: zh("quality.measures.stale") }));
  await expect(page.getByTestId("quality-list-count")).toHaveText(zh("quality.list.count", { n: stale }));
  await expect(page.getByTestId("quality-list").locator("tbody tr")).toHaveCount(Math.min(stale, 100));
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: zh("quality.list.back") }).click();
  const { ws, header } = await exported(page);
  expect(header.slice(0, 2)).toEqual([zh("quality.authority"), zh("quality.total")]);
  const column = header.indexOf(zh("quality.measures.stale")) + 1;
  expect(ws.rowCount).toBe(2);
  expect(ws.getRow(2).getCell(1).value).toBe("广东省");
  expect(ws.getRow(2).getCell(column).value).toBe(stale);
});

test("the ministry sees every authority side by side, chooses one, drills in and exports", async ({ page }) => {
  await signIn(page, demoAccounts.admin);
  await openQuality(page);
  await expect(page.getByTestId("quality-scope")).toHaveText(zh("quality.scopeAll"));
  const rows = page.getByTestId("quality-upkeep").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(1);
  await expectNoSeriousA11yViolations(page);

  const national = await numberOf(page, "q-missingRequired-all");
  const { ws, header } = await exported(page);
  const column = header.indexOf(zh("quality.measures.missingRequired")) + 1;
  expect(ws.getRow(ws.rowCount).getCell(1).value).toBe(zh("quality.national"));
  expect(ws.getRow(ws.rowCount).getCell(column).value).toBe(national);

  await page.getByTestId("quality-upkeep").getByRole("link", { name: "广东省", exact: true }).click();
  await expect(page.getByTestId("quality-scope")).toHaveText(zh("quality.scopeAuthority", { authority: "广东省" }));
  const own = await numberOf(page, "q-missingRequired-guangdong");
  await page.getByTestId("q-missingRequired-guangdong").click();
  await expect(page.getByTestId("quality-list-count")).toHaveText(zh("quality.list.count", { n: own }));
  const cells = page.getByTestId("quality-list").locator("tbody tr td:nth-child(2)");
  await expect(cells).toHaveCount(Math.min(own, 100));
  for (const text of await cells.allInnerTexts()) expect(text).toBe("广东省");
});
