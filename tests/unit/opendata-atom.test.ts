import { describe, expect, it } from "vitest";
import { atomFeed, xmlEscape } from "@/lib/opendata/feeds/atom";
import { parseXml, child, childrenNamed } from "../support/xml";

describe("Atom builder", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(xmlEscape("a\u0000b\u0007c\td\ne")).toBe("abc\td\ne");
  });

  it("produces a well-formed Atom 1.0 document whatever the values", () => {
    const nasty = `]]><script>alert("x")</script>&amp;\u0001`;
    const xml = atomFeed({
      id: "tag:x,2026:feed",
      title: nasty,
      updated: "2026-01-01T00:00:00.000Z",
      selfLink: `https://e.cn/feeds/a.atom?x="1"&y=<2>`,
      alternateLink: "https://e.cn/",
      author: "名录",
      entries: [{ id: "tag:x,2026:1", title: nasty, updated: "2026-01-01T00:00:00.000Z", link: "https://e.cn/schools/1", summary: nasty, category: `a"b` }],
    });
    const feed = parseXml(xml);
    expect(feed.uri).toBe("http://www.w3.org/2005/Atom");
    expect(child(feed, "title")!.text).toBe(`]]><script>alert("x")</script>&amp;`);
    const entry = childrenNamed(feed, "entry")[0];
    expect(child(entry, "summary")!.attrs.type).toBe("text");
    expect(child(entry, "category")!.attrs.term).toBe(`a"b`);
    expect(childrenNamed(feed, "link").find((l) => l.attrs.rel === "self")!.attrs.href).toBe(`https://e.cn/feeds/a.atom?x="1"&y=<2>`);
  });
});
