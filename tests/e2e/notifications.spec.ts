import { expect, test } from "@playwright/test";
import { demoAccounts } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * Notifications end to end (issue 13 item 5): the demo expert sees the unread count in the console
 * header (in the link's accessible name), opens the list, follows a notification (which marks it
 * read) and the count drops by one.
 */
test("the demo expert follows a notification and the unread count drops", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAccounts.expert1);
  const link = page.getByTestId("notifications-link");
  await expect(link).toHaveAccessibleName(/^通知（\d+ 条未读）$/);
  const before = Number(/（(\d+) 条未读）/.exec((await link.textContent()) ?? "")?.[1]);
  expect(before).toBeGreaterThan(0);

  await link.click();
  await expect(page).toHaveURL(/\/console\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("notifications.title") })).toBeVisible();
  await expect(page.getByTestId("unread-summary")).toHaveText(zh("notifications.unreadSummary", { count: before }));
  await expectNoSeriousA11yViolations(page);

  // The first unread notification: "查看" marks it read and follows its link.
  const row = page
    .getByTestId("notification-reviewAssigned")
    .filter({ has: page.getByText(zh("notifications.status.unread")) })
    .first();
  await row.getByRole("button", { name: /^查看：/ }).click();
  await expect(page).toHaveURL(/\/console\/selection\/reviews/, { timeout: 30_000 });
  const after = before - 1;
  await expect(page.getByTestId("notifications-link")).toHaveAccessibleName(
    after ? zh("notifications.headerLinkUnread", { count: after }) : zh("notifications.headerLink"),
  );
  await expectNoSeriousA11yViolations(page);
});
