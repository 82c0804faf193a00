import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { demoAccounts } from "./support/accounts";
import { startFaultServer, type FaultServer } from "./support/fault-server";
import { zh } from "./support/messages";
import { createPrivateCluster, pgBinariesPresent, PG_BIN, type PrivateCluster } from "./support/private-postgres";
import { signIn } from "./support/sign-in";

/**
 * Issue 6 item 7: PostgreSQL stops while the app runs. On a private cluster (initdb + pg_ctl) and a
 * second `next start` of the production build: pages and the API answer 503 with the bilingual
 * message within seconds (never 500, never a hang), a write submitted during the outage answers
 * DB_UNAVAILABLE and leaves nothing behind, and when PostgreSQL is back the same URLs answer 200
 * again without restarting the app. Both `pg_ctl stop -m immediate` and `-m fast`.
 */
test.describe.configure({ mode: "serial" });
test.skip(!pgBinariesPresent(), `PostgreSQL server binaries not found in ${PG_BIN} (Debian package postgresql-15)`);
// It brings its own cluster and server, so one of CI's two passes is enough: the PostgreSQL one.
test.skip(!!process.env.CI && !process.env.E2E_DATABASE_URL, "runs in CI's PostgreSQL pass (E2E_DATABASE_URL)");

const publicPages = ["/", "/schools", "/progress"];
const consolePages = ["/console", "/console/schools"];
const api = "/api/v1/schools";
// What no answer may contain: a stack frame, SQL, driver or connection details.
// (Case-sensitive: the catalogs shipped with a page contain ICU "select".)
const LEAK =
  /\bat \S+ \(|\bSELECT\s[^"]*\sFROM\b|\bINSERT INTO\b|ECONNREFUSED|PrismaClient|DriverAdapterError|Can't reach database|postgres(ql)?:\/\/|127\.0\.0\.1:\d+/;

let cluster: PrivateCluster;
let server: FaultServer;
let page: Page;
let schoolId: string;
const address = `广州市故障测试路${Date.now().toString().slice(-6)}号`;

async function get(req: APIRequestContext, url: string) {
  const t0 = Date.now();
  const res = await req.get(`${server.baseURL}${url}`, { maxRedirects: 0, timeout: 15_000, failOnStatusCode: false });
  return { status: res.status(), ms: Date.now() - t0, text: await res.text(), headers: res.headers() };
}

/** Polls `url` until it answers `status`; returns the milliseconds it took. */
async function until(req: APIRequestContext, url: string, status: number, limitMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const r = await get(req, url);
    expect(r.ms, `${url} answered in ${r.ms} ms`).toBeLessThan(5000);
    expect(r.status, `${url} answered 500`).not.toBe(500);
    if (r.status === status) return Date.now() - t0;
    expect(Date.now() - t0, `${url} still ${r.status} after ${limitMs} ms`).toBeLessThan(limitMs);
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: server.databaseUrl });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function expectAllUp() {
  const req = page.context().request;
  for (const url of [...publicPages, ...consolePages, api]) expect((await get(req, url)).status, url).toBe(200);
}

async function expectAllDown() {
  const req = page.context().request;
  for (const url of [...publicPages, ...consolePages]) {
    const r = await get(req, url);
    expect(r.status, url).toBe(503);
    expect(r.ms, url).toBeLessThan(5000);
    expect(r.headers["content-type"]).toContain("text/html");
    expect(r.headers["retry-after"]).toMatch(/^\d+$/);
    expect(r.text).toContain(zh("outage.title"));
    expect(r.text).toContain("The database is temporarily unavailable");
    expect(r.text).toContain('role="alert"');
    expect(r.text).toMatch(new RegExp(`<a href="${url.replace(/\//g, "\\/")}">`));
    expect(r.text).not.toMatch(LEAK);
  }
  const r = await get(req, api);
  expect(r.status).toBe(503);
  expect(r.headers["retry-after"]).toMatch(/^\d+$/);
  expect(JSON.parse(r.text)).toMatchObject({ error: { code: "DB_UNAVAILABLE" } });
  expect(r.text).not.toMatch(LEAK);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  cluster = await createPrivateCluster();
  server = await startFaultServer(cluster);
  page = await browser.newPage({ baseURL: server.baseURL });
  [{ id: schoolId }] = await sql<{ id: string }>(
    `SELECT id FROM "School" WHERE "authorityId" = 'guangdong' AND status = 'OPERATING' ORDER BY "nameZh" LIMIT 1`,
  );
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
  cluster?.destroy();
});

test("pages and the API answer 200 while PostgreSQL runs", async () => {
  await signIn(page, demoAccounts.gdOfficer);
  await expectAllUp();
});

for (const mode of ["immediate", "fast"] as const) {
  test(`pg_ctl stop -m ${mode}: 503 with the message, a write is refused and leaves nothing, 200 again when it returns`, async () => {
    test.setTimeout(120_000);
    const req = page.context().request;
    await page.goto(`/console/schools/${schoolId}/edit`);
    const form = page.getByTestId("school-form");
    await form.getByLabel(zh("schools.fields.address")).fill(`${address}-${mode}`);

    cluster.stop(mode);
    const toDown = await until(req, "/", 503, 5000);
    await expectAllDown();

    // The write: the action answers DB_UNAVAILABLE, shown in the form.
    await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
    await expect(page.getByTestId("form-error")).toHaveText(zh("errors.DB_UNAVAILABLE"));

    cluster.start();
    const toUp = await until(req, "/", 200, 10_000);
    await expectAllUp();
    console.log(`[faults] stop -m ${mode}: 503 after ${toDown} ms; 200 again ${toUp} ms after pg_ctl start returned`);

    // Nothing of the refused write reached the database.
    expect(await sql(`SELECT id FROM "School" WHERE address = $1`, [`${address}-${mode}`])).toHaveLength(0);
    expect(await sql(`SELECT id FROM "AuditEvent" WHERE "after"::text LIKE $1`, [`%${address}-${mode}%`])).toHaveLength(0);

    // The same form, submitted again, now saves: writes work again without restarting the app.
    await page.getByRole("button", { name: zh("schools.form.save"), exact: true }).click();
    await expect(page.getByTestId("form-error")).toHaveCount(0);
    await expect.poll(async () => (await sql(`SELECT id FROM "School" WHERE address = $1`, [`${address}-${mode}`])).length).toBe(1);
  });
}

test("an app started while PostgreSQL is down answers 503 from its very first request, and recovers", async () => {
  test.setTimeout(120_000);
  const req = page.context().request;
  cluster.stop("immediate");
  await server.restart();
  // No pool exists yet: this page render fails on its first query; Next would answer 500, and the
  // process answers 503 instead (lib/outage/status.ts), with the error boundary's alert.
  const first = await get(req, "/");
  expect(first.status).toBe(503);
  expect(first.ms).toBeLessThan(5000);
  expect(first.headers["retry-after"]).toMatch(/^\d+$/);
  expect(first.text).toContain(zh("outage.errorBody"));
  expect(first.text).not.toMatch(LEAK);
  await expectAllDown();
  cluster.start();
  const toUp = await until(req, "/", 200, 10_000);
  await expectAllUp();
  console.log(`[faults] app started during the outage: 200 again ${toUp} ms after pg_ctl start returned`);
});
