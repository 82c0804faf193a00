import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { loadInbox } from "@/lib/inbox/loaders";
import { seedDemo } from "@/prisma/demo";
import { signInAs } from "../support/session";
import { fileTestDb } from "../support/test-db";

/**
 * The demo seed gives every role's inbox real work (issue 13): a new user signing in to the demo
 * sees items of each kind, not an empty home.
 */
const t = fileTestDb((client) => seedDemo(client));

async function inboxOf(username: string) {
  const user = await t.client.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, authorityId: true },
  });
  signInAs(user as SessionUser);
  const inbox = await loadInbox();
  return Object.fromEntries(inbox.items.map((i) => [i.key, i.count]));
}

describe("the demo's inboxes", () => {
  it("give a province officer, the ministry and an expert real work of each kind the demo models", async () => {
    const officer = await inboxOf("gd-officer");
    for (const key of ["campaignToConfirm", "staleRecords", "belowStandard", "missingRequired", "duplicates", "applicationsDue", "errorReports"])
      expect([key, officer[key] > 0]).toEqual([key, true]);
    expect((await inboxOf("zj-officer")).missingRequired).toBeGreaterThan(0);
    const ministry = await inboxOf("ministry");
    for (const key of ["campaignBehind", "batches", "openReviews", "staleByAuthority", "qualityByAuthority"])
      expect([key, ministry[key] > 0]).toEqual([key, true]);
    expect((await inboxOf("expert1")).pendingReviews).toBeGreaterThan(0);
  });
});
