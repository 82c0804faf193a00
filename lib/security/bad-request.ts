import en from "@/lib/i18n/messages/en/webSecurity.json";
import zh from "@/lib/i18n/messages/zh-CN/webSecurity.json";
import { bilingualPageHtml } from "./static-page";

/**
 * proxy.ts's answer to a URL the app cannot serve (lib/validation/url.ts): 400, a bilingual page,
 * or under /api/ the API's own error body (VALIDATION naming the path), never Next's bare 500.
 * The proxy adds the security headers, as to every answer it gives.
 */
export function badRequestResponse(request: Request, nonce: string): Response {
  const { pathname } = new URL(request.url);
  const headers = { "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    const t = /^en\b/i.test(request.headers.get("accept-language") ?? "") ? en : zh;
    const body = { error: { code: "VALIDATION", message: t.badPath, parameters: [{ name: "path", key: "malformedPath", message: t.badPath }] } };
    return new Response(JSON.stringify(body), {
      status: 400,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
    });
  }
  const html = bilingualPageHtml({
    pageTitle: [zh.badRequestPageTitle, en.badRequestPageTitle],
    zh: { title: zh.badRequestTitle, body: zh.badRequestBody, link: zh.home },
    en: { title: en.badRequestTitle, body: en.badRequestBody, link: en.home },
    href: "/",
    nonce,
  });
  return new Response(request.method === "HEAD" ? null : html, { status: 400, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
