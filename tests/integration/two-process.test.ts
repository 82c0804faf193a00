import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { hasBuild, startServer, type Server } from "@/scripts/bench/server";
import { signOut, trySignIn } from "@/scripts/bench/session";
import { seedPublicFixture } from "../support/public-fixtures";
import { adminUrl, createPgDatabase, migrationSql } from "../support/test-db";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";

/**
 * Two app processes (ports 3110 and 3111) on one fresh PostgreSQL database, as two nodes behind a
 * load balancer would be: a sign-in on one is a session on the other, a sign-out on one ends it on
 * both, a lockout earned on both holds on both, the open-data rate limit counts both, and a change
 * to public data reaches both processes' caches. Uses the production build in NEXT_DIST_DIR (or
 * .next) when there is one, else `next dev`. PostgreSQL only.
 */
const PORTS = [3110, 3111];
const PASSWORD = "Two#Process2026demo";
const distDir = process.env.TWO_PROCESS_DIST_DIR || process.env.NEXT_DIST_DIR || ".next";
const dev = !hasBuild(distDir);

describe.skipIf(!adminUrl())("two app processes on one PostgreSQL", () => {
  let drop: () => Promise<void> = async () => {};
  let servers: Server[] = [];
  let pool: pg.Pool;
  let schoolId = "";
  const [a, b] = [() => servers[0].base, () => servers[1].base];

  beforeAll(async () => {
    const created = await createPgDatabase(adminUrl()!);
    drop = created.drop;
    pool = new pg.Pool({ connectionString: created.url, max: 2 });
    for (const sql of migrationSql()) await pool.query(sql);
    const engine = openEngine({ kind: "postgres", url: created.url });
    const client = new PrismaClient({ adapter: engine.factory });
    await seedPublicFixture(client);
    const passwordHash = await hashPassword(PASSWORD);
    await client.user.createMany({
      data: ["tp-officer", "tp-locked"].map((username) => ({
        username,
        passwordHash,
        displayName: username,
        role: "PROVINCE_OFFICER" as const,
        authorityId: "guangdong",
      })),
    });
    schoolId = (await client.school.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } })).id;
    await client.$disconnect();
    await engine.close();

    const env = {
      DATABASE_URL: created.url,
      AUTH_SECRET: "two-process-test-secret-shared-by-both",
      AUTH_TRUST_HOST: "true",
      API_RATE_LIMIT_PER_MINUTE: "1000",
    };
    // One at a time: two builds of the same routes would only compete for the CPU.
    for (const port of PORTS) {
      const dir = dev ? path.join(".next-two-process", String(port)) : distDir;
      if (dev) fs.mkdirSync(dir, { recursive: true });
      servers.push(await startServer({ port, distDir: dir, env, mode: dev ? "dev" : "start", readyTimeoutMs: dev ? 300_000 : 60_000 }));
    }
  }, 600_000);

  afterAll(async () => {
    for (const s of servers) await s.stop();
    servers = [];
    await pool?.end();
    await drop();
  });

  const consoleStatus = async (base: string, cookie: string) => (await fetch(`${base}/console`, { headers: { cookie }, redirect: "manual" })).status;

  it("a sign-in through one process is a session on the other; a sign-out through the other ends it on both", async () => {
    const r = await trySignIn(a(), "tp-officer", PASSWORD);
    expect(r.cookie, `sign-in refused: ${r.status} ${r.location}`).toBeTruthy();
    expect(await consoleStatus(a(), r.cookie!)).toBe(200);
    expect(await consoleStatus(b(), r.cookie!)).toBe(200);
    const sessions = await pool.query(`SELECT count(*)::int AS n FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.username = 'tp-officer'`);
    expect(sessions.rows[0].n).toBe(1);

    await signOut(b(), r.cookie!);
    // The cookie still carries a valid signature: only the shared session row says it has ended.
    expect(await consoleStatus(a(), r.cookie!)).not.toBe(200);
    expect(await consoleStatus(b(), r.cookie!)).not.toBe(200);
  }, 180_000);

  it("a lockout earned by failures spread over both processes holds on both", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await trySignIn(i % 2 ? b() : a(), "tp-locked", "wrong-password-123");
      expect(r.cookie).toBeNull();
    }
    const locked = await pool.query(`SELECT "lockedUntil" FROM "User" WHERE username = 'tp-locked'`);
    expect(locked.rows[0].lockedUntil).not.toBeNull();
    // The right password now fails through either process.
    expect((await trySignIn(a(), "tp-locked", PASSWORD)).cookie).toBeNull();
    expect((await trySignIn(b(), "tp-locked", PASSWORD)).cookie).toBeNull();
    // …while another account is unaffected (the address is not blocked).
    const other = await trySignIn(b(), "tp-officer", PASSWORD);
    expect(other.cookie).toBeTruthy();
  }, 180_000);

  it("a change to public data reaches both processes' caches", async () => {
    const name = async (base: string) => (await (await fetch(`${base}/api/v1/schools/${schoolId}`)).json()) as { nameZh: string };
    const before = await name(a());
    await name(b()); // both processes have it cached now
    // Another node (or a script) renames the school: here, plain SQL on the shared database.
    await pool.query(`UPDATE "School" SET "nameZh" = '两进程测试技师学院' WHERE "id" = $1`, [schoolId]);
    for (const base of [a(), b()]) {
      expect((await name(base)).nameZh).toBe("两进程测试技师学院");
    }
    expect(before.nameZh).toBeTruthy();
    expect(before.nameZh).not.toBe("两进程测试技师学院");
  }, 120_000);

  it("the open-data rate limit counts requests to both processes against one number", async () => {
    // Counts the processes deferred from earlier tests' requests land within 250 ms: wait, then start from zero.
    await new Promise((r) => setTimeout(r, 600));
    await pool.query(`DELETE FROM "RateLimitBucket"`);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${i % 2 ? b() : a()}/api/v1/schools?pageSize=1`)).status);
    const limited = await fetch(`${b()}/api/v1/schools?pageSize=1`);
    expect(statuses.every((x) => x === 200)).toBe(true);
    expect(limited.headers.get("ratelimit-limit")).toBe("1000");
    // One shared counter (summed over minute windows, in case the test crosses a minute): 9 —
    // once each process has written the counts it defers far from the limit (within 250 ms;
    // docs/decisions/0042-batched-rate-limit-counts.md).
    let n = 0;
    for (let i = 0; i < 40 && n !== 9; i++) {
      await new Promise((r) => setTimeout(r, 100));
      n = (await pool.query(`SELECT sum("count")::int AS n FROM "RateLimitBucket"`)).rows[0].n;
    }
    expect(n).toBe(9);
  }, 120_000);
});
