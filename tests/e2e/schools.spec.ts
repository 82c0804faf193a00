import { expect, test, type Page } from "@playwright/test";
import { withCheckChar } from "../../lib/schools/uscc";
import { demoAccounts } from "./support/accounts";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * School registration in the console (issue 3 items 1, 2, 6, 7, 8): a Guangdong officer registers a
 * school (a wrong credit code first), edits it, confirms it, reads the history diff, and finds it in
 * the list through filters held in the URL; two editors of one record do not lose an update.
 */
const stamp = Date.now().toString().slice(-7);
const schoolName = `广州市端到端${stamp}技工学校`;
// An invented code (category 52, serial from the clock), valid check character.
const goodUscc = withCheckChar(`52440100MA${stamp}`);
const badUscc = goodUscc.slice(0, 17) + (goodUscc[17] === "0" ? "1" : "0");

const field = (page: Page, key: string) => page.getByTestId("school-form").getByLabel(zh(`schools.fields.${key}`));

async function saveAndOpenSchool(page: Page, notice: string) {
  await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
  await expect(page.getByTestId("saved-notice")).toHaveText(notice);
}

// The last test edits the school the first one registers.
test.describe.configure({ mode: "serial" });

test("an officer registers, edits and confirms a school and sees its history", async ({ page }) => {
  await signIn(page, demoAccounts.gdOfficer);
  await page.getByRole("link", { name: zh("nav.schools") }).click();
  await page.getByRole("link", { name: zh("schools.list.new") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("schools.form.createTitle") })).toBeVisible();

  await field(page, "nameZh").fill(schoolName);
  await field(page, "tier").selectOption("TECHNICAL_SCHOOL");
  await field(page, "divisionCode").selectOption({ label: "广州市" });
  await field(page, "ownership").selectOption("PRIVATE");
  await field(page, "sponsorType").selectOption("PRIVATE_ENTITY");
  await field(page, "approvalDocNo").fill(`粤人社函〔2026〕${stamp}号`);
  await field(page, "approvalDate").fill("2026-03-01");
  await field(page, "fullTimeStudents").fill("500");
  await field(page, "uscc").fill(badUscc);
  await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();

  // The check character is named, with the expected value, beside the field; the input is kept.
  const usccError = zh("validation.usccCheckDigit", { expected: goodUscc[17], actual: badUscc[17] });
  await expect(page.getByText(usccError)).toBeVisible();
  await expect(field(page, "uscc")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "nameZh")).toHaveValue(schoolName);
  await expect(field(page, "fullTimeStudents")).toHaveValue("500");

  await field(page, "uscc").fill(goodUscc);
  await saveAndOpenSchool(page, zh("schools.page.created"));
  await expect(page.getByTestId("school-name")).toContainText(schoolName);
  // 500 full-time students is below a 技工学校's 800: a warning after saving, not a refusal.
  await expect(page.getByTestId("warnings")).toContainText(zh("validation.belowStandard", { value: 500, min: 800 }));
  const schoolUrl = page.url().replace(/\?.*$/, "");

  // Edit: name, tier and status are read-only here, with links to their dated changes.
  await page.getByRole("link", { name: zh("schools.page.edit"), exact: true }).click();
  await expect(page.getByTestId("read-only-fields")).toContainText(schoolName);
  await expect(page.getByTestId("read-only-fields").getByRole("link", { name: zh("schools.form.changeTier") })).toBeVisible();
  await field(page, "teachers").fill("88");
  await field(page, "address").fill("广州市天河区端到端路1号");
  await saveAndOpenSchool(page, zh("schools.page.saved"));

  const latest = page.getByTestId("history-entry").first();
  await expect(latest).toHaveAttribute("data-action", "school.update");
  await expect(latest).toContainText(zh("schools.history.action.school_update"));
  await expect(latest.locator('[data-field="teachers"]')).toContainText(zh("schools.fields.teachers"));
  await expect(latest.locator('[data-field="teachers"]')).toContainText("88");
  await expect(latest.locator('[data-field="address"]')).toContainText("广州市天河区端到端路1号");
  // The creation is further down, with translated enum values.
  const created = page.locator('[data-testid="history-entry"][data-action="school.create"]');
  await expect(created.locator('[data-field="tier"]')).toContainText(zh("enums.tier.TECHNICAL_SCHOOL"));

  await page.getByTestId("confirm-school").click();
  await expect(page.getByTestId("confirm-message")).toHaveText(zh("schools.page.confirmDone"));
  await expect(page.getByTestId("history-entry").first()).toHaveAttribute("data-action", "school.confirm");

  // The list, filtered through the URL: the form shows the filters, the count is exact.
  await page.goto(`/console/schools?q=${encodeURIComponent(schoolName)}&tier=TECHNICAL_SCHOOL&sort=updated&dir=desc`);
  await expect(page.getByTestId("result-count")).toHaveText(zh("schools.list.countFiltered", { total: 1 }));
  await expect(page.getByLabel(zh("schools.list.search"))).toHaveValue(schoolName);
  await expect(page.getByLabel(zh("schools.list.tier"))).toHaveValue("TECHNICAL_SCHOOL");
  const row = page.getByTestId("school-row");
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: schoolName }).click();
  await expect(page).toHaveURL(schoolUrl);
});

test("the list never fails on a bad filter and keeps an officer in their authority", async ({ page }) => {
  await signIn(page, demoAccounts.gdOfficer);
  await page.goto("/console/schools?tier=UNIVERSITY&authority=zhejiang&stale=1");
  await expect(page.getByTestId("invalid-filters")).toContainText("tier");
  await expect(page.getByTestId("result-count")).toBeVisible();
  // No authority column for an officer, and no Zhejiang school in the rows.
  await expect(page.getByTestId("schools-table")).not.toContainText("浙江");
  for (const badge of await page.getByTestId("school-row").all()) await expect(badge.getByTestId("stale-badge")).toBeVisible();
});

test("two editors of one school: the second is told who changed what and re-applies", async ({ browser }) => {
  const officer = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await signIn(officer, demoAccounts.gdOfficer);
  await signIn(admin, demoAccounts.admin);
  await officer.goto(`/console/schools?q=${encodeURIComponent(schoolName)}`);
  await officer.getByTestId("school-row").getByRole("link").first().click();
  await officer.waitForURL(/\/console\/schools\/[^/?]+$/);
  const editUrl = `${officer.url().replace(/\?.*$/, "")}/edit`;

  await officer.goto(editUrl);
  await admin.goto(editUrl);
  await field(admin, "teachers").fill("120");
  await saveAndOpenSchool(admin, zh("schools.page.saved"));

  await field(officer, "teachers").fill("95");
  await field(officer, "contactName").fill("王老师");
  await officer.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
  const notice = officer.getByTestId("stale-notice");
  // The demo admin's display name (prisma/demo/users.ts).
  await expect(notice.getByRole("heading")).toContainText("部管理员（演示）");
  const teachersRow = notice.getByRole("row").filter({ hasText: zh("schools.fields.teachers") });
  await expect(teachersRow).toContainText("95");
  await expect(teachersRow).toContainText("120");
  await expect(field(officer, "teachers")).toHaveValue("95");
  await expect(field(officer, "contactName")).toHaveValue("王老师");
  await notice.getByRole("button", { name: zh("schools.form.reapply") }).click();
  await expect(officer.getByTestId("saved-notice")).toHaveText(zh("schools.page.saved"));
  await expect(officer.locator('[data-testid="history-entry"]').first().locator('[data-field="teachers"]')).toContainText("95");
});
