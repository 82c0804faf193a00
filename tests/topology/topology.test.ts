import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect as expectPage, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { clusterSkipReason, startPgCluster, type PgCluster } from "../support/pg-cluster";
import { startNginx, nginxSkipReason, type Nginx } from "./support/nginx";
import { ROOT, runRelease, startNode, waitHealthy, type AppNode } from "./support/nodes";
import { steadyGets, whileLoaded } from "./support/load";
import { readEnvFile, UNIT_DIR, writeEnvFile } from "./support/units";
import { t } from "../e2e/support/messages";

/**
 * Issue 14: the deployment of docs/deployment.md, for real, on loopback — a PostgreSQL primary and
 * a streaming replica (tests/support/pg-cluster.ts), the release step and two app nodes started
 * from deploy/systemd's units, nginx from deploy/nginx in front. Runs in CI's PostgreSQL pass
 * (`npm run test:topology`, after the e2e step built the app); skipped with a message elsewhere.
 */
const PORTS = { nginx: 3800, a: 3801, b: 3802, primary: 3810, replica: 3811 };
const distDir = process.env.NEXT_DIST_DIR || ".next";
/** Public reads lag the primary by at most REPLICA_MAX_LAG_SECONDS (5 s, decision 0075); pages and the API add the 1 s micro-cache (0076, 0091). */
const PAGE_BOUND_MS = 6_000;
const API_BOUND_MS = 6_000;
/** The rolling restart's "new build": a copy of the build in another dist dir (removed afterwards). */
const next = `${distDir}-topology-next`;

function skipReason(): string | undefined {
  if (!process.env.TEST_DATABASE_URL) return "TEST_DATABASE_URL is not set: the topology test runs in the PostgreSQL pass";
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) return `no production build in ${distDir}/ (npm run test:build first)`;
  return nginxSkipReason() ?? clusterSkipReason();
}

const reason = skipReason();
if (reason) console.log(`[topology] skipped: ${reason}`);

const zh = (key: string) => t("zh-CN", key);

