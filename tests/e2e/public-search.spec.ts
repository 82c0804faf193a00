import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Public lookup (issue 5 items 1–2): search by Chinese name, by pinyin initials and by filters,
 * at desktop and phone width; open a school; its record as of an earlier date, after an edit
 * made by a Guangdong officer through the console, and through the seed's rename history.
 */
const search = async (page: Page, q: string) => {
  await page.goto("/schools");
  await page.getByLabel(zh("search.q")).fill(q);
  await page.getByLabel(zh("search.q")).press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(q).replace(/%20/g, "\\+")}`));
};
const results = (page: Page) => page.getByRole("region", { name: zh("search.results") }).getByRole("listitem");
const resultLink = (page: Page, name: string) => results(page).getByRole("link", { name, exact: true });
const SCHOOL_URL = /\/schools\/[0-9A-Z]{8}$/;
/** Yesterday in Beijing time, YYYY-MM-DD. */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 740 },
]) {
  test.describe(`at ${viewport.name} width`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("finds a school by part of its Chinese name and by pinyin initials", async ({ page }) => {
      await search(page, "深圳技师");
      await expect(resultLink(page, "深圳技师学院")).toBeVisible();
      await search(page, "szjsxy");
      await expect(resultLink(page, "深圳技师学院")).toBeVisible();
      await search(page, "ShenZhen");
      await expect(resultLink(page, "深圳技师学院")).toBeVisible();
      // Nothing overflows sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });

    test("filters by authority, city and tier through a shareable URL", async ({ page }) => {
      await page.goto("/schools");
      await page.getByLabel(zh("search.authority")).selectOption("guangdong");
      await page.getByLabel(zh("search.city")).selectOption({ label: "深圳市" });
      await page.getByLabel(zh("search.tier")).selectOption("TECHNICIAN_COLLEGE");
      await page
        .getByRole("search")
        .getByRole("button", { name: zh("search.submit") })
        .last()
        .click();
      await expect(page).toHaveURL(/authority=guangdong/);
      await expect(page).toHaveURL(/city=440300/);
      await expect(page).toHaveURL(/tier=TECHNICIAN_COLLEGE/);
      const count = await results(page).count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await expect(results(page).nth(i)).toContainText("广东省 · 深圳市");
        await expect(results(page).nth(i)).toContainText(zh("enums.tier.TECHNICIAN_COLLEGE"));
      }
      await expect(resultLink(page, "深圳技师学院")).toBeVisible();
      // The shared URL restores the same search, filters shown in the form.
      const shared = page.url();
      await page.goto(shared);
      await expect(page.getByLabel(zh("search.authority"))).toHaveValue("guangdong");
      await expect(page.getByLabel(zh("search.city"))).toHaveValue("440300");
      await expect(results(page)).toHaveCount(count);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });

    test("opens a school from the results", async ({ page }) => {
      await search(page, "szjsxy");
      await resultLink(page, "深圳技师学院").click();
      await page.waitForURL(SCHOOL_URL);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("深圳技师学院");
      for (const h of [
        "schoolPage.identity",
        "schoolPage.majors",
        "schoolPage.designations",
        "schoolPage.lineage",
        "schoolPage.history",
        "schoolPage.completeness",
      ]) {
        await expect(page.getByRole("heading", { level: 2, name: zh(h) })).toBeVisible();
      }
      await expect(page.locator('[data-field="authority"]')).toHaveText("广东省");
      await expect(page.locator('[data-field="uscc"]')).toContainText(zh("schoolPage.illustrative"));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  });
}

test("paginates, and a bad parameter shows a notice instead of failing", async ({ page }) => {
  await page.goto("/schools?authority=guangdong&sort=name");
  const first = await results(page).first().textContent();
  await page
    .getByRole("navigation", { name: zh("search.pagination") })
    .getByRole("link", { name: zh("search.next") })
    .click();
  await expect(page).toHaveURL(/page=2/);
  expect(await results(page).first().textContent()).not.toBe(first);

  const res = await page.goto("/schools?tier=NOPE&page=0&q=深圳");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(zh("search.invalidNotice", { params: "tier, page" }));
  await expect(resultLink(page, "深圳技师学院")).toBeVisible();
});

test("after an officer edits a school, the record as of yesterday still shows the old value", async ({ page, request }) => {
  test.setTimeout(90_000);
  // A Guangdong school no other spec edits.
  await search(page, "中山市技师学院");
  await resultLink(page, "中山市技师学院").click();
  await page.waitForURL(SCHOOL_URL);
  const code = page.url().split("/schools/")[1];
  const publicUrl = `/schools/${code}`;
  await page.goto(`${publicUrl}?asOf=${yesterday()}`);
  await expect(page.getByTestId("as-of-notice")).toBeVisible();
  const addressYesterday = (await page.locator('[data-field="address"]').textContent())!.trim();

  const { data } = (await (await request.get(`/api/v1/verify/${code}`)).json()) as { data: { schoolId: string } };
  const newAddress = `广东省中山市端到端路${Date.now().toString().slice(-6)}号`;
  await signIn(page, demoAccounts.gdOfficer);
  await page.goto(`/console/schools/${data.schoolId}/edit`);
  await page.getByTestId("school-form").getByLabel(zh("schools.fields.address")).fill(newAddress);
  await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
  await expect(page.getByTestId("saved-notice")).toHaveText(zh("schools.page.saved"), { timeout: 30_000 });

  // The public record now: the new address, and the edit in the history under the office, not the person.
  await page.goto(publicUrl);
  await expect(page.locator('[data-field="address"]')).toHaveText(newAddress);
  const history = page.getByRole("region", { name: zh("schoolPage.history") });
  await expect(history.getByRole("row").nth(1)).toContainText(zh("schoolPage.actorProvince", { authority: "广东省" }));
  await expect(history.getByRole("row").nth(1)).toContainText(newAddress);
  await expect(page.locator("body")).not.toContainText("广东省经办人");
  await expect(page.locator("body")).not.toContainText("gd-officer");

  // As of yesterday: the old value, unchanged by today's edit.
  await page.goto(`${publicUrl}?asOf=${yesterday()}`);
  await expect(page.locator('[data-field="address"]')).toHaveText(addressYesterday);
  expect(addressYesterday).not.toBe(newAddress);
  await expect(page.locator("body")).not.toContainText(newAddress);
});

test("the seed's rename history: the record before the rename shows the former name", async ({ page }) => {
  await search(page, "第二技工学校");
  const renamed = results(page)
    .filter({ hasText: zh("search.formerName") })
    .first();
  await renamed.getByRole("link").first().click();
  await page.waitForURL(SCHOOL_URL);
  const current = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const lineage = page.getByRole("region", { name: zh("schoolPage.lineage") });
  const row = lineage
    .getByRole("row")
    .filter({ hasText: zh("enums.changeKind.RENAME") })
    .first();
  const date = (await row.getByRole("cell").first().textContent())!.trim();
  const [fromName] = (await row.getByRole("cell").nth(2).textContent())!.split(" → ");
  const dayBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

  await page.getByLabel(zh("schoolPage.asOfLabel")).fill(dayBefore);
  await page.getByRole("button", { name: zh("schoolPage.asOfSubmit") }).click();
  await expect(page).toHaveURL(new RegExp(`asOf=${dayBefore}`));
  await expect(page.getByTestId("as-of-notice")).toContainText(dayBefore);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fromName.trim());
  expect(fromName.trim()).not.toBe(current.trim());

  await page.getByRole("link", { name: zh("schoolPage.asOfCurrent") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(current.trim());
  // A malformed date: a notice, not an error page.
  const res = await page.goto(`${page.url().split("?")[0]}?asOf=2023-02-30`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("2023-02-30");
});
