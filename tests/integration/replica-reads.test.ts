import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { dbMarkedDown } from "@/lib/db/availability";
import { db, disconnect, replicaDb } from "@/lib/db/client";
import { dataVersion, readCacheStats } from "@/lib/db/read-cache";
import { READ_AFTER_COOKIE } from "@/lib/db/replica-cookie";
import { CHECK_INTERVAL_MS, configureReplicaForTests, replicaProbeCount } from "@/lib/db/replica-health";
import { schoolChanges } from "@/lib/opendata/changed-since/pages";
import { dispatchChanges } from "@/lib/webhooks/dispatch";
import { getPublicSchool } from "@/lib/public/data";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { changesSettled } from "../support/changes-settled";
import { jar } from "../support/cookie-jar";
import { clusterSkipReason, startPgCluster, type PgCluster } from "../support/pg-cluster";
import { signInAs, testUsers } from "../support/session";
import { createForm, editForm, seedSchoolReference } from "./schools-fixtures";

vi.mock("next/headers", async () => (await import("../support/cookie-jar")).nextHeaders);

/**
 * Public reads on a real streaming replica (tests/support/pg-cluster.ts; decisions 0073–0075):
 * replay paused shows the lag, the writer's cookie reads their own write, a replica too far
 * behind or stopped hands reads to the primary without an error, and back when it recovers.
 */
const skip = clusterSkipReason();

