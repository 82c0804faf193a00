import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";

/**
 * Accessibility of the public pages (issue 5 item 7): axe-core finds no serious or critical
 * violation on the home, search, school and verify pages, and the search can be used by keyboard
 * alone with a visible focus and a skip link. (The progress page uses the same helper in its own spec.)
 */
async function firstSchoolCode(page: Page, q: string) {
  await page.goto(`/schools?q=${encodeURIComponent(q)}`);
  const href = await page
    .getByRole("region", { name: zh("search.results") })
    .getByRole("link")
    .first()
    .getAttribute("href");
  return href!.split("/").pop()!;
}

/** Presses Tab until `match` says the focused element is the one wanted (at most `max` times). */
async function tabTo(page: Page, match: () => Promise<boolean>, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await match()) return;
  }
  throw new Error("never reached by Tab");
}

const focusOutline = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

// Several axe scans of long pages per test: sized for a busy 2-core machine, not an idle one.
test.describe.configure({ timeout: 180_000 });

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 740 },
]) {
  test.describe(`axe at ${viewport.name} width`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("home, search and search results", async ({ page }) => {
      await page.goto("/");
      await expectNoSeriousA11yViolations(page);
      await page.goto("/schools");
      await expectNoSeriousA11yViolations(page);
      await page.goto("/schools?q=技师学院&authority=guangdong");
      await expectNoSeriousA11yViolations(page);
      await page.goto("/schools?tier=NOPE");
      await expectNoSeriousA11yViolations(page);
    });

    test("a school page, now and as of an earlier date", async ({ page }) => {
      const code = await firstSchoolCode(page, "深圳技师学院");
      await page.goto(`/schools/${code}`);
      await expectNoSeriousA11yViolations(page);
      await page.goto(`/schools/${code}?asOf=2015-01-01`);
      await expectNoSeriousA11yViolations(page);
    });

    test("the verify pages", async ({ page }) => {
      const code = await firstSchoolCode(page, "深圳技师学院");
      await page.goto(`/verify/${code}`);
      await expectNoSeriousA11yViolations(page);
      await page.goto("/verify?code=bad");
      await expectNoSeriousA11yViolations(page);
    });
  });
}

test("keyboard only: skip link, visible focus, search, open a result", async ({ page }) => {
  await page.goto("/schools");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: zh("common.skipToContent") });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box && box.width > 10 && box.height > 10).toBe(true);
  expect(await focusOutline(page)).toMatchObject({ style: "solid" });

  const q = page.getByLabel(zh("search.q"));
  await tabTo(page, () => q.evaluate((el) => el === document.activeElement));
  expect((await focusOutline(page)).width).toBeGreaterThanOrEqual(2);
  await page.keyboard.type("szjsxy");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=szjsxy/);

  const link = page.getByRole("region", { name: zh("search.results") }).getByRole("link", { name: "深圳技师学院", exact: true });
  await tabTo(page, () => link.evaluate((el) => el === document.activeElement), 80);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("深圳技师学院");

  // The as-of form is reachable and usable by keyboard too.
  const date = page.getByLabel(zh("schoolPage.asOfLabel"));
  await tabTo(page, () => date.evaluate((el) => el === document.activeElement));
  await date.fill("2015-01-01");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/asOf=2015-01-01/);
});
