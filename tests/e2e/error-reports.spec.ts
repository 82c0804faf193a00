import { expect, test } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Public error reports (纠错, issue 13 item 4): a report filed from a public school page without
 * sign-in gets a code; it reaches the Guangdong officer's inbox; the officer accepts it through the
 * edit form, the correction is public and the history names the report; the reporter's code page
 * shows the outcome and nothing the reporter typed. Axe on the form, the console list and the code page.
 */
test("a public error report goes from the school page to the officer's inbox to a public correction", async ({ page }) => {
  test.setTimeout(180_000);
  const list = await page.request.get("/api/v1/schools?authority=guangdong&pageSize=5");
  const school = ((await list.json()) as { data: { id: string; publicCode: string; nameZh: string }[] }).data[4];
  const website = `https://www.e2e-${Date.now()}.example.edu.cn/`;
  const problem = "学校网址已经更换，页面上的旧网址打不开。";

  // The public page → the form, no sign-in.
  await page.goto(`/schools/${school.publicCode}`);
  await page.getByRole("link", { name: zh("errorReports.link") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("errorReports.form.title") })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel(zh("errorReports.form.field")).selectOption({ label: zh("schoolPage.fields.website") });
  await page.getByLabel(zh("errorReports.form.problem")).fill(problem);
  await page.getByLabel(zh("errorReports.form.proposed")).fill(website);
  await page.getByLabel(zh("errorReports.form.contact")).fill("reporter@example.org");
  await page.getByRole("button", { name: zh("errorReports.form.submit") }).click();
  const code = (await page.getByTestId("report-code").innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  await page.getByRole("link", { name: zh("errorReports.form.checkLink") }).click();
  await expect(page.getByTestId("report-outcome").locator('[data-field="status"]')).toHaveText(zh("errorReports.state.OPEN"));

  // The officer's inbox → the list → accept through the edit form.
  await signIn(page, demoAccounts.gdOfficer);
  const inbox = page.getByTestId("inbox-errorReports");
  await expect(inbox).toBeVisible();
  await inbox.getByRole("link", { name: zh("inbox.items.errorReports") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("errorReports.console.title") })).toBeVisible();
  const row = page.getByTestId(`report-${code}`);
  await expect(row).toContainText(problem);
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("link", { name: zh("errorReports.console.accept") }).click();
  await expect(page.getByTestId("error-report-notice")).toContainText(code);
  await page.getByTestId("school-form").getByLabel(zh("schools.fields.website"), { exact: true }).fill(website);
  await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/console/schools/${school.id}\\?saved=updated`));
  await expect(page.getByTestId("history-error-report").first()).toHaveText(zh("errorReports.history", { code }));

  // The correction is public; the reporter's page shows the outcome and nothing typed.
  await page.goto(`/schools/${school.publicCode}`);
  await expect(page.getByText(website).first()).toBeVisible();
  await page.goto(`/error-reports?code=${code.toLowerCase()}`);
  const outcome = page.getByTestId("report-outcome");
  await expect(outcome.locator('[data-field="status"]')).toHaveText(zh("errorReports.state.ACCEPTED"));
  await expect(outcome.locator('[data-field="resolution"]')).toHaveText(zh("errorReports.status.accepted"));
  await expect(page.locator("main")).not.toContainText(problem);
  await expect(page.locator("main")).not.toContainText("reporter@example.org");
  await expectNoSeriousA11yViolations(page);
});
