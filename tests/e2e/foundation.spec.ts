import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { en, zh } from "./support/messages";
import { signIn, submitSignIn } from "./support/sign-in";

/** The foundation: public counts in Chinese, the language switch, sign-in per role, scope, health. */

async function statValue(page: Page, label: string): Promise<number> {
  const value = page.getByText(label, { exact: true }).locator("xpath=following-sibling::div[1]").first();
  return Number((await value.innerText()).replace(/[^\d]/g, ""));
}

test.describe("public home page", () => {
  test("shows the national counts in Chinese", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: zh("home.title") })).toBeVisible();
    expect(await statValue(page, zh("home.totalSchools"))).toBeGreaterThan(600);

    const colleges = await statValue(page, zh("enums.tier.TECHNICIAN_COLLEGE"));
    const senior = await statValue(page, zh("enums.tier.SENIOR_TECHNICAL_SCHOOL"));
    const technical = await statValue(page, zh("enums.tier.TECHNICAL_SCHOOL"));
    expect(colleges).toBeGreaterThan(0);
    expect(colleges + senior + technical).toBe(await statValue(page, zh("home.totalSchools")));

    const guangdong = page.getByRole("row", { name: /广东省/ });
    await expect(guangdong).toBeVisible();
    const total = Number((await guangdong.getByRole("cell").last().innerText()).replace(/[^\d]/g, ""));
    expect(total).toBeGreaterThan(0);
    // Invented data says so.
    await expect(page.getByText(zh("common.demoBanner"))).toBeVisible();
  });

  test("switches to English and remembers it after a reload", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: new RegExp(zh("common.switchTo")) }).click();
    await expect(page.getByRole("heading", { level: 1, name: en("home.title") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: en("home.title") })).toBeVisible();
    await expect(page.getByRole("row", { name: /Guangdong/ })).toBeVisible();
    // And back.
    await page.getByRole("button", { name: new RegExp(en("common.switchTo")) }).click();
    await expect(page.getByRole("heading", { level: 1, name: zh("home.title") })).toBeVisible();
  });
});

test.describe("sign-in and scope", () => {
  test("a province officer sees their own province and is refused another one", async ({ page }) => {
    await signIn(page, demoAccounts.gdOfficer);
    await expect(page.getByTestId("scope")).toContainText("广东");
    await expect(page.getByTestId("signed-in-as")).toContainText(zh("enums.role.PROVINCE_OFFICER"));

    const refused = await page.goto("/console?authority=zhejiang");
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: zh("errors.forbiddenTitle") })).toBeVisible();
    await expect(page.getByText("浙江省")).toHaveCount(0);

    const own = await page.goto("/console?authority=guangdong");
    expect(own?.status()).toBe(200);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await submitSignIn(page, demoAccounts.gdOfficer.username, "not-the-password");
    // (Next.js keeps an empty route announcer with role="alert" outside <main>.)
    await expect(page.getByRole("main").getByRole("alert")).toContainText("用户名或密码错误");
    await expect(page).toHaveURL(/\/sign-in/);
    // Still signed out: the console sends us back to sign in.
    await page.goto("/console");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  for (const key of ["admin", "ministry", "expert1", "auditor", "zjOfficer"] as const) {
    const account = demoAccounts[key];
    test(`${account.username} can sign in and sees the console`, async ({ page }) => {
      await signIn(page, account);
      await expect(page.getByTestId("signed-in-as")).toContainText(zh(`enums.role.${account.role}`));
      await expect(page.getByRole("navigation", { name: zh("nav.consoleNav") })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (key === "zjOfficer") await expect(page.getByTestId("scope")).toContainText("浙江");
      if (key === "admin" || key === "ministry") await expect(page.getByTestId("scope")).toHaveText(zh("console.scopeAll"));
    });
  }

  const ownPages = { sysadmin: "/console/accounts", secadmin: "/console/security-policy", auditadmin: "/console/audit" } as const;
  for (const [key, landing] of Object.entries(ownPages) as Array<[keyof typeof ownPages, string]>) {
    const account = demoAccounts[key];
    test(`${account.username} (三员) signs in to their own page`, async ({ page }) => {
      await signIn(page, account, new RegExp(`${landing}(\\?|$)`));
      await expect(page.getByTestId("signed-in-as")).toContainText(zh(`enums.role.${account.role}`));
      // They hold no registry data: the console home is their inbox, with no registry figures (tests/e2e/inbox.spec.ts).
      await page.goto("/console");
      await expect(page.getByTestId("scope")).toHaveText(zh("console.scopeDuty"));
      await expect(page.getByTestId("home-numbers")).toHaveCount(0);
    });
  }
});

test("GET /api/health answers that the database is up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "ok" });
});
