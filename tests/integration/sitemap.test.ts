import { describe, expect, it } from "vitest";
import { GET as indexGET } from "@/app/sitemap.xml/route";
import { GET as fileGET } from "@/app/sitemaps/[file]/route";
import robots from "@/app/robots";
import { robotsFor } from "@/lib/linked-data/robots";
import { PUBLIC_PAGES, sitemapHandlers } from "@/lib/linked-data/sitemap";
import { call } from "../support/api-call";
import { seedOpenData } from "../support/opendata-fixtures";
import { fileTestDb } from "../support/test-db";
import { child, childrenNamed, parseXml } from "../support/xml";

/** /sitemap.xml (an index), its pages and /robots.txt: every school once, absolute URLs by THE public-origin rule. */
process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const t = fileTestDb(seedOpenData);
// A client's own X-Forwarded-* headers do not choose the host of the links (no TRUST_PROXY).
const headers = { Host: "registry.example.cn", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
const ORIGIN = "http://registry.example.cn";

type Handlers = { index: typeof indexGET; file: typeof fileGET };

async function locsOf(handler: typeof fileGET, file: string) {
  const r = await call(handler, `/sitemaps/${file}`, { headers, params: { file } });
  if (r.status !== 200) return { status: r.status, locs: [] as string[] };
  const set = parseXml(r.text);
  expect(set.name).toBe("urlset");
  expect(set.uri).toBe(SITEMAP);
  return { status: r.status, locs: childrenNamed(set, "url").map((u) => child(u, "loc")!.text) };
}

/** Every school page the index leads to, page by page. */
async function crawl(h: Handlers) {
  const r = await call(h.index, "/sitemap.xml", { headers });
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  const index = parseXml(r.text);
  expect(index.name).toBe("sitemapindex");
  const files = childrenNamed(index, "sitemap").map((s) => child(s, "loc")!.text);
  for (const f of files) expect(f).toMatch(new RegExp(`^${ORIGIN}/sitemaps/[a-z0-9-]+\\.xml$`));
  const pages = await Promise.all(files.map((f) => locsOf(h.file, f.split("/").pop()!)));
  return { files, pages: pages.map((p) => p.locs) };
}

describe("sitemap", () => {
  it("lists every school exactly once, with absolute URLs, and the public pages", async () => {
    const { files, pages } = await crawl({ index: indexGET, file: fileGET });
    expect(files.map((f) => f.split("/").pop())).toEqual(["pages.xml", "schools-1.xml"]);
    expect(pages[0]).toEqual(PUBLIC_PAGES.map((p) => `${ORIGIN}${p === "/" ? "" : p}`));
    const codes = (await t.client.school.findMany({ select: { publicCode: true } })).map((s) => `${ORIGIN}/schools/${s.publicCode}`);
    expect(pages[1].toSorted()).toEqual(codes.toSorted());
  });

  it("pages at the injected size: full pages, a last partial page, then 404", async () => {
    const small = sitemapHandlers(2);
    const { files, pages } = await crawl(small);
    expect(files.map((f) => f.split("/").pop())).toEqual(["pages.xml", "schools-1.xml", "schools-2.xml"]);
    expect(pages.slice(1).map((p) => p.length)).toEqual([2, 1]);
    const schools = pages.slice(1).flat();
    expect(new Set(schools).size).toBe(schools.length);
    expect(schools).toHaveLength(await t.client.school.count());
    expect((await locsOf(small.file, "schools-3.xml")).status).toBe(404);
    // An exact multiple: no empty last page named.
    const exact = await crawl(sitemapHandlers(3));
    expect(exact.files).toHaveLength(2);
    expect(exact.pages[1]).toHaveLength(3);
  });

  it("refuses names that are no page", async () => {
    for (const file of ["schools-0.xml", "schools-01.xml", "schools-x.xml", "other.xml", "schools-1.txt"]) {
      expect((await locsOf(fileGET, file)).status, file).toBe(404);
    }
  });
});

describe("robots.txt", () => {
  it("allows the public site, keeps crawlers out of the console and sign-in, and names the sitemap", async () => {
    expect(robotsFor(ORIGIN)).toEqual({
      rules: { userAgent: "*", allow: "/", disallow: ["/console", "/api/auth"] },
      sitemap: `${ORIGIN}/sitemap.xml`,
    });
    expect((await robots()).sitemap).toMatch(/^https?:\/\/[^/]+\/sitemap\.xml$/);
  });
});
