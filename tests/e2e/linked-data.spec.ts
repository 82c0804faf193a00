import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";

/**
 * Linked data and the data dictionary (issue 16, items 1 and 5) as a crawler and a reuser see them:
 * the school page's JSON-LD under the page's CSP nonce, the sitemap and robots.txt, and /data/dictionary.
 */
test("a school page carries one JSON-LD script, with the page's nonce, describing the school", async ({ page, request }) => {
  const found = await (await request.get("/api/v1/schools?q=szjsxy")).json();
  const school = found.data.find((s: { nameZh: string }) => s.nameZh === "深圳技师学院");
  const response = await page.goto(`/schools/${school.publicCode}`);
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  // The browser hides the nonce attribute's value after parsing; the property keeps it.
  expect(await scripts.evaluate((el) => (el as HTMLScriptElement).nonce)).toBe(nonce);
  const data = JSON.parse((await scripts.textContent()) ?? "");
  expect(data["@context"]).toBe("https://schema.org");
  expect(data["@type"]).toBe("EducationalOrganization");
  expect(data.name).toBe("深圳技师学院");
  expect(data.url).toMatch(new RegExp(`^https?://[^/]+/schools/${school.publicCode}$`));
  expect(data.identifier[0]).toMatchObject({ "@type": "PropertyValue", propertyID: "publicCode", value: school.publicCode });
});

test("/sitemap.xml indexes the school pages and /robots.txt points at it", async ({ request }) => {
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  expect(index.headers()["content-type"]).toContain("application/xml");
  const locs = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs.some((l) => /\/sitemaps\/schools-1\.xml$/.test(l))).toBe(true);
  const first = await request.get(new URL(locs.find((l) => l.endsWith("schools-1.xml"))!).pathname);
  expect(first.status()).toBe(200);
  expect(await first.text()).toMatch(/<loc>https?:\/\/[^<]+\/schools\/[A-Z0-9]+<\/loc>/);
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toContain("Disallow: /console");
  expect(text).toContain("Disallow: /api/auth");
  expect(text).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
});

test("the data dictionary is linked from /data, renders both languages and downloads", async ({ page }) => {
  // A long page (every field, ~270 rows): axe needs its time on a busy machine.
  test.setTimeout(240_000);
  await page.goto("/data");
  await page.getByRole("link", { name: zh("dictionary.page.link") }).click();
  await expect(page).toHaveURL(/\/data\/dictionary$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("dictionary.page.title") })).toBeVisible();
  const schoolTable = page.getByRole("table", { name: zh("dictionary.page.caption", { source: "School" }) });
  const tierRow = schoolTable.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "tier", exact: true }) });
  await expect(tierRow).toContainText("办学层次");
  await expect(tierRow).toContainText("TECHNICIAN_COLLEGE 技师学院");
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: zh("dictionary.page.downloadCsv") }).click();
  expect((await download).suggestedFilename()).toBe("data-dictionary.csv");
  const json = await page.request.get("/data/dictionary/data-dictionary.json");
  expect(json.status()).toBe(200);
  const body = await json.json();
  expect(body.sources.some((s: { source: string }) => s.source === "School")).toBe(true);
});
