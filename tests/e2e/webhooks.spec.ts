import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Webhooks end to end (docs/decisions/0083): a signed-in account subscribes to an authority in the
 * console and sees the secret once; an officer's edit of one of its schools reaches a receiver this
 * spec starts on loopback (the test server allows http loopback endpoints and runs the worker in
 * the app: scripts/e2e-server.mjs), signed with that secret; the delivery log shows the 200.
 */
type Received = { headers: IncomingHttpHeaders; body: string };

test("subscribe, see the secret once, receive an officer's change, see it in the log", async ({ browser }) => {
  test.setTimeout(240_000);
  const received: Received[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, demoAccounts.ministry);
    await page.goto("/console/account");
    await page.getByRole("link", { name: zh("webhooks.accountLink") }).click();
    await expect(page).toHaveURL(/\/console\/account\/webhooks$/);
    await expect(page.getByRole("heading", { level: 1, name: zh("webhooks.title") })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // A private address is refused with a message on the field.
    await page.getByLabel(zh("webhooks.create.authority"), { exact: true }).selectOption({ label: "广东省" });
    await page.getByLabel(zh("webhooks.create.url"), { exact: true }).fill("http://10.0.0.1/hook");
    await page.getByRole("button", { name: zh("webhooks.create.submit") }).click();
    await expect(page.getByText(zh("webhooks.refusals.URL_PRIVATE_ADDRESS"))).toBeVisible({ timeout: 30_000 });

    await page.getByLabel(zh("webhooks.create.url"), { exact: true }).fill(url);
    await page.getByRole("button", { name: zh("webhooks.create.submit") }).click();
    await expect(page.getByRole("status").filter({ hasText: zh("webhooks.create.created") })).toBeVisible({ timeout: 30_000 });
    const secret = (await page.getByTestId("webhook-secret-value").innerText()).trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await expectNoSeriousA11yViolations(page);
    await page.reload();
    await expect(page.getByText(url).first()).toBeVisible();
    await expect(page.getByTestId("webhook-secret-value")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(secret);

    // An officer of 广东省 edits one of its schools.
    const officer = await (await browser.newContext()).newPage();
    await signIn(officer, demoAccounts.gdOfficer);
    await officer.goto("/console/schools");
    await officer.getByTestId("school-row").first().getByRole("link").first().click();
    await officer.waitForURL(/\/console\/schools\/[^/?]+$/);
    await officer.getByRole("link", { name: zh("schools.page.edit"), exact: true }).click();
    const address = `广州市天河区通知路${Date.now().toString().slice(-5)}号`;
    await officer.getByTestId("school-form").getByLabel(zh("schools.fields.address")).fill(address);
    await officer.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
    await expect(officer.getByTestId("saved-notice")).toBeVisible({ timeout: 30_000 });

    // The worker sends it, signed with the secret shown once.
    await expect.poll(() => received.filter((r) => r.body.includes(address)).length, { timeout: 90_000 }).toBe(1);
    const hit = received.find((r) => r.body.includes(address))!;
    const [t, v1] = String(hit.headers["x-registry-signature"])
      .split(",")
      .map((part) => part.split("=")[1]);
    expect(createHmac("sha256", secret).update(`${t}.${hit.body}`).digest("hex")).toBe(v1);
    const body = JSON.parse(hit.body) as { id: string; event: { id: string; type: string } };
    expect(hit.headers["x-registry-delivery"]).toBe(body.id);
    expect(body.event.type).toBe("school.update");

    // The delivery log shows it with its response code.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId(`delivery-${body.event.id}`)).toContainText("200", { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expectNoSeriousA11yViolations(page);

    // Delete through the confirmation (focus moves into it; Escape backs out).
    const remove = page.getByRole("button", { name: zh("webhooks.actions.deleteLabel", { url }) });
    await remove.click();
    const dialog = page.getByRole("alertdialog", { name: zh("webhooks.actions.confirmTitle", { url }) });
    await expect(dialog.getByRole("button", { name: zh("webhooks.actions.cancel") })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await remove.click();
    await dialog.getByRole("button", { name: zh("webhooks.actions.confirm") }).click();
    await expect(page.getByText(zh("webhooks.list.none"))).toBeVisible({ timeout: 30_000 });
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
