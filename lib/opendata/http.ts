import { createHash } from "node:crypto";
import type { z } from "zod";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { Refusal } from "@/lib/errors";
import { hasControlChar } from "@/lib/validation/text";
import { databaseAvailable } from "@/lib/db/availability";
import { originHeadersOf, originOf } from "@/lib/request/public-origin";
import { apiLocale, translator, type ApiTranslator } from "./messages";
import { parseQuery, type ParameterProblem } from "./query";
import { checkRateLimit, type RateDecision } from "./rate-limit/limit";
import { identifyClient } from "@/lib/api-keys/lookup";

/**
 * The open-data API's HTTP edge, shared by every /api/v1 route (and the feeds): rate limit, strict
 * query parsing, errors as JSON (400 naming parameters, 401 for a bad API key, 404, 429, 503 — never a 500 for bad input),
 * ETag/304, Cache-Control and open CORS for GET, and `Vary` on the public origin for the answers that embed it.
 */
export type Payload =
  /**
   * `memo`: an object whose identity stands for the body (a cached read's result, shared until
   * the data changes): the serialised bytes and their ETag are then computed once and kept with it.
   */
  | { kind: "json"; body: unknown; memo?: object }
  | { kind: "csv"; text: string; filename: string; headers?: Record<string, string>; memo?: object }
  | { kind: "text"; text: string; contentType: string }
  /** A stored file, streamed; its hash is known in advance, so a 304 never opens it. */
  | { kind: "file"; open: () => ReadableStream<Uint8Array>; etag: string; bytes: number; contentType: string; headers?: Record<string, string> };

/**
 * `origin()`: the public origin for absolute links (lib/request/public-origin.ts). Read it only
 * through here: the edge then sends `Vary` on the headers it came from and serialises the answer
 * afresh (a `memo` is keyed on the data alone), so no cache serves one host's links to another.
 */
export type RouteContext<Q> = { req: Request; url: URL; query: Q; t: ApiTranslator; origin: () => string };

export const LIST_CACHE = "public, max-age=60";

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Total-Count, X-Page, X-Page-Size, Content-Disposition",
};

