import { describe, expect, it } from "vitest";
import { etagOf, matchesEtag } from "@/lib/opendata/http";

describe("ETag", () => {
  it("is a quoted hash of the body that changes with it", () => {
    const a = etagOf("{}");
    expect(a).toMatch(/^"[\w-]{32}"$/);
    expect(etagOf("{}")).toBe(a);
    expect(etagOf("[]")).not.toBe(a);
  });
  it("If-None-Match: lists, weak form and * match", () => {
    const e = etagOf("x");
    expect(matchesEtag(null, e)).toBe(false);
    expect(matchesEtag(`"other", ${e}`, e)).toBe(true);
    expect(matchesEtag(`W/${e}`, e)).toBe(true);
    expect(matchesEtag("*", e)).toBe(true);
    expect(matchesEtag(`"other"`, e)).toBe(false);
  });
});
