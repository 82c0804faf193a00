import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { commitImportAction } from "@/lib/imports/actions";
import { JOB_TTL_MS } from "@/lib/imports/limits";
import { loadInbox } from "@/lib/inbox/loaders";
import { INBOX_PROVIDERS } from "@/lib/inbox/providers";
import { seedDemo } from "@/prisma/demo";
import { DEMO_IMPORT_ID } from "@/prisma/demo/import-job";
import { signInAs } from "../support/session";
import { fileTestDb } from "../support/test-db";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/**
 * The demo seed gives every role's inbox real work (issue 13): a new user signing in to the demo
 * sees items of each kind, not an empty home.
 */
const seededAt = new Date();
const t = fileTestDb((client) => seedDemo(client, { now: seededAt }));

async function inboxItemsOf(username: string) {
  const user = await t.client.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, authorityId: true },
  });
  signInAs(user as SessionUser);
  const inbox = await loadInbox();
  return Object.fromEntries(inbox.items.map((i) => [i.key, i]));
}

async function inboxOf(username: string) {
  return Object.fromEntries(Object.entries(await inboxItemsOf(username)).map(([key, i]) => [key, i.count]));
}

describe("the demo's inboxes", () => {
  it("give a province officer, the ministry and an expert real work of each kind the demo models", async () => {
    const officer = await inboxOf("gd-officer");
    // Every kind of work an officer's inbox knows.
    for (const key of INBOX_PROVIDERS.PROVINCE_OFFICER.map((p) => p.key)) expect([key, officer[key] > 0]).toEqual([key, true]);
    expect((await inboxOf("zj-officer")).missingRequired).toBeGreaterThan(0);
    const ministry = await inboxOf("ministry");
    for (const key of ["campaignBehind", "batches", "openReviews", "openObjections", "staleByAuthority", "qualityByAuthority"])
      expect([key, ministry[key] > 0]).toEqual([key, true]);
    expect((await inboxOf("expert1")).pendingReviews).toBeGreaterThan(0);
  });

  it("shows the ministry the objection waiting on the batch on public notice, due when the notice ends", async () => {
    const { openObjections, batches } = await inboxItemsOf("ministry");
    const batch = await t.client.selectionBatch.findFirstOrThrow({ where: { isDemo: true, status: "NOTICE" }, select: { id: true, noticeEndsAt: true } });
    expect(batch.noticeEndsAt!.getTime()).toBeGreaterThan(seededAt.getTime());
    expect(openObjections.count).toBe(1);
    expect(openObjections.rows).toEqual([
      expect.objectContaining({ id: batch.id, href: `/console/selection/batches/${batch.id}/notice`, due: batch.noticeEndsAt }),
    ]);
    expect(batches.rows.map((r) => r.id)).toContain(batch.id);
    // The objection is on a selection the notice shows (only a selected application can be objected to).
    const objection = await t.client.selectionObjection.findFirstOrThrow({ where: { status: "OPEN" }, select: { application: { select: { status: true } } } });
    expect(objection.application.status).toBe("SELECTED");
  });

  it("gives the Guangdong officer an unfinished import, confirmable for a day, that really commits from the inbox's link", async () => {
    const { unfinishedImports } = await inboxItemsOf("gd-officer");
    const row = unfinishedImports.rows.find((r) => r.id === DEMO_IMPORT_ID)!;
    expect(row).toMatchObject({ href: `/console/imports?job=${DEMO_IMPORT_ID}`, due: new Date(seededAt.getTime() + JOB_TTL_MS) });
    // Nobody else's inbox: an upload is personal until it is committed.
    expect((await inboxOf("zj-officer")).unfinishedImports).toBe(0);

    const guangdongMajors = () => t.client.schoolMajor.count({ where: { school: { authorityId: "guangdong" } } });
    const before = await guangdongMajors();
    await inboxItemsOf("gd-officer"); // signed in as the officer again
    const res = await commitImportAction({ jobId: DEMO_IMPORT_ID });
    expect(res.ok && res.data.counts, JSON.stringify(res)).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(await guangdongMajors()).toBe(before + 3);
    expect((await inboxOf("gd-officer")).unfinishedImports).toBe(0);
  });
});
