import en from "@/lib/i18n/messages/en/outage.json";
import zh from "@/lib/i18n/messages/zh-CN/outage.json";
import { bilingualPageHtml } from "@/lib/security/static-page";

/**
 * The 503 answers given while the database is down (proxy.ts): a small self-contained HTML page
 * in both languages, Chinese first, or JSON for /api/*. Neither says anything about the cause
 * beyond "the database is unavailable": no stack, no SQL, no host name.
 */
export function outageResponse(request: Request, retryAfter: number, nonce: string): Response {
  const url = new URL(request.url);
  const headers = { "Cache-Control": "no-store", "Retry-After": String(retryAfter) };
  if (url.pathname.startsWith("/api/")) {
    const english = /^en\b/i.test(request.headers.get("accept-language") ?? "");
    const body = { error: { code: "DB_UNAVAILABLE", message: (english ? en : zh).apiMessage, retryAfter } };
    return new Response(JSON.stringify(body), {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
    });
  }
  const html = request.method === "HEAD" ? null : outageHtml(url.pathname + url.search, nonce);
  return new Response(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** The 503 page: a retry link to the same address (lib/security/static-page.ts keeps it on this site). */
export function outageHtml(retryHref: string, nonce: string): string {
  const zhText = { title: zh.title, body: zh.body, link: zh.retry };
  const enText = { title: en.title, body: en.body, link: en.retry };
  return bilingualPageHtml({ pageTitle: [zh.pageTitle, en.pageTitle], zh: zhText, en: enText, href: retryHref, nonce });
}
