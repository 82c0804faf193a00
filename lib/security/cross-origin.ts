import en from "@/lib/i18n/messages/en/webSecurity.json";
import zh from "@/lib/i18n/messages/zh-CN/webSecurity.json";

/**
 * Refusal of cross-site writes, in proxy.ts, before Next.js or a route handler sees the request.
 * Next.js checks a server action's Origin against Host itself, but answers a refused action with a
 * bare 500 (and a malformed Origin makes its `new URL()` throw: a 500 too). Here every unsafe
 * request (POST, PUT, PATCH, DELETE) whose Origin names another host — or is "null" (sandboxed
 * frames) or unparsable — gets a clear 403. A request without Origin passes, as in Next.js:
 * browsers send Origin on every cross-site POST, and a hand-made request carries no victim's cookie.
 * The registry has no legitimate cross-origin write (the open-data API is read-only GET).
 */
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type HeaderSource = { get(name: string): string | null };

/**
 * The host the request was sent to: X-Forwarded-Host (first value) behind a proxy, else Host — as Next.js does.
 * Deliberately not the public-origin rule (lib/request/public-origin.ts, which honours X-Forwarded-* only
 * with TRUST_PROXY): this check must agree with Next's own server-action Origin check, which reads
 * X-Forwarded-Host unconditionally, or the two would refuse different requests behind a proxy. Honouring
 * the header opens nothing: the check defends a victim's browser, and a cross-site page cannot add
 * X-Forwarded-Host to a form post (a script's custom header needs a CORS preflight that no write route grants).
 */
export function requestHost(headers: HeaderSource): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** True when the request is a write from another origin (or from an opaque / malformed one). */
export function isCrossOriginWrite(method: string, headers: HeaderSource): boolean {
  if (!UNSAFE.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = requestHost(headers);
  if (!host || origin === "null") return true;
  try {
    const url = new URL(origin);
    return !/^https?:$/.test(url.protocol) || url.host !== host.toLowerCase();
  } catch {
    return true;
  }
}

/** 403 in both languages: the proxy runs before the locale is known, and the text is short. */
export function crossOriginRefusal(): Response {
  return new Response(`${zh.crossOrigin}\n${en.crossOrigin}\n`, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
