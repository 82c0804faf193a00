/**
 * The small self-contained pages proxy.ts answers with before the app runs (the outage 503, the
 * bad-request 400): both languages, Chinese first, one link, a style block under the request's CSP
 * nonce, nothing about the cause beyond the sentence (no stack, no SQL, no host).
 */
export type PageText = { title: string; body: string; link: string };

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** Only a same-site path may be linked ("/…", not "//host"); anything else links home. */
const safeHref = (href: string) => (href.startsWith("/") && !href.startsWith("//") ? href : "/");

export function bilingualPageHtml(page: { pageTitle: [string, string]; zh: PageText; en: PageText; href: string; nonce: string }): string {
  const { zh, en } = page;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(page.pageTitle[0])} / ${escapeHtml(page.pageTitle[1])}</title>
<style nonce="${escapeHtml(page.nonce)}">body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f8fafc;color:#0f172a;margin:0}
main{max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.5rem}p{line-height:1.6}a{color:#1d4ed8}</style></head>
<body><main id="main"><div role="alert">
<h1>${escapeHtml(zh.title)}</h1><p>${escapeHtml(zh.body)}</p>
<h1 lang="en">${escapeHtml(en.title)}</h1><p lang="en">${escapeHtml(en.body)}</p>
</div><p><a href="${escapeHtml(safeHref(page.href))}">${escapeHtml(zh.link)} / <span lang="en">${escapeHtml(en.link)}</span></a></p></main></body></html>`;
}
