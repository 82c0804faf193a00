import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules and best practices) and fails on any
 * serious or critical violation, listing each with its rule, impact and first offending nodes.
 * Shared by every spec that checks a page: `await expectNoSeriousA11yViolations(page)`.
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  // The Next.js dev-mode indicator is not part of the app.
  for (const selector of ["nextjs-portal", ...(options.exclude ?? [])]) builder = builder.exclude(selector);
  await page.waitForLoadState("load");
  let result;
  try {
    result = await builder.analyze();
  } catch (e) {
    // A dev server may reload the page once after compiling it: analyse the reloaded page.
    if (!/context was destroyed|navigation/i.test(String(e))) throw e;
    await page.waitForLoadState("load");
    result = await builder.analyze();
  }
  const { violations } = result;
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function expectNoSeriousA11yViolations(page: Page, options: { exclude?: string[] } = {}) {
  const serious = await axeViolations(page, options);
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(" "))
        .join("\n  ")}`,
  );
  expect(report, `axe found serious/critical violations on ${page.url()}`).toEqual([]);
}
