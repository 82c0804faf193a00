import { afterAll, beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import { GET as changesGET } from "@/app/api/v1/changes/route";
import { GET as designationsGET } from "@/app/api/v1/designations/route";
import { GET as majorsGET } from "@/app/api/v1/majors/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as schoolGET } from "@/app/api/v1/schools/[id]/route";
import { GET as schoolsGET } from "@/app/api/v1/schools/route";
import { changeListSchema, designationListSchema, majorCatalogueSchema, schoolListSchema, schoolSchema } from "@/lib/opendata/schemas/response";
import { seedDemo } from "@/prisma/demo";
import { call, documentSchema, type Called } from "../support/api-call";
import { openTestDb, type TestDb } from "../support/test-db";

/**
 * The contract against the demo register (640 schools with histories, majors, designations):
 * every page of every list, and a sample of school records, must match the published document.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "0";

let t: TestDb;
let doc: { components: { schemas: Record<string, unknown> } };
beforeAll(async () => {
  t = await openTestDb();
  await seedDemo(t.client, { now: new Date("2026-06-01T00:00:00Z") });
  doc = (await call(openapiGET, "/api/v1/openapi.json")).json as typeof doc;
});
afterAll(async () => t.close());

function valid(r: Called, zodSchema: z.ZodType, component: string) {
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  const a = zodSchema.safeParse(r.json);
  expect(a.success, JSON.stringify(a.error?.issues.slice(0, 3))).toBe(true);
  const b = documentSchema(doc, component).safeParse(r.json);
  expect(b.success, JSON.stringify(b.error?.issues.slice(0, 3))).toBe(true);
}

async function everyPage(handler: typeof schoolsGET, url: string, schema: z.ZodType, component: string): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let page = 1; ; page++) {
    const r = await call(handler, `${url}${url.includes("?") ? "&" : "?"}pageSize=100&page=${page}`);
    valid(r, schema, component);
    const body = r.json as { data: unknown[]; total: number };
    all.push(...body.data);
    if (all.length >= body.total || body.data.length === 0) return all;
  }
}

it("every school, designation and change of the demo register matches the document", async () => {
  const schools = (await everyPage(schoolsGET, "/api/v1/schools", schoolListSchema, "SchoolList")) as { id: string }[];
  expect(schools.length).toBeGreaterThan(500);
  expect(new Set(schools.map((s) => s.id)).size).toBe(schools.length);
  expect((await everyPage(designationsGET, "/api/v1/designations", designationListSchema, "DesignationList")).length).toBeGreaterThan(10);
  const changes = (await everyPage(changesGET, "/api/v1/changes?since=1900-01-01T00:00:00Z", changeListSchema, "ChangeList")) as z.output<
    typeof changeListSchema
  >["data"];
  expect(changes.length).toBeGreaterThan(500);
  expect(JSON.stringify(changes)).not.toMatch(/contactName|contactPhone/);
  valid(await call(majorsGET, "/api/v1/majors"), majorCatalogueSchema, "MajorCatalogue");
  // A sample of full records (every 40th school), now and as of an earlier date.
  for (const s of schools.filter((_, i) => i % 40 === 0)) {
    valid(await call(schoolGET, `/api/v1/schools/${s.id}`, { params: { id: s.id } }), schoolSchema, "School");
    const past = await call(schoolGET, `/api/v1/schools/${s.id}?asOf=2024-01-01`, { params: { id: s.id } });
    if (past.status !== 404) valid(past, schoolSchema, "School");
  }
});
