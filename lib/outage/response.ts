import en from "@/lib/i18n/messages/en/outage.json";
import zh from "@/lib/i18n/messages/zh-CN/outage.json";

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

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function outageHtml(retryHref: string, nonce: string): string {
  const href = escape(retryHref.startsWith("/") && !retryHref.startsWith("//") ? retryHref : "/");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(zh.pageTitle)} / ${escape(en.pageTitle)}</title>
<style nonce="${escape(nonce)}">body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f8fafc;color:#0f172a;margin:0}
main{max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.5rem}p{line-height:1.6}a{color:#1d4ed8}</style></head>
<body><main id="main"><div role="alert">
<h1>${escape(zh.title)}</h1><p>${escape(zh.body)}</p>
<h1 lang="en">${escape(en.title)}</h1><p lang="en">${escape(en.body)}</p>
</div><p><a href="${href}">${escape(zh.retry)} / <span lang="en">${escape(en.retry)}</span></a></p></main></body></html>`;
}
