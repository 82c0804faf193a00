import { z } from "zod";
import { env } from "@/lib/env";
import { apiSchemas } from "../schemas/response";
import "../schemas/verify";
import { EXTERNAL_ROUTES } from "./external";
import { ROUTES, type RouteDoc } from "./routes";

/**
 * The OpenAPI 3.1 document, generated from the zod schemas the routes validate with: query
 * parameters from each route's query schema (io "input": what a client sends), bodies from the
 * response schemas registered in `apiSchemas` (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export function queryParameters(schema: z.ZodObject | undefined): Json[] {
  if (!schema) return [];
  // Which parameters a client must send comes from the input side (defaults make them optional);
  // their types from the output side ("page" is an integer 1–100000, though it travels as text).
  const input = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  const output = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Json;
  const inProps = (input.properties ?? {}) as Record<string, Json>;
  const outProps = (output.properties ?? {}) as Record<string, Json>;
  const required = new Set((input.required as string[] | undefined) ?? []);
  return Object.keys(inProps).map((name) => {
    const i = inProps[name];
    const o = outProps[name] ?? i;
    const { description, ...rest } = i.type === o.type ? { ...i, ...o } : { ...o, description: i.description ?? o.description };
    return {
      name,
      in: "query",
      required: required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const errorText: Record<number, string> = {
  400: "A parameter is invalid: every offending parameter is named",
  404: "No such record",
  401: "The API key sent is malformed, unknown or revoked (send none to use the API anonymously)",
  429: "Too many requests from this client: wait Retry-After seconds",
  503: "The database is unavailable: try again later",
};

const rateHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per window (one minute)", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in this window", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets", schema: { type: "integer" } },
};

function operation(r: RouteDoc): Json {
  const ok: Json = {};
  // A list route answers a poll (changedSince / cursor) with its own shape: one of the two.
  if (r.ok.schema) ok["application/json"] = { schema: r.ok.changes ? { oneOf: [ref(r.ok.schema), ref(r.ok.changes)] } : ref(r.ok.schema) };
  if (r.ok.csv) ok["text/csv"] = { schema: { type: "string", description: "UTF-8 with BOM, header row; ?format=csv" } };
  if (r.ok.contentType) ok[r.ok.contentType] = { schema: { type: "string" } };
  const responses: Json = {
    200: {
      description: r.ok.description,
      headers: {
        ETag: { description: "Hash of the body; send it back as If-None-Match", schema: { type: "string" } },
        "Cache-Control": { schema: { type: "string" } },
        ...rateHeaders,
      },
      content: ok,
    },
    304: { description: "Not modified (If-None-Match matched the ETag)" },
  };
  // Any request may carry an API key; a bad one is refused whatever the route (docs/decisions/0085).
  for (const code of [...r.errors, 401 as const].sort()) {
    responses[code] = {
      description: errorText[code],
      ...(code === 429 || code === 503 ? { headers: { "Retry-After": { schema: { type: "integer" } } } } : {}),
      content: { "application/json": { schema: ref("Error") } },
    };
  }
  const pathParams = (r.pathParams ?? []).map((p) => ({
    name: p.name,
    in: "path",
    required: true,
    description: p.description,
    schema: { type: "string", ...(p.pattern ? { pattern: p.pattern } : {}), ...(p.maxLength ? { maxLength: p.maxLength } : {}) },
  }));
  return {
    operationId: r.operationId,
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    tags: [r.tag],
    parameters: [...pathParams, ...queryParameters(r.query)],
    responses,
  };
}

export function openApiDocument(): Json {
  const components = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  const schemas: Record<string, Json> = {};
  for (const [name, s] of Object.entries(components.schemas)) {
    const { $schema: _s, $id: _id, ...rest } = s;
    schemas[name] = rest;
  }
  const paths: Json = {};
  for (const r of ROUTES) paths[r.path] = { get: operation(r) };
  for (const r of EXTERNAL_ROUTES) paths[r.path] = r.item;
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "技工院校名录 · Technical School Registry — open data API",
      version: "1.0.0",
      description:
        "Public, read-only data of China's technical schools (技师学院, 高级技工学校, 技工学校). No sign-in. " +
        `Rate limit: ${env().API_RATE_LIMIT_PER_MINUTE || "no"} requests per minute per client address (429 with Retry-After beyond it); ` +
        `with an optional API key, ${env().API_KEY_RATE_LIMIT_PER_MINUTE || "no"} per minute per key. ` +
        "Every list accepts ?format=csv (UTF-8 with BOM). Unknown parameters and invalid values are refused with 400 naming the parameter. " +
        "Full snapshots: /api/v1/releases. Demo deployments serve illustrative data (isDemo: true).",
      license: { name: "Open data", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: "/" }],
    tags: ["Schools", "Catalogue", "Changes", "Releases", "Feeds", "Verification", "Meta"].map((name) => ({ name })),
    paths,
    // Optional: the empty requirement lets every operation be called without a key.
    security: [{}, { apiKey: [] }],
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            `Optional API key ("jgyx_…", issued in the console under My account → API keys; also accepted as X-API-Key). ` +
            `A valid key is counted per key at ${env().API_KEY_RATE_LIMIT_PER_MINUTE || "no"} requests per minute instead of per address; ` +
            "an invalid or revoked key is answered 401, never served anonymously.",
        },
      },
    },
  };
}
