import { describe, expect, test } from "vitest";
import { mayShareAnswer } from "@/lib/security/shared-cache";

const anon = () => new Headers({ accept: "text/html", "user-agent": "test" });
const withHeader = (name: string, value: string) => {
  const h = anon();
  h.set(name, value);
  return h;
};

describe("which page answers a shared cache may keep (decision 0091)", () => {
  test.each(["/", "/schools", "/schools/44010012", "/verify", "/verify/44010012", "/progress", "/data", "/data/dictionary"])(
    "the public page %s asked anonymously",
    (path) => {
      expect(mayShareAnswer("GET", path, anon())).toBe(true);
      expect(mayShareAnswer("HEAD", path, anon())).toBe(true);
    },
  );

  test.each([
    "/console",
    "/console/schools",
    "/sign-in",
    "/schools/44010012/report",
    "/notices",
    "/notices/batch-1",
    "/error-reports",
    "/api/v1/schools",
    "/api/auth/session",
    "/schools/",
    "/data/releases",
    "/anything-else",
  ])("never %s", (path) => {
    expect(mayShareAnswer("GET", path, anon())).toBe(false);
  });

  test("never a write, whatever the page", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(mayShareAnswer(method, "/schools/44010012", anon())).toBe(false);
  });

  test.each([
    ["cookie", "authjs.session-token=x"],
    ["cookie", "locale=en"],
    ["cookie", "registry-read-after=0/1"],
    ["authorization", "Bearer x"],
    ["x-api-key", "rk_x"],
    ["rsc", "1"],
    ["next-router-prefetch", "1"],
    ["next-router-state-tree", "%5B%5D"],
    ["next-action", "abc"],
  ])("never with %s: %s (personal, or a client-side navigation's different body)", (name, value) => {
    expect(mayShareAnswer("GET", "/schools/44010012", withHeader(name, value))).toBe(false);
  });
});
