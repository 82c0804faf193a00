import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { GET as changesGET } from "@/app/api/v1/changes/route";
import { GET as designationsGET } from "@/app/api/v1/designations/route";
import { GET as majorsGET } from "@/app/api/v1/majors/route";
import { GET as keysGET } from "@/app/api/v1/keys/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as releaseFileGET } from "@/app/api/v1/releases/[slug]/[file]/route";
import { GET as releasesGET } from "@/app/api/v1/releases/route";
import { GET as verifyGET } from "@/app/api/v1/verify/[code]/route";
import { GET as verifyStatusGET } from "@/app/api/v1/verify/[code]/status/route";
import { runWrite } from "@/lib/db/unit-of-work";
import { publishRelease } from "@/lib/opendata/releases/publish";
import { systemActor } from "@/lib/request/actor";
import { keySetSchema, signedVerificationSchema, verificationStatusSchema } from "@/lib/opendata/schemas/verify";
import { majorChangesSchema } from "@/lib/opendata/schemas/major-changes";
import { GET as schoolGET } from "@/app/api/v1/schools/[id]/route";
import { GET as schoolsGET, OPTIONS as schoolsOPTIONS } from "@/app/api/v1/schools/route";
import {
  changeListSchema,
  designationChangesSchema,
  designationListSchema,
  schoolChangesSchema,
  errorSchema,
  majorCatalogueSchema,
  releaseListSchema,
  schoolListSchema,
  schoolSchema,
} from "@/lib/opendata/schemas/response";
import { recordAudit } from "@/lib/audit/mutations";
import { setDbClient } from "@/lib/db/client";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { call, documentSchema, type Called } from "../support/api-call";
import { changesSettled } from "../support/changes-settled";
import { editSchool, seedOpenData } from "../support/opendata-fixtures";
import { fileTestDb } from "../support/test-db";