describe.skipIf(!!reason)("two app nodes behind nginx, on a primary and a streaming replica", () => {
  let dir: string;
  let cluster: PgCluster;
  let nginx: Nginx;
  let envFile: string;
  const nodes: Record<"a" | "b", AppNode | null> = { a: null, b: null };
  let browser: Browser;
  let officer: BrowserContext;
  let school: { id: string; publicCode: string };
  const address = (n: AppNode | null) => `127.0.0.1:${n?.port}`;
  const dataDir = (key: "a" | "b") => path.join(dir, `data-${key}`);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-topology-"));
    fs.chmodSync(dir, 0o755);
    for (const key of ["a", "b"] as const) fs.mkdirSync(dataDir(key));
    cluster = await startPgCluster({ primaryPort: PORTS.primary, replicaPort: PORTS.replica, migrate: false });
    envFile = path.join(dir, "registry.env");
    writeEnvFile(envFile, {
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URL: cluster.replicaUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      PUBLIC_URL: `http://127.0.0.1:${PORTS.nginx}`,
      DEMO_SEED: "1",
      // Every request of this test comes from one address (127.0.0.1).
      API_RATE_LIMIT_PER_MINUTE: "1000000",
    });
    // The release unit's ExecStart (npm run db:deploy), then the demo seed the scenarios sign in with.
    await runRelease(envFile, distDir);
    execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: ROOT, env: { ...process.env, ...readEnvFile(envFile) }, stdio: "pipe" });
    await cluster.waitForReplay();
    [nodes.a, nodes.b] = await Promise.all([startNode(PORTS.a, envFile, distDir, dataDir("a")), startNode(PORTS.b, envFile, distDir, dataDir("b"))]);
    nginx = await startNginx({ dir: path.join(dir, "nginx"), port: PORTS.nginx, nodes: [address(nodes.a), address(nodes.b)] });
    const [row] = await cluster.query<{ id: string; publicCode: string }>(
      "primary",
      `SELECT "id", "publicCode" FROM "School" WHERE "authorityId" = 'guangdong' AND "status" = 'OPERATING' ORDER BY "publicCode" LIMIT 1`,
    );
    school = row;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    // A forged X-Forwarded-For on every request: the app must take the address nginx saw instead.
    officer = await browser.newContext({ baseURL: nginx.base, locale: "zh-CN", extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.7" } });
    const page = await officer.newPage();
    await page.goto("/sign-in");
    await page.getByRole("main").getByLabel(zh("auth.username")).fill("gd-officer");
    await page.getByRole("main").getByLabel(zh("auth.password")).fill("Officer#2026demo");
    await page
      .getByRole("main")
      .getByRole("button", { name: zh("auth.submit"), exact: true })
      .click();
    await page.waitForURL(/\/console(\?|$)/);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    await Promise.all([nodes.a?.stop("kill"), nodes.b?.stop("kill")]);
    await cluster?.stop();
    fs.rmSync(path.join(ROOT, next), { recursive: true, force: true });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The officer changes the school's address through nginx (the form, as a person would). */
  async function editAddress(value: string): Promise<Page> {
    const page = await officer.newPage();
    await page.goto(`/console/schools/${school.id}/edit`);
    await page.getByTestId("school-form").getByLabel(zh("schools.fields.address")).fill(value);
    await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
    await expectPage(page.getByTestId("saved-notice")).toHaveText(zh("schools.page.saved"), { timeout: 30_000 });
    return page;
  }

  const cookieHeader = async () => (await officer.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const text = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers }).then(async (r) => ({ status: r.status, body: await r.text() }));

  async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - started;
  }

  test("deploy/: the units pass systemd-analyze, the example environment passes the app's own check", () => {
    expect(() => parseEnv(readEnvFile(path.join(ROOT, "deploy/registry.env.example")))).not.toThrow();
    let analyze = "";
    try {
      analyze = execFileSync("systemd-analyze", ["--version"], { encoding: "utf8" });
    } catch {
      console.log("[topology] systemd-analyze is not installed: the units' syntax is not verified");
    }
    if (analyze) {
      const copy = fs.mkdtempSync(path.join(dir, "units-"));
      for (const f of fs.readdirSync(UNIT_DIR)) fs.copyFileSync(path.join(UNIT_DIR, f), path.join(copy, f));
      const out = execFileSync("systemd-analyze", ["verify", "--man=no", "./registry-node@3000.service", "./registry-release.service"], {
        cwd: copy,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(out.trim()).toBe("");
    }
  });

  test("an edit through node A: node B's console shows it at once, public pages within the bound; the audit has nginx's address", async () => {
    // Node B drained: the officer's requests reach node A only.
    await nginx.reconfigure({ drain: [address(nodes.b)] });
    const value = `广州市天河区拓扑测试路${Date.now() % 100000}号`;
    (await editAddress(value)).close();
    await nginx.reconfigure({});

    // Node B, asked directly with the officer's session: the console reads the primary.
    const consolePage = await text(`${nodes.b!.base}/console/schools/${school.id}`, { cookie: await cookieHeader() });
    expect(consolePage.status).toBe(200);
    expect(consolePage.body).toContain(value);

    // The public page and the open-data record through nginx (replica, micro-cache): within the bound.
    const pageMs = await within(PAGE_BOUND_MS, async () => (await text(`${nginx.base}/schools/${school.publicCode}`)).body.includes(value));
    const apiMs = await within(API_BOUND_MS, async () => (await text(`${nginx.base}/api/v1/schools/${school.publicCode}`)).body.includes(value));
    console.log(`[topology] public page after ${pageMs} ms, open-data record after ${apiMs} ms`);

    const [audit] = await cluster.query<{ clientAddress: string }>(
      "primary",
      `SELECT "clientAddress" FROM "AuditEvent" WHERE "entityId" = $1 AND "action" = 'school.update' ORDER BY "at" DESC LIMIT 1`,
      [school.id],
    );
    expect(audit.clientAddress).toBe("127.0.0.1");
  });

  test("the edge: micro-cache only for anonymous API GETs and public pages, gzip, immutable static files", async () => {
    const api = `${nginx.base}/api/v1/schools?q=${encodeURIComponent("广州")}`;
    const gzip = { "Accept-Encoding": "gzip" };
    await fetch(api, { headers: gzip }).then((r) => r.arrayBuffer());
    const hit = await fetch(api, { headers: gzip });
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(hit.headers.get("ratelimit-remaining")).toBeNull();
    expect(hit.headers.get("content-encoding")).toBe("gzip");
    const personal: Record<string, string>[] = [{ cookie: await cookieHeader() }, { "x-api-key": "rk_not_a_key" }, { authorization: "Bearer rk_not_a_key" }];
    for (const headers of personal) {
      const r = await fetch(api, { headers });
      expect(r.headers.get("x-cache"), Object.keys(headers)[0]).toBeNull();
    }
    // Public pages asked anonymously: stored (decision 0091), the CSP header kept with the body whose nonce it names.
    const pageUrl = `${nginx.base}/schools/${school.publicCode}`;
    await fetch(pageUrl).then((r) => r.arrayBuffer());
    const pageHit = await fetch(pageUrl);
    expect(pageHit.headers.get("x-cache")).toBe("HIT");
    expect(pageHit.headers.get("x-registry-shared-cache")).toBeNull();
    const nonce = /'nonce-([^']+)'/.exec(pageHit.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(await pageHit.text()).toContain(`nonce="${nonce}"`);
    // Never from the cache: a visitor with any cookie, a client-side navigation, pages with forms or sessions.
    const bypass: Record<string, string>[] = [{ cookie: await cookieHeader() }, { cookie: "locale=en" }, { rsc: "1" }];
    for (const headers of bypass) {
      const r = await fetch(pageUrl, { headers });
      expect(r.headers.get("x-cache"), Object.keys(headers)[0]).toBe("BYPASS");
    }
    for (const privatePath of ["/sign-in", `/schools/${school.publicCode}/report`, "/notices"]) {
      await fetch(`${nginx.base}${privatePath}`).then((r) => r.arrayBuffer());
      const again = await fetch(`${nginx.base}${privatePath}`);
      expect(again.headers.get("x-cache"), privatePath).not.toBe("HIT");
    }
    const home = await text(`${nginx.base}/`);
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(home.body)?.[0];
    expect(chunk).toBeTruthy();
    const st = await fetch(`${nginx.base}${chunk}`);
    expect(st.status).toBe(200);
    expect(st.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("the writer reads their own write on the public page while the replica's replay is paused", async () => {
    await cluster.pauseReplay();
    try {
      const value = `广州市天河区复制暂停路${Date.now() % 100000}号`;
      const page = await editAddress(value);
      expect((await officer.cookies()).map((c) => c.name)).toContain("registry-read-after");
      await page.goto(`/schools/${school.publicCode}`);
      await expectPage(page.getByText(value).first()).toBeVisible();
      await page.close();
      const [onReplica] = await cluster.query<{ address: string }>("replica", `SELECT "address" FROM "School" WHERE "id" = $1`, [school.id]);
      expect(onReplica.address).not.toBe(value);
    } finally {
      await cluster.resumeReplay();
      await cluster.waitForReplay();
    }
  });

  test("the replica stopped: public pages and the open-data API still answer 200", async () => {
    await cluster.stopReplica();
    try {
      for (const p of [`/schools/${school.publicCode}`, "/schools", `/api/v1/schools?q=${encodeURIComponent("深圳")}`, "/api/v1/progress"]) {
        const r = await fetch(`${nginx.base}${p}`);
        expect(r.status, p).toBe(200);
      }
    } finally {
      await cluster.startReplica();
    }
  });

  test("evidence uploaded through node A downloads through node B byte for byte (each node has its own DATA_DIR)", async () => {
    const [application] = await cluster.query<{ id: string }>(
      "primary",
      `SELECT a."id" FROM "SelectionApplication" a JOIN "School" s ON s."id" = a."schoolId"
       WHERE s."authorityId" = 'guangdong' AND a."status" = 'DRAFT' ORDER BY a."id" LIMIT 1`,
    );
    // Over one 256 KiB chunk of the file store, so the download is put together from several rows.
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(300_000), Buffer.from("\n%%EOF\n")]);
    await nginx.reconfigure({ drain: [address(nodes.b)] });
    const page = await officer.newPage();
    let href: string | null;
    try {
      await page.goto(`/console/selection/applications/${application.id}`);
      await page.getByLabel(zh("selection.application.uploadLabel")).setInputFiles({ name: "拓扑证明.pdf", mimeType: "application/pdf", buffer: pdf });
      await page.getByRole("button", { name: zh("selection.application.upload"), exact: true }).click();
      await expectPage(page.getByText(zh("selection.application.uploaded"))).toBeVisible();
      href = await page.getByRole("link", { name: "拓扑证明.pdf" }).getAttribute("href");
    } finally {
      await page.close();
      await nginx.reconfigure({});
    }
    const res = await fetch(`${nodes.b!.base}${href}`, { headers: { cookie: await cookieHeader() } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });

  const publicPaths = () => [
    `/schools/${school.publicCode}`,
    `/api/v1/schools?q=${encodeURIComponent("广州")}`,
    "/api/v1/progress",
    `/api/v1/schools/${school.publicCode}`,
    "/schools",
    // Never cached (decision 0091): nodes keep answering (and logging) while the pages above come from nginx.
    "/notices",
  ];

  test("node A killed during a stream of public GETs: no failed request; A back in rotation after it restarts", async () => {
    const stream = steadyGets(nginx.base, publicPaths());
    await whileLoaded(stream, 40);
    await nodes.a!.stop("kill");
    await whileLoaded(stream, 60);
    nodes.a = await startNode(PORTS.a, envFile, distDir, dataDir("a"));
    const before = nginx.accessLines().length;
    // Passive checks: after fail_timeout (5 s) nginx sends A a request again; once it answers, A is back.
    await within(30_000, async () =>
      nginx
        .accessLines()
        .slice(before)
        .some((l) => l.startsWith(`${address(nodes.a)} 200`)),
    );
    const { requests, failures, resent } = await stream.stop();
    console.log(`[topology] kill: ${requests} requests, ${failures.length} failed, ${resent} sent again on a closed keep-alive connection`);
    if (failures.length) console.log(failures.slice(0, 10), nginx.diagnosis());
    expect(failures).toEqual([]);
  });

  test("a rolling restart of both nodes onto a new build, under load: no failed request", async () => {
    // The "new build": the same build in another folder (dist dir), as a release folder would be.
    fs.rmSync(path.join(ROOT, next), { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, distDir), path.join(ROOT, next), { recursive: true, filter: (src) => !src.includes(`${path.sep}cache`) });
    const stream = steadyGets(nginx.base, publicPaths());
    try {
      await whileLoaded(stream, 40);
      for (const key of ["a", "b"] as const) {
        const old = nodes[key]!;
        // docs/deployment.md, "Rolling restart": drain, stop, start the new build, wait for health, undrain.
        await nginx.reconfigure({ drain: [address(old)] });
        await old.stop("term");
        nodes[key] = await startNode(old.port, envFile, next, dataDir(key));
        await waitHealthy(nodes[key]!.base);
        await nginx.reconfigure({});
        await whileLoaded(stream, 40);
      }
      const { requests, failures, resent } = await stream.stop();
      console.log(`[topology] rolling restart: ${requests} requests, ${failures.length} failed, ${resent} sent again on a closed keep-alive connection`);
      if (failures.length) console.log(failures.slice(0, 10), nginx.diagnosis());
      expect(failures).toEqual([]);
      expect([nodes.a!.distDir, nodes.b!.distDir]).toEqual([next, next]);
    } finally {
      await stream.stop();
    }
  });

  test("no node can answer: nginx's own 503 with Retry-After and the outage title in both languages", async () => {
    await Promise.all([nodes.a!.stop("kill"), nodes.b!.stop("kill")]);
    // An API URL no earlier test asked for: an answer still in the micro-cache (≤ 1 s) would be served.
    for (const p of ["/", `/api/v1/schools?q=${encodeURIComponent("无节点")}`]) {
      const r = await fetch(`${nginx.base}${p}`);
      expect(r.status, p).toBe(503);
      expect(r.headers.get("retry-after")).toBe("10");
      const body = await r.text();
      expect(body).toContain(t("zh-CN", "outage.pageTitle"));
      expect(body).toContain(t("en", "outage.pageTitle"));
    }
  });
});
