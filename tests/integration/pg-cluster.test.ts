import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterSkipReason, startPgCluster, type PgCluster } from "../support/pg-cluster";

/** The test cluster itself (tests/support/pg-cluster.ts): a replica that streams, pauses and comes back. */
const skip = clusterSkipReason();

describe.skipIf(skip)(skip ?? "pg-cluster: a primary and a streaming replica", () => {
  let c: PgCluster;
  beforeAll(async () => {
    c = await startPgCluster({ primaryPort: 3701, replicaPort: 3702 });
  });
  afterAll(async () => c?.stop());

  const count = async (on: "primary" | "replica") => Number((await c.query<{ n: string }>(on, `SELECT count(*) AS n FROM "DataVersion"`))[0].n);

  it("streams the migrated schema to a read-only replica", async () => {
    const [{ standby }] = await c.query<{ standby: boolean }>("replica", "SELECT pg_is_in_recovery() AS standby");
    expect(standby).toBe(true);
    expect(await count("replica")).toBe(await count("primary"));
    await expect(c.query("replica", `CREATE TABLE nope (a int)`)).rejects.toThrow(/read-only/);
  });

  it("holds changes back while replay is paused and applies them on resume", async () => {
    await c.query("primary", "CREATE TABLE probe (a int)");
    await c.waitForReplay();
    await c.pauseReplay();
    await c.query("primary", "INSERT INTO probe VALUES (1)");
    expect((await c.query("replica", "SELECT * FROM probe")).length).toBe(0);
    await c.resumeReplay();
    await c.waitForReplay();
    expect((await c.query("replica", "SELECT * FROM probe")).length).toBe(1);
  });

  it("stops and restarts the replica, which then catches up", async () => {
    await c.stopReplica();
    await expect(c.query("replica", "SELECT 1")).rejects.toThrow();
    await c.query("primary", "INSERT INTO probe VALUES (2)");
    await c.startReplica();
    await c.waitForReplay();
    expect((await c.query("replica", "SELECT * FROM probe")).length).toBe(2);
  });
});
