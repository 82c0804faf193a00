import { beforeAll, describe, expect, it } from "vitest";
import { GET as authorityFeedGET } from "@/app/feeds/authorities/[file]/route";
import { GET as changesFeedGET } from "@/app/feeds/changes.atom/route";
import { GET as schoolFeedGET } from "@/app/feeds/schools/[file]/route";
import { call } from "../support/api-call";
import { editSchool, seedOpenData } from "../support/opendata-fixtures";
import { fileTestDb } from "../support/test-db";
import { child, childrenNamed, parseXml, type XmlElement } from "../support/xml";

/** Atom feeds of public changes: valid Atom 1.0, Chinese titles, XML-escaped, public fields only. */
process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

const ATOM = "http://www.w3.org/2005/Atom";
const t = fileTestDb(seedOpenData);
beforeAll(async () => {
  // An edit with characters XML must escape, and a contact change that must not show.
  await editSchool(t.client, "s-sz", { nameEn: `Shenzhen <Technician> & "College"`, contactPhone: "0755-9999999" }, new Date("2026-02-01T00:00:00Z"));
  await editSchool(t.client, "s-hz", { tier: "TECHNICIAN_COLLEGE" }, new Date("2026-02-02T00:00:00Z"));
});

// A client's own X-Forwarded-Host/Proto: ignored without TRUST_PROXY (issue 11, finding 3), so no
// feed — cacheable by a shared cache — ever links to a host the client chose.
const headers = { Host: "registry.example.cn", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };

function checkAtom(feed: XmlElement) {
  expect(feed.name).toBe("feed");
  expect(feed.uri).toBe(ATOM);
  for (const required of ["id", "title", "updated", "author"]) expect(child(feed, required), required).toBeDefined();
  expect(childrenNamed(feed, "link").some((l) => l.attrs.rel === "self")).toBe(true);
  const updated = child(feed, "updated")!.text;
  expect(new Date(updated).toISOString()).toBe(updated);
  const entries = childrenNamed(feed, "entry");
  const ids = new Set<string>();
  for (const e of entries) {
    for (const required of ["id", "title", "updated", "summary"]) expect(child(e, required)?.text, required).toBeTruthy();
    expect(child(e, "link")?.attrs.href).toMatch(/^http:\/\/registry\.example\.cn\/schools\/s-/);
    ids.add(child(e, "id")!.text);
  }
  expect(ids.size).toBe(entries.length);
  return entries;
}

describe("Atom feeds", () => {
  it("all changes: newest first, Chinese titles, escaped values, no contacts", async () => {
    const r = await call(changesFeedGET, "/feeds/changes.atom", { headers });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(r.headers.get("etag")).toBeTruthy();
    expect(r.text).not.toMatch(/0755|张三|contact/);
    expect(r.text).toContain("&lt;Technician&gt; &amp; &quot;College&quot;");
    const feed = parseXml(r.text);
    const entries = checkAtom(feed);
    expect(child(feed, "title")!.text).toBe("技工院校名录：全部公开变更");
    expect(entries.map((e) => child(e, "title")!.text)).toEqual([
      "杭州汽车高级技工学校：信息更新",
      "深圳技师学院：信息更新",
      "广州市工贸技师学院：更名",
      expect.stringMatching(/：新登记$/),
      expect.stringMatching(/：新登记$/),
      expect.stringMatching(/：新登记$/),
    ]);
    expect(child(entries[0], "summary")!.text).toBe("层次：高级技工学校 → 技师学院");
    expect(child(entries[1], "summary")!.text).toBe('英文名称：— → Shenzhen <Technician> & "College"');
    expect(child(entries[2], "summary")!.text).toContain("名称：广州市工贸高级技工学校 → 广州市工贸技师学院");
    expect(child(entries[2], "summary")!.text).not.toContain("内部备注");
    expect(child(feed, "updated")!.text).toBe(child(entries[0], "updated")!.text);
  });

  it("per authority and per school (by id or public code); unknown ones are 404", async () => {
    const gd = await call(authorityFeedGET, "/feeds/authorities/guangdong.atom", { params: { file: "guangdong.atom" }, headers });
    const gdEntries = checkAtom(parseXml(gd.text));
    expect(gdEntries.map((e) => child(e, "title")!.text).every((x) => /^(深圳技师学院|广州市工贸技师学院)：/.test(x))).toBe(true);
    expect(gdEntries).toHaveLength(4);
    expect(child(parseXml(gd.text), "title")!.text).toBe("技工院校名录：广东省的公开变更");

    const school = await call(schoolFeedGET, "/feeds/schools/SZJS234V.atom", { params: { file: "SZJS234V.atom" }, headers });
    const schoolFeed = parseXml(school.text);
    const entries = checkAtom(schoolFeed);
    expect(entries.map((e) => child(e, "title")!.text)).toEqual(["深圳技师学院：信息更新", "深圳技师学院：新登记"]);
    expect(childrenNamed(schoolFeed, "link").find((l) => l.attrs.rel === "alternate")?.attrs.href).toBe("http://registry.example.cn/schools/s-sz");

    for (const [handler, file] of [
      [authorityFeedGET, "atlantis.atom"],
      [authorityFeedGET, "guangdong.rss"],
      [schoolFeedGET, "nope.atom"],
      [schoolFeedGET, "../x.atom"],
    ] as const) {
      const r = await call(handler, `/feeds/x/${file}`, { params: { file } });
      expect(r.status, file).toBe(404);
    }
  });
});
