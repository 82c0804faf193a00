import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/callback";
import { outageGate } from "@/lib/outage/gate";
import { originOf } from "@/lib/request/public-origin";
import { badRequestResponse } from "@/lib/security/bad-request";
import { crossOriginRefusal, isCrossOriginWrite } from "@/lib/security/cross-origin";
import { mayShareAnswer, SHARED_CACHE_HEADER } from "@/lib/security/shared-cache";
import { apiSecurityHeaders, contentSecurityPolicy, makeNonce, staticSecurityHeaders } from "@/lib/security/headers";
import { urlProblem } from "@/lib/validation/url";

/** The open-data routes the first matcher below leaves out (kept equal to it: tests/unit/bad-url.test.ts). */
export const API_EDGE = /^\/api\/(?:health$|v1\/(?:schools|majors|designations|changes|progress|releases|verify|keys|openapi\.json)(?:\/|$))/;

/**
 * Adds security headers and the per-request CSP nonce. It is not an authorization layer:
 * every page, action and route handler runs its own gate (CVE-2025-29927 showed why).
 */
export async function proxy(request: NextRequest) {
  const nonce = makeNonce();
  // Over https as the public sees it: by the one public-origin rule (a client's own X-Forwarded-Proto counts only behind a trusted proxy).
  const https = originOf(request.headers).startsWith("https:");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", https);
  // A path that does not decode, or NUL in path or query (lib/validation/url.ts): a 400 here, with the
  // headers, instead of Next's bare 500 from its router or PostgreSQL's from a page.
  if (urlProblem(request.nextUrl.pathname, request.nextUrl.search)) {
    const refused = badRequestResponse(request, nonce);
    const json = request.nextUrl.pathname.startsWith("/api/");
    const headers = json ? apiSecurityHeaders(https) : { ...staticSecurityHeaders(https), "Content-Security-Policy": csp };
    for (const [k, v] of Object.entries(headers)) refused.headers.set(k, v);
    return refused;
  }
  // The open-data API reaches the proxy only for that check (the second matcher): its headers come from next.config.js.
  if (API_EDGE.test(request.nextUrl.pathname)) return NextResponse.next();
  // Cross-site writes (server actions, uploads): a clear 403 here instead of Next's bare 500.
  if (isCrossOriginWrite(request.method, request.headers)) {
    const refused = crossOriginRefusal();
    for (const [k, v] of Object.entries(staticSecurityHeaders(https))) refused.headers.set(k, v);
    return refused;
  }
  // PostgreSQL down: a 503 page (JSON under /api/) at once; one probe every 2 s brings the app back.
  const outage = await outageGate(request, nonce);
  if (outage) {
    outage.headers.set("Content-Security-Policy", csp);
    for (const [k, v] of Object.entries(staticSecurityHeaders(https))) outage.headers.set(k, v);
    return outage;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The path asked for, so a page's sign-in gate can come back to it (lib/auth/callback.ts).
  requestHeaders.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(staticSecurityHeaders(https))) response.headers.set(k, v);
  // A public page asked anonymously: nginx may keep it for the micro-cache time (decision 0091).
  if (mayShareAnswer(request.method, request.nextUrl.pathname, request.headers)) response.headers.set(SHARED_CACHE_HEADER, "1");
  return response;
}

// Not run for the JSON API (the /api/v1 routes, /api/health): a JSON answer needs no script nonce,
// and the proxy pass cost about as much CPU as the API's own work (docs/benchmarks.md). Their
// security headers come from next.config.js headers() (apiSecurityHeaders); their outage 503 from
// the API edge (lib/opendata/http.ts, app/api/v1/progress). /api/auth (POST sign-in) and unknown
// paths (Next's HTML 404, which needs the nonce) stay here. The second matcher brings an API path
// holding a "%" through the proxy only for the bad-URL check (Next's router throws on "%ff").
export const config = {
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|api/health$|api/v1/(?:schools|majors|designations|changes|progress|releases|verify|keys|openapi\\.json)(?:/|$)).*)",
    },
    { source: "/api/:rest(.*%.*)" },
  ],
};
