import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccounts, type DemoAccount } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * The work inbox on each console home (issue 13, item 1): every role signs in, finds its own work
 * from the demo data on /console, and acts on one item from there. Axe runs on each home.
 */
const item = (page: Page, key: string) => page.getByTestId(`inbox-${key}`);
const countOf = async (entry: Locator) => Number((await entry.getByTestId("inbox-count").innerText()).replace(/\D/g, ""));

/** Opens the row of an item that names `text` (other specs may add rows of their own), after checking its due date. */
async function openDueRow(page: Page, key: string, text: string) {
  const entry = item(page, key);
  expect(await countOf(entry)).toBeGreaterThan(0);
  const row = entry.getByRole("listitem").filter({ hasText: text });
  await expect(row).toContainText(zh("inbox.due", { date: "" }).trim());
  await row.getByRole("link").click();
}

async function openHome(page: Page, account: DemoAccount, landing?: RegExp) {
  await signIn(page, account, landing);
  if (!/\/console(\?|$)/.test(page.url())) await page.getByRole("link", { name: zh("nav.consoleHome"), exact: true }).click();
  await expect(page).toHaveURL(/\/console(\?|$)/);
  await expect(page.getByRole("heading", { level: 2, name: zh("inbox.title") })).toBeVisible();
}

test("the province officer confirms a stale record reached from the inbox", async ({ page }) => {
  await openHome(page, demoAccounts.gdOfficer);
  const stale = item(page, "staleRecords");
  const before = await countOf(stale);
  expect(before).toBeGreaterThan(0);
  // The home's two school numbers are labelled apart (on the register / every record the list counts).
  await expect(page.getByTestId("home-numbers")).toContainText(zh("console.schoolsInScope"));
  await expect(page.getByTestId("home-numbers")).toContainText(zh("console.recordsInScope"));
  await expectNoSeriousA11yViolations(page);

  const first = stale.getByRole("listitem").first().getByRole("link");
  const name = await first.innerText();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByTestId("confirm-school").click();
  await expect(page.getByTestId("confirm-message")).toHaveText(zh("schools.page.confirmDone"));

  await page.goto("/console");
  // Fewer than before (specs running beside this one may confirm Guangdong records too), and not this one.
  if (await item(page, "staleRecords").count()) expect(await countOf(item(page, "staleRecords"))).toBeLessThan(before);
  await expect(item(page, "staleRecords").getByRole("link", { name, exact: true })).toHaveCount(0);
});

test("the province officer opens an application to submit from the inbox, due when the batch closes", async ({ page }) => {
  await openHome(page, demoAccounts.gdOfficer);
  const due = item(page, "applicationsDue");
  expect(await countOf(due)).toBeGreaterThan(0);
  // The demo's major batch takes applications: each row carries the window's closing date.
  const row = due.getByRole("listitem").first();
  await expect(row).toContainText(zh("inbox.due", { date: "" }).trim());
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/console\/selection\/(applications|apply)\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the province officer opens the unfinished import from the inbox, due when its dry run expires", async ({ page }) => {
  await openHome(page, demoAccounts.gdOfficer);
  // The demo's dry run (prisma/demo/import-job.ts).
  await openDueRow(page, "unfinishedImports", "广东省院校专业补录（演示）.csv");
  await expect(page).toHaveURL(/\/console\/imports\?job=demo-import-gd-officer$/);
  const dryRun = page.getByTestId("dry-run");
  await expect(dryRun).toContainText("广东省院校专业补录（演示）.csv");
  await expect(dryRun.getByTestId("dry-run-counts")).toContainText(zh("imports.countCreate"));
  await expect(dryRun.getByRole("button", { name: zh("imports.confirm") })).toBeVisible();
});

test("the ministry sees progress toward 300 / 500 and opens the batch with reviews outstanding", async ({ page }) => {
  await openHome(page, demoAccounts.admin);
  const progress = page.getByTestId("inbox-progress");
  await expect(progress).toContainText("/ 300");
  await expect(progress).toContainText("/ 500");
  const headline = await progress.getByText(/\/ 300/).innerText();
  await expect(item(page, "batches")).toBeVisible();
  await expect(item(page, "staleByAuthority")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The very figures of the progress dashboard.
  await page.getByRole("link", { name: zh("inbox.progressLink") }).click();
  await expect(page.getByText(headline, { exact: true }).first()).toBeVisible();

  await page.goto("/console");
  const reviews = item(page, "openReviews");
  expect(await countOf(reviews)).toBeGreaterThan(0);
  const batch = reviews.getByRole("listitem").first().getByRole("link");
  await batch.click();
  await expect(page).toHaveURL(/\/console\/selection\/batches\/[^/]+\/review$/);
});

test("the ministry opens the objection waiting on the batch on public notice", async ({ page }) => {
  await openHome(page, demoAccounts.ministry);
  // The demo's batch on notice (the selection spec may lodge an objection on its own batch meanwhile).
  await openDueRow(page, "openObjections", "年度优质专业");
  await expect(page).toHaveURL(/\/console\/selection\/batches\/demo-sel-major-notice\/notice$/);
  await expect(page.getByText("（演示）反映该专业申报的校企合作企业数量与实际情况不符，请予核实。")).toBeVisible();
  await expect(page.getByLabel(zh("selection.notice.resolutionLabel")).first()).toBeVisible();
});

test("the expert opens a pending review from the inbox, with its province shown", async ({ page }) => {
  await openHome(page, demoAccounts.expert1);
  await expect(page.getByTestId("scope")).toHaveText(zh("console.scopeOwnTasks"));
  const pending = item(page, "pendingReviews");
  expect(await countOf(pending)).toBeGreaterThan(0);
  const row = pending.getByRole("listitem").first();
  // The demo expert's home is Guangdong: never a Guangdong application (conflict), always a province.
  await expect(row).toContainText(/省|市|自治区|兵团/);
  await expect(row).not.toContainText("广东省");
  await expectNoSeriousA11yViolations(page);
  const name = await row.getByRole("link").innerText();
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/console\/selection\/reviews\/[^/]+$/);
  await expect(page.getByRole("main")).toContainText(name);
});

for (const key of ["sysadmin", "secadmin"] as const) {
  test(`${key} opens the account request awaiting approval from the inbox`, async ({ page }) => {
    await openHome(page, demoAccounts[key], /\/console\//);
    await expect(page.getByTestId("scope")).toHaveText(zh("console.scopeDuty"));
    expect(await countOf(item(page, "accountRequests"))).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await item(page, "accountRequests")
      .getByRole("link", { name: zh("inbox.items.accountRequests") })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: zh("accounts.requests.title") })).toBeVisible();
  });
}

for (const key of ["auditadmin", "auditor"] as const) {
  test(`${key} opens the refused sign-ins of the last 24 hours from the inbox`, async ({ page }) => {
    await openHome(page, demoAccounts[key], key === "auditor" ? undefined : /\/console\//);
    const refused = item(page, "refusedSignIns");
    expect(await countOf(refused)).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await refused.getByRole("link", { name: zh("inbox.items.refusedSignIns") }).click();
    await expect(page).toHaveURL(/\/console\/audit\?action=auth\.sign_in_failed/);
    await expect(page.getByRole("heading", { level: 1, name: zh("audit.title") })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("auth.sign_in_failed");
  });
}
