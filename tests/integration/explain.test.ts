import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/auth/scope";
import { setDbClient } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { listSchoolsForExport } from "@/lib/exports/data";
import { listPublicChanges } from "@/lib/opendata/changes/data";
import { designationChanges, majorChanges, schoolChanges } from "@/lib/opendata/changed-since/pages";
import { announcedCounts, batchCounts, inProcessCounts, progressBatches } from "@/lib/progress/data";
import { getPublicSchoolAsOf, getPublicSchoolHistory, searchPublicSchools } from "@/lib/public/data";
import { publicSchoolSearchSchema } from "@/lib/public/search-schema";
import { listMeasure, measureOf, qualityCounts } from "@/lib/quality/data";
import { listSchools } from "@/lib/schools/data";
import { schoolListFiltersSchema } from "@/lib/schools/list-filters";
import { loadBenchData } from "@/scripts/bench/load";
import { adminUrl, openTestDb, type TestDb } from "../support/test-db";

/**
 * The key reads at a meaningful size (≈ 20,000 schools, 200,000 school majors, their audit
 * history, designations and selection batches, loaded with the benchmark's bulk SQL, then
 * VACUUM ANALYZE): every SQL statement the app's own data functions send — captured from
 * Prisma's query events, not retyped — is EXPLAINed, and none may read School, SchoolMajor or
 * AuditEvent with a sequential scan. PostgreSQL only (PGlite's planner has no data to plan for).
 */
const BIG = new Set(["School", "SchoolMajor", "AuditEvent"]);
type Captured = { query: string; params: string };
type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG.has(node["Relation Name"])) out.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

