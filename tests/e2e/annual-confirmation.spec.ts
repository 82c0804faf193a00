import { expect, test } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Annual confirmation (年度核验, issue 13 item 3) on the demo's running campaign: the Guangdong
 * officer follows the inbox item to the campaign page and confirms two records at once; the
 * ministry administrator sees Guangdong's progress grow and downloads the report. Axe on both views.
 */
test("an officer bulk-confirms from the inbox and the ministry sees the progress and the report", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAccounts.admin);
  await page.goto("/console/campaign");
  const gdRow = page.getByTestId("progress-guangdong");
  const confirmedBefore = Number(await gdRow.locator("td").first().innerText());

  await page.context().clearCookies();
  await signIn(page, demoAccounts.gdOfficer);
  const inbox = page.getByTestId("inbox-campaignToConfirm");
  await inbox.getByRole("link", { name: zh("inbox.items.campaignToConfirm") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("campaigns.title") })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const form = page.getByTestId("bulk-confirm");
  const boxes = form.getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await form.getByRole("button", { name: zh("campaigns.submit") }).click();
  await expect(form.getByText(zh("campaigns.done"))).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, demoAccounts.admin);
  await page.goto("/console/campaign");
  // At least the two: specs running beside this one (the inbox's) may confirm a Guangdong record too.
  const confirmedAfter = Number(await page.getByTestId("progress-guangdong").locator("td").first().innerText());
  expect(confirmedAfter).toBeGreaterThanOrEqual(confirmedBefore + 2);
  await expectNoSeriousA11yViolations(page);
  const report = await page.request.get("/console/campaign/report");
  expect(report.status()).toBe(200);
  expect(report.headers()["content-type"]).toContain("spreadsheetml");
});
