import { z } from "zod";

/**
 * Calls a route handler directly, as Next.js would: a Request and a context whose params are a
 * promise. Returns the response with its body read once (text) and parsed when JSON.
 */
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Called = { res: Response; status: number; bytes: Uint8Array; text: string; json: unknown; headers: Headers };

export async function call(
  handler: Handler,
  path: string,
  opts: { params?: Record<string, string>; headers?: Record<string, string>; method?: string } = {},
): Promise<Called> {
  const req = new Request(`http://localhost${path}`, { method: opts.method ?? "GET", headers: opts.headers });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const bytes = res.status === 304 || res.status === 204 ? new Uint8Array() : new Uint8Array(await res.arrayBuffer());
  // Keep a byte-order mark visible (Response.text() would drop it).
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const type = res.headers.get("content-type") ?? "";
  return { res, status: res.status, bytes, text, json: type.includes("json") && text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** A validator built from the OpenAPI document's own component schema (so the test checks the document). */
export function documentSchema(doc: { components: { schemas: Record<string, unknown> } }, name: string): z.ZodType {
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll("#/components/schemas/", "#/$defs/"));
  return z.fromJSONSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", $defs: defs, $ref: `#/$defs/${name}` } as never);
}
