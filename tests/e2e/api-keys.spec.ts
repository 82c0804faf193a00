import { expect, test } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Open-data API keys end to end (docs/decisions/0085): a signed-in account issues a key, sees it
 * once, calls the API with it at the keyed limit, revokes it, and the same key is then refused (401).
 */
test("issue a key, use it, revoke it: the key is refused afterwards", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAccounts.ministry);
  await page.goto("/console/account");
  await page.getByRole("link", { name: zh("apiKeys.accountLink") }).click();
  await expect(page).toHaveURL(/\/console\/account\/api-keys$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("apiKeys.title") })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const name = `端到端-${Date.now().toString(36)}`;
  await page.getByLabel(zh("apiKeys.issue.name"), { exact: true }).fill(name);
  await page.getByRole("button", { name: zh("apiKeys.issue.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("apiKeys.issue.issued", { name }) })).toBeVisible({ timeout: 30_000 });
  const key = (await page.getByTestId("issued-key-value").innerText()).trim();
  expect(key).toMatch(/^jgyx_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId(`api-key-${name}`);
  await expect(row).toBeVisible();
  // The list shows only the key's beginning, never the key.
  await expect(row).toContainText(key.slice(0, 9));
  await expect(row).not.toContainText(key);
  await expectNoSeriousA11yViolations(page);

  const withKey = { Authorization: `Bearer ${key}` };
  const anonymous = await page.request.get("/api/v1/schools?pageSize=1");
  const keyed = await page.request.get("/api/v1/schools?pageSize=1", { headers: withKey });
  expect(keyed.status()).toBe(200);
  expect(Number(keyed.headers()["ratelimit-limit"])).toBeGreaterThan(Number(anonymous.headers()["ratelimit-limit"]));

  // Revoke, through the confirmation (keyboard: the confirmation takes focus; Escape backs out).
  const revoke = row.getByRole("button", { name: zh("apiKeys.revoke.buttonLabel", { name }) });
  await revoke.click();
  const dialog = page.getByRole("alertdialog", { name: zh("apiKeys.revoke.confirmTitle", { name }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: zh("apiKeys.revoke.cancel") })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await revoke.click();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: zh("apiKeys.revoke.confirm") }).click();
  await expect(row).toContainText(zh("apiKeys.list.revoked", { when: "" }).replace(/（）|\(\)/, ""), { timeout: 30_000 });

  const refused = await page.request.get("/api/v1/schools?pageSize=1", { headers: withKey });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("INVALID_API_KEY");
});
