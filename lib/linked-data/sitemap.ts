import { z } from "zod";
import { Refusal } from "@/lib/errors";
import { apiGet, type Payload } from "@/lib/opendata/http";
import { countSchools, schoolPageEntries } from "./data";

/**
 * /sitemap.xml is a sitemap index; it names /sitemaps/pages.xml (the public pages that are not a
 * school's) and /sitemaps/schools-<n>.xml, each at most `pageSize` school pages (the protocol's
 * limit is 50,000 URLs). Route handlers rather than Next's generateSitemaps: that runs at build
 * time, without the database, and writes no index (docs/decisions/0080-sitemap-route-handlers.md).
 * Every URL is absolute, from THE public-origin rule (the edge's origin(), which varies the answer on it).
 */
export const SITEMAP_PAGE_SIZE = 50_000;
export const PUBLIC_PAGES = ["/", "/schools", "/data", "/data/dictionary", "/verify", "/progress", "/notices"];
const XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const noQuery = z.object({});

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function xml(body: string): Payload {
  return { kind: "text", text: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, contentType: "application/xml; charset=utf-8" };
}

export function urlsetXml(entries: { loc: string; lastmod?: string }[]): string {
  const urls = entries.map((e) => `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`);
  return `<urlset xmlns="${XMLNS}">\n${urls.join("\n")}\n</urlset>`;
}

export function sitemapIndexXml(locs: string[]): string {
  return `<sitemapindex xmlns="${XMLNS}">\n${locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join("\n")}\n</sitemapindex>`;
}

/** The two handlers; tests pass a small `pageSize` to reach the page boundaries with a few schools. */
export function sitemapHandlers(pageSize = SITEMAP_PAGE_SIZE) {
  const index = apiGet(noQuery, async ({ origin }) => {
    const pages = Math.ceil((await countSchools()) / pageSize);
    const files = ["pages.xml", ...Array.from({ length: pages }, (_, i) => `schools-${i + 1}.xml`)];
    return xml(sitemapIndexXml(files.map((f) => `${origin()}/sitemaps/${f}`)));
  });
  const file = apiGet(noQuery, async ({ origin, params }) => {
    if (params.file === "pages.xml") return xml(urlsetXml(PUBLIC_PAGES.map((p) => ({ loc: `${origin()}${p === "/" ? "" : p}` }))));
    const n = /^schools-([1-9]\d{0,5})\.xml$/.exec(params.file ?? "");
    const entries = n ? await schoolPageEntries((Number(n[1]) - 1) * pageSize, pageSize) : [];
    if (!entries.length) throw new Refusal("NOT_FOUND");
    return xml(urlsetXml(entries.map((s) => ({ loc: `${origin()}/schools/${s.publicCode}`, lastmod: s.updatedAt.toISOString() }))));
  });
  return { index, file };
}
