import { expect, test } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Open data (issue 5 items 4–6): the /data page, a release published by the ministry
 * administrator and downloaded, the JSON/CSV API and the Atom feed, as a browser and a client see them.
 */
test("the public finds /data from the navigation, without a publish button", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: zh("nav.mainNav") })
    .getByRole("link", { name: zh("opendata.nav") })
    .click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("opendata.page.title") })).toBeVisible();
  await expect(page.getByRole("button", { name: zh("opendata.page.publish") })).toHaveCount(0);
  await expect(page.getByRole("link", { name: zh("opendata.page.openapi") })).toHaveAttribute("href", "/api/v1/openapi.json");
  await expectNoSeriousA11yViolations(page);
});

test("a ministry administrator publishes a release; anyone downloads its files", async ({ page }) => {
  await signIn(page, demoAccounts.admin);
  await page.goto("/data");
  await page.getByRole("button", { name: zh("opendata.page.publish") }).click();
  const dialog = page.getByRole("alertdialog", { name: zh("opendata.page.confirmTitle") });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: zh("opendata.page.publish") }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText(/已发布版本 \d{4}-\d{2}-\d{2}-\d+/);
  const slug = /(\d{4}-\d{2}-\d{2}-\d+)/.exec((await status.textContent()) ?? "")![1];
  const card = page.getByRole("article", { name: zh("opendata.page.releaseTitle", { slug }) });
  await expect(card).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The files are listed with their sizes and sha256 sums, and download as listed.
  await card.getByText(/^文件（\d+ 个）$/).click();
  const href = await card.getByRole("link", { name: "schools.csv", exact: true }).getAttribute("href");
  expect(href).toBe(`/api/v1/releases/${slug}/schools.csv`);
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  const body = await file.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("深圳技师学院");
  const manifest = await (await page.request.get(`/api/v1/releases/${slug}/manifest.json`)).json();
  expect(manifest.release).toBe(slug);
  expect(manifest.counts.schools).toBeGreaterThan(100);
  const { createHash } = await import("node:crypto");
  const listed = manifest.files.find((f: { name: string }) => f.name === "schools.csv");
  expect(createHash("sha256").update(body).digest("hex")).toBe(listed.sha256);
});

test("the API answers JSON and CSV, refuses bad parameters by name, and feeds are Atom", async ({ request }) => {
  const list = await request.get("/api/v1/schools?q=szjsxy");
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  const json = await list.json();
  expect(json.data.map((s: { nameZh: string }) => s.nameZh)).toContain("深圳技师学院");
  const again = await request.get("/api/v1/schools?q=szjsxy", { headers: { "If-None-Match": list.headers()["etag"] } });
  expect(again.status()).toBe(304);

  const csv = await request.get("/api/v1/schools?authority=guangdong&format=csv");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.body()).subarray(0, 3).toString("hex")).toBe("efbbbf");

  const bad = await request.get("/api/v1/schools?pageSize=101&colour=red");
  expect(bad.status()).toBe(400);
  const names = (await bad.json()).error.parameters.map((p: { name: string }) => p.name).sort();
  expect(names).toEqual(["colour", "pageSize"]);

  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/schools", "/api/v1/changes", "/feeds/changes.atom"]));

  const feed = await request.get("/feeds/authorities/guangdong.atom");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(xml).toContain("<title>技工院校名录：广东省的公开变更</title>");
});
