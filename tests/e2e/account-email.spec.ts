import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * An account's e-mail address (docs/decisions/0069): the holder sets their own on /console/account,
 * the system administrator a non-privileged account's on its page; a wrong address is refused on
 * the field, a right one is stored lower-case. (Mail itself: tests/integration/notification-mail.test.ts.)
 */
async function saveEmail(page: Page, value: string) {
  const field = page.getByLabel(zh("accountEmail.label"), { exact: true });
  await field.fill(value);
  await page.getByRole("button", { name: zh("accountEmail.save") }).click();
  return field;
}

test("the holder's own address: refused when wrong, stored lower-case when right", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAccounts.expert3);
  await page.goto("/console/account");
  const field = page.getByLabel(zh("accountEmail.label"), { exact: true });
  await expect(field).toHaveValue("expert3@example.com");
  await expectNoSeriousA11yViolations(page);

  await saveEmail(page, "expert3@");
  await expect(page.getByText(zh("validation.emailFormat"))).toBeVisible({ timeout: 30_000 });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);

  await saveEmail(page, "  Expert3.Mail@Example.COM ");
  await expect(page.getByText(zh("accountEmail.saved", { email: "expert3.mail@example.com" }))).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByLabel(zh("accountEmail.label"), { exact: true })).toHaveValue("expert3.mail@example.com");
});

test("the system administrator sets a non-privileged account's address, not a privileged one's", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAccounts.sysadmin, /\/console\/accounts$/);
  await page.goto("/console/accounts/demo-user-expert4");
  await expect(page.getByLabel(zh("accountEmail.label"), { exact: true })).toHaveValue("expert4@example.com");

  await saveEmail(page, "two@example.com, addresses@example.com");
  await expect(page.getByText(zh("validation.emailFormat"))).toBeVisible({ timeout: 30_000 });
  await saveEmail(page, "Reviewer4@Example.org");
  await expect(page.getByText(zh("accountEmail.saved", { email: "reviewer4@example.org" }))).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: "reviewer4@example.org" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A privileged account's address is its holder's to set: no form here.
  await page.goto("/console/accounts/demo-user-auditor");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByLabel(zh("accountEmail.label"), { exact: true })).toHaveCount(0);
});
