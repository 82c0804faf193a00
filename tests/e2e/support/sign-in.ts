import { expect, type Page } from "@playwright/test";
import type { DemoAccount } from "./accounts";
import { zh } from "./messages";

/** Fills the sign-in form (in Chinese, the default language) and submits it. */
export async function submitSignIn(page: Page, username: string, password: string) {
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel(zh("auth.username")).fill(username);
  await form.getByLabel(zh("auth.password")).fill(password);
  await form.getByRole("button", { name: zh("auth.submit"), exact: true }).click();
}

/** Signs in and waits for the landing page: the console home, unless `landing` says otherwise. */
export async function signIn(page: Page, account: DemoAccount, landing: RegExp = /\/console(\?|$)/) {
  await submitSignIn(page, account.username, account.password);
  await expect(page).toHaveURL(landing);
}
