import { createPublicKey, verify } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { canonicalJson } from "../../lib/verify/canonical-json";
import { qrSvg } from "../../lib/verify/qr";
import { zh } from "./support/messages";

/**
 * Verification (issue 5 item 3): verify a school by its code, print the page, the QR code encodes
 * the page's own URL, and the signed JSON checks out with the published key (and fails when changed).
 */
async function codeOf(page: Page, name: string): Promise<string> {
  await page.goto(`/schools?q=${encodeURIComponent(name)}`);
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** The `d` of every path and the viewBox: equal for two QR SVGs exactly when they encode the same modules. */
const qrShape = (svg: string) => ({ viewBox: /viewBox="([^"]+)"/.exec(svg)?.[1], paths: [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]) });

test("verify a school by typing its code; the page states status, designations and the time of the check", async ({ page }) => {
  const code = await codeOf(page, "深圳技师学院");
  await page.goto("/verify");
  // Lower case with a space: normalised, then redirected to the canonical URL.
  await page.getByLabel(zh("verify.codeLabel")).fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
  await page.getByRole("button", { name: zh("verify.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${code}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh("verify.resultTitle"));
  await expect(page.getByRole("main")).toContainText("深圳技师学院");
  await expect(page.getByRole("main")).toContainText(zh("enums.tier.TECHNICIAN_COLLEGE"));
  await expect(page.getByRole("main")).toContainText(zh("verify.onRegister"));
  await expect(page.getByRole("heading", { level: 2, name: zh("verify.designations") })).toBeVisible();
  // The time of the check, in Beijing time, today.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "/");
  await expect(page.getByTestId("checked-at")).toContainText(today);
});

test("the QR code encodes this page's URL with the sheet's digest, and the page prints without the site chrome", async ({ page, request }) => {
  const code = await codeOf(page, "深圳技师学院");
  await page.goto(`/verify/${code}`);
  const qr = page.getByTestId("verify-qr");
  await expect(qr).toHaveAttribute("role", "img");
  const pageUrl = new URL(`/verify/${code}`, page.url()).toString();
  expect(page.url()).toBe(pageUrl);
  // The digest of the facts on this sheet: the same as the signed JSON's (same facts, same day).
  const { data } = (await (await request.get(`/api/v1/verify/${code}`)).json()) as { data: { digest: string } };
  const expectedUrl = `${pageUrl}?digest=${data.digest}`;
  await expect(qr).toHaveAttribute("data-url", expectedUrl);
  const rendered = await qr.innerHTML();
  const regenerated = await qrSvg(expectedUrl);
  expect(qrShape(rendered).paths.length).toBeGreaterThan(0);
  expect(qrShape(rendered)).toEqual(qrShape(regenerated));
  // A different URL gives a different code (the comparison can fail).
  expect(qrShape(await qrSvg(`${expectedUrl}X`))).not.toEqual(qrShape(rendered));

  await expect(page.getByRole("button", { name: zh("verify.print") })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByRole("button", { name: zh("verify.print") })).toBeHidden();
  await expect(page.getByTestId("validity-form")).toBeHidden();
  await expect(page.getByTestId("valid-until")).toBeVisible();
  await expect(page.getByTestId("freshness-note")).toBeVisible();
  await expect(qr).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
});

test("the signed JSON verifies with the published key and fails after one byte changes", async ({ page, request }) => {
  const code = await codeOf(page, "深圳技师学院");
  const res = await request.get(`/api/v1/verify/${code}`);
  expect(res.status()).toBe(200);
  const snap = (await res.json()) as { data: Record<string, unknown>; signature: { alg: string; keyId: string; value: string } };
  expect(snap.data).toMatchObject({ publicCode: code, nameZh: "深圳技师学院" });
  expect(snap.signature.alg).toBe("Ed25519");
  const pem = await (await request.get("/api/v1/keys/verify.pem")).text();
  const key = createPublicKey(pem);
  const sig = Buffer.from(snap.signature.value, "base64");
  const bytes = Buffer.from(canonicalJson(snap.data), "utf8");
  expect(verify(null, bytes, key, sig)).toBe(true);
  const changed = Buffer.from(bytes);
  changed[changed.indexOf(Buffer.from("OPERATING"))] = "X".charCodeAt(0);
  expect(verify(null, changed, key, sig)).toBe(false);
  const keys = (await (await request.get("/api/v1/keys")).json()) as { current: string };
  expect(keys.current).toBe(snap.signature.keyId);
});

test("an unknown code is a 404 page, a malformed one a notice or a 400 naming the parameter", async ({ page, request }) => {
  const res = await page.goto("/verify/22222222");
  expect(res?.status()).toBe(404);
  await page.goto("/verify?code=abc");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(zh("verify.malformed"));
  const api = await request.get("/api/v1/verify/abc");
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: { parameters: [{ name: "code" }] } });
});

test("the reader chooses the validity period before printing or downloading; the signed JSON carries it", async ({ page, request }) => {
  const code = await codeOf(page, "深圳技师学院");
  await page.goto(`/verify/${code}`);
  await expect(page.getByTestId("valid-until")).toContainText("30");
  const period = page.getByLabel(zh("verify.validDaysLabel"));
  await expect(period).toHaveValue("30");
  await period.selectOption("90");
  await page.getByRole("button", { name: zh("verify.validDaysApply") }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${code}\\?validDays=90$`));
  await expect(page.getByLabel(zh("verify.validDaysLabel"))).toHaveValue("90");
  const checkedAt = Date.parse((await page.getByTestId("checked-at").locator("time").getAttribute("datetime"))!);
  const validUntil = Date.parse((await page.getByTestId("valid-until").locator("time").getAttribute("datetime"))!);
  expect(validUntil - checkedAt).toBe(90 * 86_400_000);
  await expect(page.getByTestId("valid-until")).toContainText("90");
  // The JSON link downloads a snapshot with the same period, signed.
  const href = await page.getByRole("link", { name: zh("verify.json") }).getAttribute("href");
  expect(href).toBe(`/api/v1/verify/${code}?validDays=90`);
  const snap = (await (await request.get(href!)).json()) as { data: { validDays: number; validUntil: string; checkedAt: string } };
  expect(snap.data.validDays).toBe(90);
  // Out of range on the page: 30 days, and a message; on the API: 400 naming the parameter.
  await page.goto(`/verify/${code}?validDays=365`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(zh("verify.validDaysRefused"));
  await expect(page.getByLabel(zh("verify.validDaysLabel"))).toHaveValue("30");
  const api = await request.get(`/api/v1/verify/${code}?validDays=365`);
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: { parameters: [{ name: "validDays" }] } });
});

test("scanning a printed sheet's QR code says whether the sheet is still current", async ({ page }) => {
  const code = await codeOf(page, "深圳技师学院");
  await page.goto(`/verify/${code}`);
  const scanned = await page.getByTestId("verify-qr").getAttribute("data-url");
  await page.goto(scanned!);
  await expect(page.getByTestId("printed-check")).toHaveText(zh("verify.printedCurrent"));
  // A sheet whose facts were different (a well-formed digest of other facts): every part named as changed.
  await page.goto(`/verify/${code}?digest=v1${".AAAAAAAAAAAA".repeat(5)}`);
  await expect(page.getByTestId("printed-check")).toContainText(zh("verify.parts.status"));
});
