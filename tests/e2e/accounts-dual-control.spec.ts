import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn, submitSignIn } from "./support/sign-in";

/**
 * Dual control of privileged accounts (issue 12, finding 1; docs/decisions/0052), end to end: the
 * demo system administrator asks for a reset of an audit administrator's password and sees only
 * the first half of the one-time password; the demo security administrator approves it and sees
 * the second half; the audit administrator signs in with both halves and must change the password.
 *
 * The audit administrator is the spec's own, asked for and approved the same way first: the demo
 * `auditadmin` signs in with its documented password in other specs running beside this one.
 * Serial: each step uses the previous one's account and halves.
 */
test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const auditAdmin = { username: `e2e-aud-${tag}`, personId: `E2E-${tag}`, password: "Harbour-Crane-2026", renewed: "Lantern-Ridge-2027" };
const halves = { created: ["", ""], reset: ["", ""] };

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The security administrator approves the pending request about the account; returns the approver's half. */
async function approve(page: Page, username: string): Promise<string> {
  await signIn(page, demoAccounts.secadmin, /\/console\/security-policy$/);
  await page.getByRole("link", { name: zh("nav.accountRequests"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("accounts.requests.title") })).toBeVisible();
  const row = page.getByTestId(`request-${username}`);
  await row.getByRole("button", { name: zh("accounts.requests.approve"), exact: true }).click();
  // A confirmation first.
  await expect(row.getByRole("alertdialog")).toContainText(zh("accounts.requests.approveTitle"));
  await row.getByRole("button", { name: zh("accounts.requests.confirm"), exact: true }).click();
  const half = (await row.getByTestId("approver-half").innerText()).trim();
  expect(half).toHaveLength(10);
  return half;
}

/** Signs in with both halves, lands on the forced password change, and sets a new password. */
async function firstSignIn(browser: Browser, halvesOf: string[], next: string) {
  const page = await freshPage(browser);
  await submitSignIn(page, auditAdmin.username, halvesOf.join(""));
  await expect(page).toHaveURL(/\/console\/account\/password$/);
  await expect(page.getByTestId("must-change")).toHaveText(zh("accounts.password.mustChange"));
  await page.getByLabel(zh("accounts.password.current"), { exact: true }).fill(halvesOf.join(""));
  await page.getByLabel(zh("accounts.password.new"), { exact: true }).fill(next);
  await page.getByLabel(zh("accounts.password.confirm"), { exact: true }).fill(next);
  await page.getByRole("button", { name: zh("accounts.password.submit") }).click();
  await expect(page).toHaveURL(/\/console\/audit$/);
  await page.context().close();
}

test("the system administrator asks for an audit administrator: only half a password, no account yet", async ({ page }) => {
  await signIn(page, demoAccounts.sysadmin, /\/console\/accounts$/);
  await page.getByRole("link", { name: zh("accounts.list.new") }).click();
  await page.getByLabel(zh("accounts.new.username"), { exact: true }).fill(auditAdmin.username);
  await page.getByLabel(zh("accounts.new.displayName"), { exact: true }).fill("端到端审计管理员");
  await page.getByLabel(zh("accounts.new.role"), { exact: true }).selectOption({ label: zh("enums.role.AUDIT_ADMIN") });
  await expect(page.getByText(zh("accounts.requests.createPrivileged"))).toBeVisible();
  await page.getByLabel(zh("accounts.new.personId"), { exact: true }).fill(auditAdmin.personId);
  await page.getByLabel(zh("accounts.requests.reason"), { exact: true }).fill("新任审计管理员，工单 E2E");
  await page.getByRole("button", { name: zh("accounts.requests.submitRequest") }).click();
  halves.created[0] = (await page.getByTestId("requester-half").innerText()).trim();
  expect(halves.created[0]).toHaveLength(10);
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);

  // Nothing is created before the approval.
  await page.goto(`/console/accounts?q=${auditAdmin.username}`);
  await expect(page.getByText(zh("accounts.list.none"))).toBeVisible();
});

test("the security administrator sees the waiting requests (the demo's too) and approves the creation", async ({ page }) => {
  const half = await approve(page, auditAdmin.username);
  halves.created[1] = half;
  // The demo's own pending request (sysadmin asked to end the auditor's sessions) is listed too.
  await expect(page.getByTestId("request-auditor")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the new audit administrator signs in with both halves and must change the password", async ({ browser }) => {
  await firstSignIn(browser, halves.created, auditAdmin.password);
});

test("the system administrator cannot reset it directly: it asks for a reset and gets the first half", async ({ page }) => {
  await signIn(page, demoAccounts.sysadmin, /\/console\/accounts$/);
  await page.goto(`/console/accounts?q=${auditAdmin.username}`);
  await page.getByRole("link", { name: auditAdmin.username, exact: true }).click();
  await expect(page.getByText(zh("accounts.requests.privileged"))).toBeVisible();
  // The direct reset is not offered; the request is.
  await expect(page.getByRole("button", { name: zh("accounts.detail.reset"), exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: zh("accounts.requests.requestReset"), exact: true }).click();
  await page.getByLabel(zh("accounts.requests.reason"), { exact: true }).fill("本人遗失密码，当面申请");
  await page.getByRole("button", { name: zh("accounts.requests.submitRequest"), exact: true }).click();
  halves.reset[0] = (await page.getByTestId("requester-half").innerText()).trim();
  expect(halves.reset[0]).toHaveLength(10);
  await expectNoSeriousA11yViolations(page);

  // Until another person approves, the audit administrator's own password still works.
  const other = await freshPage(page.context().browser()!);
  await signIn(other, { ...demoAccounts.auditadmin, username: auditAdmin.username, password: auditAdmin.password }, /\/console\/audit$/);
  await other.context().close();
});

test("the security administrator approves the reset; the audit administrator signs in with both halves and must change it", async ({ page, browser }) => {
  halves.reset[1] = await approve(page, auditAdmin.username);
  await firstSignIn(browser, halves.reset, auditAdmin.renewed);
});
