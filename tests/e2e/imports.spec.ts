import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { usccCheckChar } from "../../lib/schools/uscc";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Issue 3 items 9 and 10 in the browser, as the Guangdong officer: download the template, upload a
 * CSV with three bad rows and see exactly those three errors, upload the fixed file and confirm it,
 * see the summary; then export the list as .xlsx and import it again with no changes.
 * Files are built here (nothing binary is committed); names carry a run id, so the spec can run
 * again on the same database.
 */
const run = Date.now().toString(36).slice(-5);
const serial = () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
const uscc = () => {
  const first17 = `12440100MB${serial()}`;
  return first17 + usccCheckChar(first17);
};

const HEADERS = ["统一社会信用代码", "院校名称", "层次", "办学性质", "举办者类型", "所在地市代码", "全日制在校生数"];
const row = (n: number, over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    统一社会信用代码: uscc(),
    院校名称: `广州市端到端${run}第${n}技工学校`,
    层次: "技工学校",
    办学性质: "公办",
    举办者类型: "人社部门",
    所在地市代码: "440100",
    全日制在校生数: "900",
  };
  return HEADERS.map((h) => over[h] ?? base[h]);
};
const csv = (rows: string[][]) => "\uFEFF" + [HEADERS, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n";

async function uploadFile(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.getByLabel(zh("imports.file")).setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: zh("imports.check") }).click();
  await expect(page.getByTestId("dry-run")).toBeVisible({ timeout: 60_000 });
}

const count = (page: Page, key: string) =>
  page
    .getByTestId("dry-run-counts")
    .locator("div", { has: page.getByText(zh(key), { exact: true }) })
    .locator("div")
    .nth(1);

test("an officer imports schools from a file, fixes three bad rows, and re-imports an export unchanged", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAccounts.gdOfficer);
  await page
    .getByRole("navigation", { name: zh("nav.consoleNav") })
    .getByRole("link", { name: zh("nav.imports") })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: zh("imports.title") })).toBeVisible();

  // The template: an .xlsx with the Chinese headers.
  const [template] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-schools").click()]);
  expect(template.suggestedFilename()).toBe("院校导入模板.xlsx");
  const bytes = fs.readFileSync((await template.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");

  // Three bad rows among six: a wrong check character, an unknown tier, a city of another province.
  const good = [1, 2, 3, 4, 5, 6].map((n) => row(n));
  const bad = good.map((r) => [...r]);
  const code = bad[1][0];
  bad[1][0] = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
  bad[3][2] = "技术学院";
  bad[4][5] = "330100";
  await uploadFile(page, "院校-有错.csv", Buffer.from(csv(bad)), "text/csv");
  const errors = page.getByTestId("import-errors").locator("tbody tr");
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText("3");
  await expect(errors.nth(0)).toContainText("统一社会信用代码");
  await expect(errors.nth(0)).toContainText("校验位错误");
  await expect(errors.nth(1)).toContainText("层次");
  await expect(errors.nth(1)).toContainText(zh("validation.enumValue", { allowed: "技师学院、高级技工学校、技工学校" }));
  await expect(errors.nth(2)).toContainText("所在地市代码");
  await expect(errors.nth(2)).toContainText(zh("validation.divisionNotInAuthority"));
  await expect(count(page, "imports.countError")).toHaveText("3");
  await expect(page.getByRole("button", { name: zh("imports.confirm") })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The fixed file: confirm in the dialog, see the summary.
  await page.getByRole("button", { name: zh("imports.again") }).click();
  await uploadFile(page, "院校-已修正.csv", Buffer.from(csv(good)), "text/csv");
  await expect(count(page, "imports.countCreate")).toHaveText("6");
  await expect(page.getByTestId("import-errors")).toHaveCount(0);
  await page.getByRole("button", { name: zh("imports.confirm") }).click();
  const dialog = page.getByRole("dialog", { name: zh("imports.confirmTitle") });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: zh("imports.confirmYes") }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText(zh("imports.resultTitle"), { timeout: 60_000 });
  await expect(result).toContainText(zh("imports.resultBody", { create: 6, update: 0, unchanged: 0 }));
  await expect(result.getByRole("link", { name: `广州市端到端${run}第1技工学校` })).toBeVisible();

  // Export the officer's list as .xlsx and import it again: nothing changes.
  await page.getByRole("button", { name: zh("imports.again") }).click();
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  expect(exported.suggestedFilename()).toMatch(/^院校名录-广东省-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const xlsx = fs.readFileSync((await exported.path())!);
  await uploadFile(page, exported.suggestedFilename(), xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  await expect(count(page, "imports.countCreate")).toHaveText("0");
  await expect(count(page, "imports.countUpdate")).toHaveText("0");
  await expect(count(page, "imports.countError")).toHaveText("0");
  expect(Number(await count(page, "imports.countUnchanged").innerText())).toBeGreaterThanOrEqual(6);
  await expect(page.getByText(zh("imports.nothingToImport"))).toBeVisible();
});