export function etagOf(bytes: Uint8Array | string): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`;
}

/** True when If-None-Match names this entity tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (s: string) => s.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

function rateHeaders(d: RateDecision | null): Record<string, string> {
  if (!d) return {};
  return { "RateLimit-Limit": String(d.limit), "RateLimit-Remaining": String(d.remaining), "RateLimit-Reset": String(d.resetSeconds) };
}

export function errorResponse(
  status: number,
  error: { code: string; message: string; parameters?: ParameterProblem[]; retryAfter?: number },
  extra: Record<string, string> = {},
): Response {
  const body = JSON.stringify({ error });
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", Vary: "Accept-Language", ...CORS_HEADERS, ...extra },
  });
}

type Serialised = { bytes: Uint8Array<ArrayBuffer>; etag: string; contentType: string; more: Record<string, string> };
const serialisedByMemo = new WeakMap<object, Partial<Record<"json" | "csv", Serialised>>>();

function serialise(payload: Exclude<Payload, { kind: "file" }>): Serialised {
  const { text, contentType, more } =
    payload.kind === "json"
      ? { text: JSON.stringify(payload.body), contentType: "application/json; charset=utf-8", more: {} }
      : payload.kind === "csv"
        ? {
            text: payload.text,
            contentType: "text/csv; charset=utf-8",
            more: { "Content-Disposition": `attachment; filename="${payload.filename}"`, ...payload.headers },
          }
        : { text: payload.text, contentType: payload.contentType, more: {} };
  const bytes = new TextEncoder().encode(text);
  return { bytes, etag: etagOf(bytes), contentType, more };
}

function serialiseMemo(payload: Exclude<Payload, { kind: "file" }>): Serialised {
  if (payload.kind === "text" || !payload.memo) return serialise(payload);
  let m = serialisedByMemo.get(payload.memo);
  if (!m) serialisedByMemo.set(payload.memo, (m = {}));
  return (m[payload.kind] ??= serialise(payload));
}

/** Serialises a payload with ETag, Cache-Control and CORS headers; answers 304 when the client has it. */
export function payloadResponse(req: Request, payload: Payload, cacheControl: string, extra: Record<string, string> = {}): Response {
  if (payload.kind === "file") {
    const headers: Record<string, string> = { ETag: payload.etag, "Cache-Control": cacheControl, ...CORS_HEADERS, ...extra, ...payload.headers };
    if (matchesEtag(req.headers.get("if-none-match"), payload.etag)) return new Response(null, { status: 304, headers });
    return new Response(payload.open(), {
      status: 200,
      headers: { ...headers, "Content-Type": payload.contentType, "Content-Length": String(payload.bytes) },
    });
  }
  const { bytes, etag, contentType, more } = serialiseMemo(payload);
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": cacheControl, ...CORS_HEADERS, ...extra, ...more };
  if (matchesEtag(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(bytes, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}

/** The answer to a CORS preflight: GET (and HEAD) from anywhere, with the headers a client may send. */
export function preflight(req: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": req.headers.get("access-control-request-headers") ?? "Accept, Accept-Language, If-None-Match, Authorization, X-API-Key",
      "Access-Control-Max-Age": "86400",
      "Cache-Control": "public, max-age=86400",
    },
  });
}

/** Turns a thrown failure into its JSON answer; anything unexpected is logged and answered 500. */
export function failureResponse(e: unknown, t: ApiTranslator, extra: Record<string, string> = {}): Response {
  if (e instanceof Refusal) {
    if (e.code === "NOT_FOUND") return errorResponse(404, { code: "NOT_FOUND", message: t("errors.NOT_FOUND") }, extra);
    if (e.code === "VALIDATION") {
      const parameters = (e.detail?.parameters as ParameterProblem[] | undefined) ?? [];
      return errorResponse(400, { code: "VALIDATION", message: t("errors.VALIDATION"), parameters }, extra);
    }
    if (e.code === "DB_UNAVAILABLE") return unavailable(t, extra);
  }
  if (databaseDown(e)) return unavailable(t, extra);
  console.error("[opendata] unexpected error", e);
  return errorResponse(500, { code: "INTERNAL", message: t("errors.errorBody") }, extra);
}

/**
 * The shared check plus what raw queries report when the server is unreachable (P2010 with the
 * driver adapter's DatabaseNotReachable cause, "Can't reach database server" in the message).
 */
export function databaseDown(e: unknown): boolean {
  if (isDbUnavailable(e)) return true;
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } })?.meta;
  const kind = meta?.driverAdapterError?.cause?.kind ?? "";
  return /DatabaseNotReachable|ConnectionClosed|TooManyConnections/.test(kind) || /Can't reach database server/.test((e as Error)?.message ?? "");
}

function unavailable(t: ApiTranslator, extra: Record<string, string>) {
  return errorResponse(503, { code: "DB_UNAVAILABLE", message: t("errors.DB_UNAVAILABLE") }, { "Retry-After": "30", ...extra });
}

/** Thrown by a handler for a bad path parameter or a value that exists nowhere (e.g. an unknown authority). */
export function badParameter(t: ApiTranslator, name: string, key = "unknownValue"): Refusal {
  return new Refusal("VALIDATION", { parameters: [{ name, key, message: t(`opendata.api.${key}`) }] });
}

function withoutMemo(payload: Payload): Payload {
  return "memo" in payload ? { ...payload, memo: undefined } : payload;
}

function varyOnOrigin(): Record<string, string> {
  const names = originHeadersOf();
  return names.length ? { Vary: names.join(", ") } : {};
}

/** `ctx` is optional: routes without path parameters may be called with the request alone (as tests do). */
export type GetHandler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Builds a GET handler: rate limit → parse the query with `schema` (unknown names refused) → run →
 * serialise. `run` returns the payload; throw Refusal("NOT_FOUND") or badParameter() to refuse.
 */
export function apiGet<S extends z.ZodObject>(
  schema: S,
  run: (ctx: RouteContext<z.output<S>> & { params: Record<string, string> }) => Promise<Payload>,
  cacheControl = LIST_CACHE,
): GetHandler {
  return async (req, ctx) => {
    const t = translator(apiLocale(req));
    // proxy.ts does not run for the API: its outage check (503 at once while PostgreSQL is known
    // to be down, one probe every 2 s; lib/db/availability.ts) is made here.
    if (!(await databaseAvailable())) return unavailable(t, {});
    let rate: RateDecision | null = null;
    try {
      // An API key raises the limit and is counted per key; a bad key is refused, never taken as
      // anonymous — after counting the request against its address, so guessing keys costs that limit.
      const now = Date.now();
      const client = await identifyClient(req.headers, now);
      rate = await checkRateLimit(req, now, client.kind === "key" ? client.bucket : undefined);
      if (client.kind === "refused" && !rate?.limited) {
        return errorResponse(
          401,
          { code: "INVALID_API_KEY", message: t("opendata.api.invalidKey") },
          { "WWW-Authenticate": 'Bearer error="invalid_token"', ...rateHeaders(rate) },
        );
      }
      if (rate?.limited) {
        return errorResponse(
          429,
          { code: "RATE_LIMITED", message: t("errors.RATE_LIMITED"), retryAfter: rate.resetSeconds },
          { "Retry-After": String(rate.resetSeconds), ...rateHeaders(rate) },
        );
      }
      const url = new URL(req.url);
      const parsed = parseQuery(url, schema, t);
      if (!parsed.ok) {
        return errorResponse(400, { code: "VALIDATION", message: t("errors.VALIDATION"), parameters: parsed.problems }, rateHeaders(rate));
      }
      const params = (await ctx?.params) ?? {};
      // A path parameter with a control or broken character (NUL, a lone surrogate) is refused by
      // name before any handler reads it: lib/validation/text.ts, the rule of every entry point.
      const bad = Object.keys(params).find((name) => hasControlChar(params[name]));
      if (bad) throw badParameter(t, bad, "malformedId");
      let originRead = false;
      const origin = () => {
        originRead = true;
        return originOf(req.headers);
      };
      const payload = await run({ req, url, query: parsed.value, t, params, origin });
      if (!originRead) return payloadResponse(req, payload, cacheControl, rateHeaders(rate));
      return payloadResponse(req, withoutMemo(payload), cacheControl, { ...rateHeaders(rate), ...varyOnOrigin() });
    } catch (e) {
      return failureResponse(e, t, rateHeaders(rate));
    }
  };
}