describe.skipIf(skip)(skip ?? "public reads with a streaming replica", () => {
  let c: PgCluster;
  let id: string;
  const name = async () => (await getPublicSchool(id))?.nameEn;
  const onReplica = async () => (await c.query<{ n: string }>("replica", `SELECT "nameEn" AS n FROM "School" WHERE "id" = $1`, [id]))[0]?.n;
  /** Changes the English name through the edit action, as the Guangdong officer in this browser. */
  const rename = async (nameEn: string) => {
    const row = await db().school.findUniqueOrThrow({ where: { id } });
    const res = await updateSchoolAction(editForm(row, { nameEn }));
    expect(res.ok, JSON.stringify(res)).toBe(true);
  };
  const eventually = async (what: string, check: () => Promise<boolean>) => {
    const until = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    c = await startPgCluster({ primaryPort: 3711, replicaPort: 3712 });
    vi.stubEnv("DATABASE_URL", c.primaryUrl);
    vi.stubEnv("DATABASE_REPLICA_URL", c.replicaUrl);
    await seedSchoolReference(db());
    signInAs(testUsers.gdOfficer);
    const created = await createSchoolAction(createForm({ nameZh: "广州市副本测试技工学校", nameEn: "Replica Test School" }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    id = created.data.id;
    await c.waitForReplay();
  });
  afterAll(async () => {
    await disconnect();
    await c?.stop();
  });
  beforeEach(async () => {
    // A generous bound unless a test says otherwise: the machine may be slow, the lag must not decide.
    configureReplicaForTests({ maxLagMs: 10 * 60_000, probeTimeoutMs: 10_000, forget: true });
    jar.clear();
    await c.resumeReplay();
    await c.waitForReplay();
  });

  it("while replay is paused: others read the replica's old value, the writer reads their own write", async () => {
    const before = await name();
    await c.pauseReplay();
    await rename("Replica Test School (new)");
    const cookie = jar.get(READ_AFTER_COOKIE);
    expect(cookie).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(await onReplica()).toBe(before);

    jar.clear(); // another browser
    expect(await name()).toBe(before);
    jar.set(READ_AFTER_COOKIE, cookie!); // the writer's
    expect(await name()).toBe("Replica Test School (new)");
    jar.clear();
    expect(await name()).toBe(before);

    await c.resumeReplay();
    await c.waitForReplay();
    await eventually("the replica's new value for everyone", async () => (await name()) === "Replica Test School (new)");
  });

  it("the cache never serves an entry newer than the replica shows: each database has its own entries, stamped with its own version", async () => {
    await c.pauseReplay();
    const old = await name();
    await rename(`${old} 2`);
    const writer = jar.get(READ_AFTER_COOKIE)!;
    expect(await name()).toBe(`${old} 2`); // the primary's entry, for the writer
    const primaryVersion = await dataVersion(db());
    const replicaVersion = await dataVersion(replicaDb()!);
    expect(replicaVersion).toBeLessThan(primaryVersion!);
    jar.clear();
    const hitsBefore = readCacheStats().hits;
    expect(await name()).toBe(old); // the replica's entry, at the replica's version
    expect(await name()).toBe(old);
    expect(readCacheStats().hits).toBeGreaterThan(hitsBefore);
    jar.set(READ_AFTER_COOKIE, writer);
    expect(await name()).toBe(`${old} 2`);
  });

  it("a replica further behind than the bound: public reads go to the primary while replay is still paused", async () => {
    configureReplicaForTests({ maxLagMs: 500, forget: true });
    await c.pauseReplay();
    const old = await name();
    await rename(`${old} 3`);
    jar.clear();
    await eventually("reads on the primary once the lag passes 0.5 s", async () => (await name()) === `${old} 3`);
    expect(await onReplica()).toBe(old); // replay is still paused: the answer came from the primary
  });

  it("the replica stopped: reads succeed from the primary, the node is not marked down, and reads return to the replica when it is back", async () => {
    await c.stopReplica();
    try {
      const old = await name();
      await rename(`${old} 4`);
      jar.clear();
      expect(await name()).toBe(`${old} 4`);
      expect(dbMarkedDown()).toBe(false);
    } finally {
      await c.startReplica();
    }
    await c.waitForReplay();
    await c.pauseReplay();
    const current = await name();
    await db().$executeRaw`UPDATE "School" SET "nameEn" = ${`${current} 5`} WHERE "id" = ${id}`;
    // The replica is back: an anonymous read shows its (older) state again, not the primary's.
    await eventually("reads back on the replica", async () => (await name()) === current);
  });

  it("the changes cursor reads the primary: a change shows in changedSince while the replica has not replayed it", async () => {
    await c.pauseReplay();
    const old = await name();
    await rename(`${old} 6`);
    await changesSettled(db());
    jar.clear();
    const page = await schoolChanges({ since: null, after: null, limit: 100 }, new Date());
    expect(page.data.find((s) => s.id === id)?.nameEn).toBe(`${old} 6`);
    expect(await onReplica()).toBe(old);
  });

  it("the webhook dispatcher reads the primary: it queues a change the replica has not replayed", async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    const sub = await db().webhookSubscription.create({
      data: {
        ownerId: testUsers.gdOfficer.id,
        target: "SCHOOL",
        targetValue: id,
        url: "https://example.org/hook",
        secret: "whsec_test",
        createdAt: hourAgo,
        cursorAt: hourAgo,
      },
    });
    await dispatchChanges(new Date()); // everything so far
    await c.waitForReplay();
    await c.pauseReplay();
    const old = await name();
    await rename(`${old} 7`);
    jar.clear();
    const before = await db().webhookDelivery.count({ where: { subscriptionId: sub.id } });
    expect(await dispatchChanges(new Date())).toBeGreaterThan(0);
    expect(await db().webhookDelivery.count({ where: { subscriptionId: sub.id } })).toBeGreaterThan(before);
    expect(await onReplica()).toBe(old);
    await db().webhookSubscription.update({ where: { id: sub.id }, data: { enabled: false } });
  });

  it("checks the replica's health at most once per interval, however many reads", async () => {
    const probes = replicaProbeCount();
    const started = Date.now();
    for (let i = 0; i < 40; i++) await name();
    const elapsed = Date.now() - started;
    expect(replicaProbeCount() - probes).toBeLessThanOrEqual(Math.floor(elapsed / CHECK_INTERVAL_MS) + 1);
  });
});