/**
 * Contract tests of the open-data API: every route is called directly, every body is validated
 * with the route's zod response schema AND with the schema the OpenAPI document publishes; every
 * route file is documented with the parameters its handler accepts; bad inputs give 400 naming the
 * parameter. (Rate limiting: rate-limit.test.ts; releases and feeds: their own files.)
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
// Nothing is written under DATA_DIR any more (release files are in the database); a temporary folder all the same.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "api-contract-"));
process.env.DATA_DIR = dataDir;

const t = fileTestDb(seedOpenData);
let doc: {
  paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> } }>;
  components: { schemas: Record<string, unknown> };
};

beforeAll(async () => {
  await editSchool(t.client, "s-sz", { nameEn: "Shenzhen Technician College", contactPhone: "0755-7654321" }, new Date("2026-02-01T00:00:00Z"));
  const base = { actor: systemActor("test"), scope: null, now: new Date("2026-03-01T03:00:00Z") };
  await runWrite(base, (ctx) => publishRelease(ctx), { transaction: false });
  const r = await call(openapiGET, "/api/v1/openapi.json");
  doc = r.json as typeof doc;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function expectValid(r: Called, zodSchema: z.ZodType, component: string) {
  expect(r.status, r.text).toBe(200);
  const parsed = zodSchema.safeParse(r.json);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  const fromDoc = documentSchema(doc, component).safeParse(r.json);
  expect(fromDoc.success, JSON.stringify(fromDoc.error?.issues.slice(0, 3))).toBe(true);
}

function expectError(r: Called, status: number) {
  expect(r.status, r.text).toBe(status);
  expect(errorSchema.safeParse(r.json).success).toBe(true);
  expect(documentSchema(doc, "Error").safeParse(r.json).success).toBe(true);
  expect(r.headers.get("cache-control")).toBe("no-store");
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every route file under app/api/v1 and app/feeds", () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === "route.ts") files.push(p);
      }
    };
    for (const root of ["app/api/v1", "app/feeds"]) if (fs.existsSync(root)) walk(root);
    const routePaths = files.map((f) =>
      `/${path.dirname(f)}`
        .replace(/^\/app/, "")
        .replace(/\[\.\.\.(\w+)\]/g, "{$1}")
        .replace(/\[(\w+)\]/g, "{$1}"),
    );
    expect(routePaths.length).toBeGreaterThanOrEqual(6);
    const undocumented = routePaths.filter((p) => !doc.paths[p]);
    expect(undocumented).toEqual([]);
  });

  it("lists exactly the query parameters each handler accepts", async () => {
    const cases: [string, Parameters<typeof call>[0], Record<string, string>?][] = [
      ["/api/v1/schools", schoolsGET],
      ["/api/v1/schools/{id}", schoolGET, { id: "s-sz" }],
      ["/api/v1/majors", majorsGET],
      ["/api/v1/designations", designationsGET],
      ["/api/v1/changes", changesGET],
      ["/api/v1/releases", releasesGET],
      ["/api/v1/releases/{slug}/{file}", releaseFileGET, { slug: "2026-03-01-1", file: "manifest.json" }],
      ["/api/v1/verify/{code}", verifyGET, { code: "SZJS234V" }],
      ["/api/v1/verify/{code}/status", verifyStatusGET, { code: "SZJS234V" }],
      ["/api/v1/keys", keysGET],
      ["/api/v1/openapi.json", openapiGET],
    ];
    for (const [p, handler, params] of cases) {
      const documented = doc.paths[p].get.parameters.filter((x) => x.in === "query").map((x) => x.name);
      // Every documented name is accepted (no "unknown parameter" for it)…
      for (const name of documented) {
        const r = await call(handler, `${p}?${name}=zzz`, { params });
        const named = ((r.json as { error?: { parameters?: { name: string; key: string }[] } })?.error?.parameters ?? []).filter((x) => x.name === name);
        expect(
          named.map((x) => x.key),
          `${p} ${name}`,
        ).not.toContain("unknownParameter");
      }
      // …and a name that is not documented is refused, named.
      const r = await call(handler, `${p}?undocumented=1`, { params });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.json)).toContain('"name":"undocumented"');
    }
  });
});

describe("responses match the document", () => {
  it("GET /api/v1/schools", async () => {
    const r = await call(schoolsGET, "/api/v1/schools");
    expectValid(r, schoolListSchema, "SchoolList");
    const body = r.json as z.output<typeof schoolListSchema>;
    expect(body.total).toBe(3);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(20);
    expect(JSON.stringify(body)).not.toMatch(/0755|张三|contact/);
    const byPinyin = await call(schoolsGET, "/api/v1/schools?q=szjsxy&pageSize=1");
    expectValid(byPinyin, schoolListSchema, "SchoolList");
    expect((byPinyin.json as { data: { nameZh: string }[] }).data.map((s) => s.nameZh)).toEqual(["深圳技师学院"]);
    const filtered = await call(schoolsGET, "/api/v1/schools?authority=zhejiang&tier=SENIOR_TECHNICAL_SCHOOL");
    expect((filtered.json as { total: number }).total).toBe(1);
  });

  it("GET /api/v1/schools/{id} by id and by public code; 404 JSON when unknown", async () => {
    const byId = await call(schoolGET, "/api/v1/schools/s-sz", { params: { id: "s-sz" } });
    expectValid(byId, schoolSchema, "School");
    expect((byId.json as { nameEn: string }).nameEn).toBe("Shenzhen Technician College");
    expect(byId.text).not.toMatch(/0755|张三|contactPhone|contactName/);
    const asOf = await call(schoolGET, "/api/v1/schools/s-sz?asOf=2026-01-20", { params: { id: "s-sz" } });
    expectValid(asOf, schoolSchema, "School");
    expect((asOf.json as { nameEn: string | null; asOf: string }).nameEn).toBeNull();
    const byCode = await call(schoolGET, "/api/v1/schools/SZJS234V", { params: { id: "SZJS234V" } });
    expect((byCode.json as { id: string }).id).toBe("s-sz");
    const missing = await call(schoolGET, "/api/v1/schools/nope", { params: { id: "nope" } });
    expectError(missing, 404);
  });

  it("GET /api/v1/majors", async () => {
    const r = await call(majorsGET, "/api/v1/majors");
    expectValid(r, majorCatalogueSchema, "MajorCatalogue");
    const body = r.json as z.output<typeof majorCatalogueSchema>;
    expect(body.edition?.code).toBe("demo-2026");
    expect(body.categories[0].majors.map((m) => m.code)).toEqual(["D0101", "D0102"]);
  });

  it("GET /api/v1/designations", async () => {
    const r = await call(designationsGET, "/api/v1/designations?authority=guangdong");
    expectValid(r, designationListSchema, "DesignationList");
    expect((r.json as { data: { id: string }[] }).data.map((d) => d.id)).toEqual(["d1"]);
    const bySchool = await call(designationsGET, "/api/v1/designations?school=hzqc-236v&status=EXPIRED");
    expect((bySchool.json as { total: number }).total).toBe(1);
  });

  it("GET /api/v1/schools and /designations with changedSince, then cursor", async () => {
    const schools = await call(schoolsGET, "/api/v1/schools?changedSince=2000-01-01T00:00:00Z&pageSize=1");
    expectValid(schools, schoolChangesSchema, "SchoolChanges");
    const next = await call(schoolsGET, `/api/v1/schools?cursor=${(schools.json as { nextCursor: string }).nextCursor}`);
    expectValid(next, schoolChangesSchema, "SchoolChanges");
    expectValid(await call(designationsGET, "/api/v1/designations?changedSince=2000-01-01T00:00:00%2B08:00"), designationChangesSchema, "DesignationChanges");
    await recordAudit(t.client, {
      actor: { id: null, label: "test" },
      action: "schoolMajor.update",
      entityType: "SchoolMajor",
      entityId: "sm1",
      // No public field named: /api/v1/changes (a later case) leaves it out; changedSince names the record.
      after: {},
    });
    await changesSettled(t.client); // the cursor hands out a write once the cluster's xmin passed it (0081)
    const majors = await call(majorsGET, "/api/v1/majors?changedSince=2000-01-01T00:00:00Z");
    expectValid(majors, majorChangesSchema, "MajorChanges");
    expect((majors.json as { data: unknown[] }).data.length).toBeGreaterThan(0);
  });

  it("GET /api/v1/changes: public fields only, oldest first", async () => {
    const r = await call(changesGET, "/api/v1/changes?since=2026-01-01T00:00:00%2B08:00");
    expectValid(r, changeListSchema, "ChangeList");
    const body = r.json as z.output<typeof changeListSchema>;
    expect(body.data.map((c) => c.type)).toEqual(["school.create", "school.create", "school.create", "change.RENAME", "school.update"]);
    const edit = body.data.at(-1)!;
    expect(edit.fields).toEqual([{ name: "nameEn", before: null, after: "Shenzhen Technician College" }]);
    expect(r.text).not.toMatch(/0755|张三|contactPhone|内部备注/);
    const later = await call(changesGET, "/api/v1/changes?since=2026-01-15T00:00:00Z&authority=guangdong");
    expect((later.json as { data: { type: string }[] }).data.map((c) => c.type)).toEqual(["school.update"]);
  });
});

describe("releases over HTTP", () => {
  it("GET /api/v1/releases lists them with download URLs", async () => {
    const r = await call(releasesGET, "/api/v1/releases");
    expectValid(r, releaseListSchema, "ReleaseList");
    const body = r.json as z.output<typeof releaseListSchema>;
    expect(body.data.map((x) => x.slug)).toEqual(["2026-03-01-1"]);
    expect(body.data[0].files.find((f) => f.name === "schools.csv")?.url).toBe("/api/v1/releases/2026-03-01-1/schools.csv");
  });

  it("GET /api/v1/releases/{slug}/{file} streams the file as listed (sha256), with 304 on its ETag", async () => {
    const list = (await call(releasesGET, "/api/v1/releases")).json as z.output<typeof releaseListSchema>;
    const listed = list.data[0].files.find((f) => f.name === "schools.csv")!;
    const params = { slug: "2026-03-01-1", file: "schools.csv" };
    const r = await call(releaseFileGET, listed.url, { params });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="2026-03-01-1-schools.csv"');
    expect(createHash("sha256").update(r.bytes).digest("hex")).toBe(listed.sha256);
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const again = await call(releaseFileGET, listed.url, { params, headers: { "If-None-Match": r.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("refuses anything that is not a listed file of a known release (no path traversal)", async () => {
    // Only the files the release row lists are served: a name it does not list is not found.
    for (const [slug, file] of [
      ["2026-03-01-1", "notes.json"],
      ["..", "secret.json"],
      ["2026-03-01-1", "../../secret.json"],
      ["2026-03-01-1", "..%2F..%2Fsecret.json"],
      ["2026-03-01-1/..", "secret.json"],
      ["2026-03-01-9", "manifest.json"],
      ["2026-03-01-1", "manifest.JSON"],
      ["2026-03-01-1", ""],
    ]) {
      const r = await call(releaseFileGET, `/api/v1/releases/x/y`, { params: { slug, file } });
      expectError(r, 404);
    }
  });
});

describe("verification routes of the public-lookup feature match the document", () => {
  it("GET /api/v1/verify/{code} and GET /api/v1/keys", async () => {
    const v = await call(verifyGET, "/api/v1/verify/SZJS234V", { params: { code: "SZJS234V" } });
    expect(v.status, v.text).toBe(200);
    expect(signedVerificationSchema.safeParse(v.json).success).toBe(true);
    expect(documentSchema(doc, "SignedVerification").safeParse(v.json).success).toBe(true);
    // The validity period and the live status check (issue 12): documented parameters, documented answer.
    const params = (p: string) => doc.paths[p].get.parameters.filter((x) => x.in === "query").map((x) => `${x.name}:${x.required}`);
    expect(params("/api/v1/verify/{code}")).toEqual(["validDays:false"]);
    expect(params("/api/v1/verify/{code}/status")).toEqual(["digest:true"]);
    const digest = (v.json as { data: { digest: string } }).data.digest;
    const s = await call(verifyStatusGET, `/api/v1/verify/SZJS234V/status?digest=${digest}`, { params: { code: "SZJS234V" } });
    expectValid(s, verificationStatusSchema, "VerificationStatus");
    expect(s.json).toMatchObject({ current: true, changed: [] });
    const k = await call(keysGET, "/api/v1/keys");
    expect(keySetSchema.safeParse(k.json).success).toBe(true);
    expect(documentSchema(doc, "KeySet").safeParse(k.json).success).toBe(true);
  });
});

describe("bad input: 400 naming the parameter, never a 500 or a silent default", () => {
  const long = "深".repeat(1000);
  const table: [url: string, parameter: string, handler: Parameters<typeof call>[0], params?: Record<string, string>][] = [
    ["/api/v1/schools?pageSize=0", "pageSize", schoolsGET],
    ["/api/v1/schools?pageSize=101", "pageSize", schoolsGET],
    ["/api/v1/schools?pageSize=1e2", "pageSize", schoolsGET],
    ["/api/v1/schools?page=0", "page", schoolsGET],
    ["/api/v1/schools?page=abc", "page", schoolsGET],
    ["/api/v1/schools?page=-1", "page", schoolsGET],
    ["/api/v1/schools?tier=FOO", "tier", schoolsGET],
    ["/api/v1/schools?status=open", "status", schoolsGET],
    ["/api/v1/schools?sort=random", "sort", schoolsGET],
    [`/api/v1/schools?q=${encodeURIComponent(long)}`, "q", schoolsGET],
    [`/api/v1/schools?q=${"a".repeat(61)}`, "q", schoolsGET],
    ["/api/v1/schools?tier=TECHNICAL_SCHOOL&tier=TECHNICIAN_COLLEGE", "tier", schoolsGET],
    ["/api/v1/schools?colour=red", "colour", schoolsGET],
    ["/api/v1/schools?authority=atlantis", "authority", schoolsGET],
    ["/api/v1/schools?authority=Guang-Dong", "authority", schoolsGET],
    ["/api/v1/schools?city=999999", "city", schoolsGET],
    ["/api/v1/schools?city=44", "city", schoolsGET],
    ["/api/v1/schools?major=NOPE", "major", schoolsGET],
    ["/api/v1/schools?format=xml", "format", schoolsGET],
    ["/api/v1/schools/s-sz?asOf=2026-02-30", "asOf", schoolGET, { id: "s-sz" }],
    ["/api/v1/schools/s-sz?asOf=yesterday", "asOf", schoolGET, { id: "s-sz" }],
    [`/api/v1/schools/${"x".repeat(41)}`, "id", schoolGET, { id: "x".repeat(41) }],
    ["/api/v1/majors?edition=1999", "edition", majorsGET],
    ["/api/v1/majors?page=1", "page", majorsGET],
    ["/api/v1/designations?kind=GOLD", "kind", designationsGET],
    ["/api/v1/designations?level=CITY", "level", designationsGET],
    ["/api/v1/designations?status=active", "status", designationsGET],
    ["/api/v1/designations?authority=atlantis", "authority", designationsGET],
    ["/api/v1/designations?school=NOPE2345", "school", designationsGET],
    ["/api/v1/designations?pageSize=500", "pageSize", designationsGET],
    ["/api/v1/changes", "since", changesGET],
    ["/api/v1/changes?since=yesterday", "since", changesGET],
    ["/api/v1/changes?since=2026-01-01", "since", changesGET],
    ["/api/v1/changes?since=2026-01-01T00:00:00", "since", changesGET],
    ["/api/v1/changes?since=2026-13-01T00:00:00Z", "since", changesGET],
    ["/api/v1/changes?since=2026-01-01T00:00:00Z&page=0", "page", changesGET],
    ["/api/v1/changes?since=2026-01-01T00:00:00Z&authority=atlantis", "authority", changesGET],
    ["/api/v1/verify/SZJS234V?validDays=29", "validDays", verifyGET, { code: "SZJS234V" }],
    ["/api/v1/verify/SZJS234V?validDays=181", "validDays", verifyGET, { code: "SZJS234V" }],
    ["/api/v1/verify/SZJS234V/status", "digest", verifyStatusGET, { code: "SZJS234V" }],
    ["/api/v1/verify/SZJS234V/status?digest=v1.x", "digest", verifyStatusGET, { code: "SZJS234V" }],
    [`/api/v1/changes?since=${"9".repeat(5000)}`, "since", changesGET],
  ];
  const rows = table.map(([url, parameter, handler, params]) => ({
    label: url.length > 70 ? `${url.slice(0, 60)}…(${url.length} chars)` : url,
    url,
    parameter,
    handler,
    params,
  }));
  it.each(rows)("$label → 400 naming $parameter", async ({ url, parameter, handler, params }) => {
    const r = await call(handler, url, { params });
    expectError(r, 400);
    const body = r.json as z.output<typeof errorSchema>;
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.parameters?.map((p) => p.name)).toContain(parameter);
    expect(body.error.parameters?.every((p) => p.message.length > 0)).toBe(true);
  });

  it("answers in Chinese when the client prefers it", async () => {
    const r = await call(schoolsGET, "/api/v1/schools?colour=red", { headers: { "Accept-Language": "zh-CN,zh;q=0.9" } });
    expect((r.json as z.output<typeof errorSchema>).error.parameters?.[0].message).toMatch(/未知参数/);
  });
});

describe("HTTP behaviour", () => {
  it("CSV: text/csv, BOM, header row, formula injection neutralised", async () => {
    const r = await call(majorsGET, "/api/v1/majors?format=csv");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("editionCode,categoryCode,categoryNameZh,categoryNameEn,id,code,nameZh,nameEn");
    expect(lines[2]).toContain(",'=焊接加工,");
    const schools = await call(schoolsGET, "/api/v1/schools?format=csv&pageSize=2");
    expect(schools.headers.get("x-total-count")).toBe("3");
    expect(
      schools.text
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toHaveLength(3);
    const changes = await call(changesGET, "/api/v1/changes?since=2026-01-01T00:00:00Z&format=csv");
    expect(changes.text.split("\r\n")[0]).toBe("\uFEFFid,at,type,entityType,entityId,schoolId,schoolPublicCode,schoolNameZh,authorityId,fields,changes");
    const designations = await call(designationsGET, "/api/v1/designations?format=csv");
    expect(designations.text.split("\r\n")).toHaveLength(4);
  });

  it("ETag and If-None-Match → 304; Cache-Control on lists", async () => {
    const first = await call(schoolsGET, "/api/v1/schools");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const again = await call(schoolsGET, "/api/v1/schools", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const other = await call(schoolsGET, "/api/v1/schools?pageSize=1", { headers: { "If-None-Match": etag } });
    expect(other.status).toBe(200);
  });

  it("CORS: open for GET, preflight answered", async () => {
    const r = await call(schoolsGET, "/api/v1/schools", { headers: { Origin: "https://example.org" } });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("access-control-expose-headers")).toContain("ETag");
    const pre = await call(async (req) => schoolsOPTIONS(req), "/api/v1/schools", {
      method: "OPTIONS",
      headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("GET");
    expect(pre.headers.get("access-control-allow-headers")).toBe("if-none-match");
    const err = await call(schoolsGET, "/api/v1/schools?tier=FOO");
    expect(err.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("a database outage is a 503 JSON answer, not a 500", async () => {
    const down = openEngine({ kind: "postgres", url: "postgresql://nobody:x@127.0.0.1:1/none" });
    setDbClient(new PrismaClient({ adapter: down.factory }), down);
    try {
      for (const [handler, url] of [
        [schoolsGET, "/api/v1/schools"],
        [changesGET, "/api/v1/changes?since=2026-01-01T00:00:00Z"],
      ] as const) {
        const r = await call(handler, url);
        expectError(r, 503);
        expect((r.json as z.output<typeof errorSchema>).error.code).toBe("DB_UNAVAILABLE");
        expect(r.headers.get("retry-after")).toBe("30");
      }
    } finally {
      await down.close();
      setDbClient(t.client, t.engine);
    }
  });
});
