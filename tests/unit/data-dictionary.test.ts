import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as dictionaryGET } from "@/app/(public)/data/dictionary/[file]/route";
import { valuesOf, SchoolTier, DesignationKind } from "@/lib/kernel/enums";
import { buildDictionary, type Dictionary } from "@/lib/opendata/dictionary/build";
import { openApiDocument } from "@/lib/opendata/openapi/document";
import { DATASETS, FIELDS } from "@/lib/opendata/releases/records";
import { apiSchemas } from "@/lib/opendata/schemas/response";
import { call } from "../support/api-call";

/**
 * The data dictionary covers every field: each property of each OpenAPI component schema (found
 * here by a walk of its own, at any depth) and each release column has Chinese and English text
 * and, for a code list, both labels of every code. A field added to a schema without a text in
 * lib/i18n/messages/{zh-CN,en}/dictionary.json fails this test.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "0";
type Json = Record<string, unknown>;

/** "School designations[].kind"-style keys of every property, read from the document directly. */
function documentFields(schemas: Record<string, Json>): string[] {
  const out: string[] = [];
  const visit = (source: string, node: unknown, prefix: string) => {
    if (!node || typeof node !== "object") return;
    const n = node as Json;
    for (const branch of [...((n.anyOf as Json[]) ?? []), ...((n.oneOf as Json[]) ?? [])]) visit(source, branch, prefix);
    if (n.items) visit(source, n.items, prefix.endsWith(".") ? `${prefix.slice(0, -1)}[].` : prefix);
    for (const [name, child] of Object.entries((n.properties as Record<string, Json>) ?? {})) {
      out.push(`${source} ${prefix}${name}`);
      const c = child as Json;
      visit(source, c, `${prefix}${name}.`);
    }
  };
  for (const [name, schema] of Object.entries(schemas)) visit(name, schema, "");
  return out.map((k) => k.replace(/\.\[\]\./g, "[]."));
}

function undescribed(d: Dictionary): string[] {
  return d.sources.flatMap((s) =>
    s.fields.flatMap((f) => [
      ...(f.zh && f.en ? [] : [`${s.source} ${f.path}: no zh/en text (dictionary.fields.${f.name})`]),
      ...(f.codes ?? []).filter((c) => !c.zh || !c.en).map((c) => `${s.source} ${f.path}: code ${c.code} has no labels`),
    ]),
  );
}

const probe = z.object({ brandNewField: z.string(), laterField: z.string().meta({ "x-since": "1.1" }) });
afterEach(() => {
  if (apiSchemas.has(probe)) apiSchemas.remove(probe);
});

describe("data dictionary", () => {
  const dictionary = buildDictionary();
  const api = dictionary.sources.filter((s) => s.kind === "api");

  it("has every field of every OpenAPI component schema", () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, Json> } };
    const listed = new Set(api.flatMap((s) => s.fields.map((f) => `${s.source} ${f.path}`)));
    const found = documentFields(doc.components.schemas);
    expect(found.length).toBeGreaterThan(150);
    expect(found.filter((k) => !listed.has(k))).toEqual([]);
    expect(api.map((s) => s.source)).toEqual(Object.keys(doc.components.schemas));
  });

  it("has every column of every release file", () => {
    for (const dataset of DATASETS) {
      const source = dictionary.sources.find((s) => s.kind === "release" && s.source.startsWith(`${dataset}.csv`));
      expect(source?.fields.map((f) => f.path)).toEqual([...FIELDS[dataset]]);
    }
  });

  it("describes every field in Chinese and English, and labels every code in both", () => {
    expect(undescribed(dictionary)).toEqual([]);
  });

  it("takes code lists from the enums, with the labels the pages show", () => {
    const tier = api.find((s) => s.source === "School")!.fields.find((f) => f.path === "tier")!;
    expect(tier.codes?.map((c) => c.code)).toEqual(valuesOf(SchoolTier));
    expect(tier.codes?.[0]).toEqual({ code: "TECHNICIAN_COLLEGE", zh: "技师学院", en: expect.any(String) });
    const kind = dictionary.sources.find((s) => s.source.startsWith("designations.csv"))!.fields.find((f) => f.path === "kind")!;
    expect(kind.codes?.map((c) => c.code)).toEqual(valuesOf(DesignationKind));
    expect(kind.codes?.find((c) => c.code === "QUALITY_SCHOOL")?.zh).toBe("优质技工院校");
  });

  it("fails for a field added without a description, and reads `since` from the schema's metadata", () => {
    probe.register(apiSchemas, { id: "ProbeOnly" });
    const d = buildDictionary();
    expect(undescribed(d)).toEqual([
      "ProbeOnly brandNewField: no zh/en text (dictionary.fields.brandNewField)",
      "ProbeOnly laterField: no zh/en text (dictionary.fields.laterField)",
    ]);
    const fields = d.sources.find((s) => s.source === "ProbeOnly")!.fields;
    expect(fields.map((f) => f.since)).toEqual(["1.0", "1.1"]);
  });

  it("downloads as JSON and CSV, one CSV row per field", async () => {
    const json = await call(dictionaryGET, "/data/dictionary/data-dictionary.json", { params: { file: "data-dictionary.json" } });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = JSON.parse(json.text) as Dictionary;
    expect(body.sources.length).toBe(dictionary.sources.length);
    const csv = await call(dictionaryGET, "/data/dictionary/data-dictionary.csv", { params: { file: "data-dictionary.csv" } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("data-dictionary.csv");
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    const lines = csv.text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("source,kind,field,type,nullable,since,meaningZh,meaningEn,codes");
    expect(lines).toHaveLength(1 + dictionary.sources.reduce((n, s) => n + s.fields.length, 0));
    expect(csv.text).toContain("TECHNICIAN_COLLEGE=技师学院/");
    expect((await call(dictionaryGET, "/data/dictionary/other.txt", { params: { file: "other.txt" } })).status).toBe(404);
  });
});