describe.skipIf(!adminUrl())("query plans at 8× national size (PostgreSQL)", () => {
  let t: TestDb;
  let pool: pg.Pool;
  let logged: PrismaClient;
  const captured: Captured[] = [];
  let sample: {
    id: string;
    publicCode: string;
    uscc: string;
    nameZh: string;
    namePinyin: string;
    nameInitials: string;
    authorityId: string;
    divisionCode: string;
  };

  beforeAll(async () => {
    t = await openTestDb();
    if (t.engine.target.kind !== "postgres") throw new Error("PostgreSQL expected");
    pool = new pg.Pool({ connectionString: t.engine.target.url, max: 2 });
    const client = new PrismaClient({ adapter: t.engine.factory, log: [{ emit: "event", level: "query" }] as const });
    client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
    logged = client as unknown as PrismaClient;
    setDbClient(logged, t.engine);
    await loadBenchData({ pool, prisma: logged, scale: 8 });
    sample = (
      await pool.query(
        `SELECT "id", "publicCode", "uscc", "nameZh", "namePinyin", "nameInitials", "authorityId", "divisionCode" FROM "School"
         WHERE "id" LIKE 'bench-guangdong-%' AND "divisionCode" IS NOT NULL AND "uscc" IS NOT NULL ORDER BY "id" LIMIT 1 OFFSET 100`,
      )
    ).rows[0];
  }, 300_000);

  afterAll(async () => {
    await pool?.end();
    await t?.close();
  });

  /** Runs `call`, then EXPLAINs every statement it sent; returns the big tables read by a Seq Scan. */
  async function plansOf(call: () => Promise<unknown>): Promise<{ statements: number; seq: { table: string; query: string }[] }> {
    captured.length = 0;
    await call();
    const statements = captured.filter((c) => /^\s*(SELECT|WITH)/i.test(c.query) && !/"DataVersion"/.test(c.query));
    const seq: { table: string; query: string }[] = [];
    for (const s of statements) {
      const r = await pool.query(`EXPLAIN (FORMAT JSON) ${s.query}`, JSON.parse(s.params));
      const plan = (r.rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan;
      for (const table of seqScans(plan)) seq.push({ table, query: s.query.slice(0, 300) });
    }
    return { statements: statements.length, seq };
  }

  const search = (params: Record<string, string>) => () => searchPublicSchools(publicSchoolSearchSchema.parse(params));
  const cases: [string, () => () => Promise<unknown>][] = [
    ["public search: Chinese substring (4 characters)", () => search({ q: [...sample.nameZh].slice(2, 6).join("") })],
    ["public search: 2-character place name", () => search({ q: [...sample.nameZh].slice(0, 2).join("") })],
    ["public search: 1 character", () => search({ q: "汽" })],
    ["public search: full pinyin prefix", () => search({ q: sample.namePinyin.slice(0, 9) })],
    ["public search: initials", () => search({ q: sample.nameInitials.slice(0, 3) })],
    ["public search: authority and tier", () => search({ authority: sample.authorityId, tier: "TECHNICIAN_COLLEGE" })],
    ["public search: city, sorted by establishment", () => search({ city: sample.divisionCode, sort: "established" })],
    ["public search: status", () => search({ status: "REVOKED" })],
    ["public search: designation in an authority", () => search({ designation: "KEY_SCHOOL", authority: "zhejiang" })],
    ["public search: USCC", () => search({ q: sample.uscc })],
    ["public search: public code, lower case", () => search({ q: sample.publicCode.toLowerCase() })],
    ["public search: name within an authority, page 2", () => search({ q: sample.namePinyin.slice(0, 5), authority: sample.authorityId, page: "2" })],
    ["school page by id", () => () => getPublicSchoolAsOf(sample.id, null)],
    ["school page by public code", () => () => getPublicSchoolAsOf(sample.publicCode.toLowerCase(), null)],
    ["school page as of a past day", () => () => getPublicSchoolAsOf(sample.id, "2025-01-01")],
    ["school history", () => () => getPublicSchoolHistory(sample.id)],
    ["console list of one authority", () => () => listSchools(systemScope("guangdong"), schoolListFiltersSchema.parse({}))],
    ["console list: name search and stale filter", () => () => listSchools(systemScope("guangdong"), schoolListFiltersSchema.parse({ q: "机电", stale: "1" }))],
    // The console reads ids through the same match SQL as the public search (lib/search/data.ts).
    ["console list: 1 character, all authorities", () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ q: "汽" }))],
    [
      "console list: pinyin prefix, all authorities",
      () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ q: sample.namePinyin.slice(0, 9) })),
    ],
    ["console list: USCC, all authorities", () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ q: sample.uscc }))],
    [
      "console export: Chinese substring in one authority",
      () => () => listSchoolsForExport(systemScope("guangdong"), schoolListFiltersSchema.parse({ q: [...sample.nameZh].slice(2, 6).join("") })),
    ],
    [
      "console list: recently updated, all authorities",
      () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ sort: "updated", dir: "desc" })),
    ],
    // The console list's own orders and filters (issue 15), for one authority and for all.
    ["console list of all authorities, page 2", () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ page: "2" }))],
    [
      "console list of one authority: tier, recently updated",
      () => () => listSchools(systemScope("guangdong"), schoolListFiltersSchema.parse({ tier: "TECHNICIAN_COLLEGE", sort: "updated", dir: "desc" })),
    ],
    ["console list by tier, all authorities", () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ sort: "tier" }))],
    [
      "console list by last confirmation, newest first, one authority",
      () => () => listSchools(systemScope("guangdong"), schoolListFiltersSchema.parse({ sort: "confirmed", dir: "desc" })),
    ],
    ["console list: stale, all authorities", () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ stale: "1" }))],
    [
      "console list: stale of one authority",
      () => () => listSchools(systemScope("guangdong"), schoolListFiltersSchema.parse({ stale: "1", status: "OPERATING" })),
    ],
    [
      "console list: 2-character place name, all authorities (found first, then sorted)",
      () => () => listSchools(systemScope(null), schoolListFiltersSchema.parse({ q: [...sample.nameZh].slice(0, 2).join("") })),
    ],
    ["progress counts", () => () => Promise.all([announcedCounts(), inProcessCounts(), batchCounts(), progressBatches()])],
    ["changes since a week ago", () => () => listPublicChanges({ since: new Date(Date.now() - 7 * 86_400_000), order: "asc", limit: 100, offset: 0 })],
    ["changes of one authority, newest first (feed)", () => () => listPublicChanges({ authorityId: "guangdong", order: "desc", limit: 50, offset: 0 })],
    ["schools changed since a cursor (poll)", () => () => schoolChanges({ since: null, after: { xid: 1n, id: "" }, limit: 100 }, new Date())],
    ["designations changed since an hour ago (poll)", () => () => designationChanges({ since: new Date(Date.now() - 3_600_000), after: null, limit: 100 })],
    ["offered majors changed since a cursor (poll)", () => () => majorChanges({ since: null, after: { xid: 1n, id: "" }, limit: 100 })],
    // Data quality of one authority (lib/quality): every measure's aggregate, and one drill-down.
    ["data quality counts of one authority", () => () => qualityCounts(systemScope("guangdong"), new Date())],
    [
      "data quality drill-down: schools without majors in one authority",
      () => async () => listMeasure(systemScope("guangdong"), (await measureOf(systemScope("guangdong"), new Date(), "noMajors"))!, 1),
    ],
  ];

  for (const [name, make] of cases) {
    it(`${name}: no sequential scan of School, SchoolMajor or AuditEvent`, async () => {
      const { statements, seq } = await plansOf(make());
      expect(statements).toBeGreaterThan(0);
      expect(seq, JSON.stringify(seq, null, 2)).toEqual([]);
    });
  }

  // The console list's pages in name order (all authorities) and recently updated (one authority)
  // are read in index order: no sort of the table's rows (issue 15: an incremental sort read 175,000).
  for (const [name, filters, scope] of [
    ["all authorities, name order", { page: "2" }, null],
    ["one authority, recently updated", { sort: "updated", dir: "desc" }, "guangdong"],
    ["all authorities, by tier", { sort: "tier" }, null],
    ["all authorities, by tier descending", { sort: "tier", dir: "desc" }, null],
    ["one authority, by tier descending", { sort: "tier", dir: "desc", page: "2" }, "guangdong"],
    ["all authorities, by last confirmation (never confirmed first)", { sort: "confirmed" }, null],
    ["one authority, by last confirmation, newest first", { sort: "confirmed", dir: "desc", page: "3" }, "guangdong"],
  ] as const) {
    it(`console list page of ${name}: read in index order, no sort`, async () => {
      captured.length = 0;
      await listSchools(systemScope(scope), schoolListFiltersSchema.parse(filters));
      const ids = captured.find((c) => /^\s*SELECT s\."id" FROM "School" s/.test(c.query));
      expect(ids).toBeDefined();
      const r = await pool.query(`EXPLAIN (FORMAT JSON) ${ids!.query}`, JSON.parse(ids!.params));
      const plan = JSON.stringify(r.rows[0]["QUERY PLAN"]);
      expect(plan).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    });
  }

  it("can fail: an unindexed predicate is reported", async () => {
    const { seq } = await plansOf(() => logged.$queryRaw`SELECT count(*) FROM "School" WHERE "address" LIKE ${"%路1号"}`);
    expect(seq.map((s) => s.table)).toContain("School");
  });
});
