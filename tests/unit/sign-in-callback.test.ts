import { describe, expect, it } from "vitest";
import { safeCallback, signInPathFor } from "@/lib/auth/callback";

describe("the after-sign-in destination (issue 13: a console link led to /console)", () => {
  it("keeps a console path with its query", () => {
    expect(safeCallback("/console/schools/abc")).toBe("/console/schools/abc");
    expect(safeCallback("/console/schools?tier=TECHNICAL_SCHOOL&page=2")).toBe("/console/schools?tier=TECHNICAL_SCHOOL&page=2");
    expect(safeCallback("/console")).toBe("/console");
  });

  it("ignores anything that could leave the site (no open redirect)", () => {
    for (const value of [
      "https://evil.example/console",
      "http://evil.example",
      "//evil.example/console",
      "/\\evil.example/console",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/console\n//evil.example",
      " /console",
      "",
      undefined,
      null,
      ["/console"],
    ]) {
      expect(safeCallback(value), String(value)).toBeNull();
    }
  });

  it("takes console paths only, after resolving dot segments", () => {
    expect(safeCallback("/schools")).toBeNull();
    expect(safeCallback("/consolex")).toBeNull();
    expect(safeCallback("/console/../api/v1/schools")).toBeNull();
    expect(safeCallback(`/console/${"a".repeat(2000)}`)).toBeNull();
  });

  it("builds the sign-in link, with the path encoded, or the bare page", () => {
    expect(signInPathFor("/console/schools?q=a&b=1")).toBe("/sign-in?callbackUrl=%2Fconsole%2Fschools%3Fq%3Da%26b%3D1");
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
    expect(signInPathFor(null)).toBe("/sign-in");
  });
});
