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

test("the QR code encodes this page's URL, and the page prints without the site chrome", async ({ page }) => {
  const code = await codeOf(page, "深圳技师学院");
  await page.goto(`/verify/${code}`);
  const qr = page.getByTestId("verify-qr");
  await expect(qr).toHaveAttribute("role", "img");
  const expectedUrl = new URL(`/verify/${code}`, page.url()).toString();
  expect(page.url()).toBe(expectedUrl);
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
