/**
 * Atom 1.0 (RFC 4287) documents, built as text with every value XML-escaped (pure). Characters XML
 * 1.0 forbids (control characters) are dropped rather than escaped: they cannot appear at all.
 */
export type AtomEntry = { id: string; title: string; updated: string; link: string; summary: string; category?: string };
export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  selfLink: string;
  alternateLink: string;
  author: string;
  entries: AtomEntry[];
};

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) => `<link rel="${rel}"${type ? ` type="${type}"` : ""} href="${xmlEscape(href)}"/>`;

export function atomFeed(f: AtomFeed): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
    `  ${el("id", f.id)}`,
    `  ${el("title", f.title)}`,
    ...(f.subtitle ? [`  ${el("subtitle", f.subtitle)}`] : []),
    `  ${el("updated", f.updated)}`,
    `  <author>${el("name", f.author)}</author>`,
    `  ${link("self", f.selfLink, "application/atom+xml")}`,
    `  ${link("alternate", f.alternateLink, "text/html")}`,
    `  ${el("generator", "jigong-registry")}`,
  ];
  for (const e of f.entries) {
    lines.push(
      "  <entry>",
      `    ${el("id", e.id)}`,
      `    ${el("title", e.title)}`,
      `    ${el("updated", e.updated)}`,
      `    ${link("alternate", e.link, "text/html")}`,
      `    ${el("summary", e.summary, ' type="text"')}`,
      ...(e.category ? [`    <category term="${xmlEscape(e.category)}"/>`] : []),
      "  </entry>",
    );
  }
  lines.push("</feed>");
  return `${lines.join("\n")}\n`;
}
