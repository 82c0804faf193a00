import { describe, expect, it } from "vitest";
import { GET as keyGET } from "@/app/api/v1/keys/[file]/route";
import { GET as releaseGET } from "@/app/api/v1/releases/[slug]/[file]/route";
import { GET as schoolGET } from "@/app/api/v1/schools/[id]/route";
import { GET as verifyGET } from "@/app/api/v1/verify/[code]/route";
import { GET as authorityFeedGET } from "@/app/feeds/authorities/[file]/route";
import { GET as schoolFeedGET } from "@/app/feeds/schools/[file]/route";
import { call } from "../support/api-call";
import { peerHeaders } from "../support/peer";
import { fileTestDb } from "../support/test-db";

/**
 * Issue 12, finding 5, behind the proxy: a route parameter holding NUL or a lone surrogate (which a
 * direct call, or a path proxy.ts does not see, could still bring) is refused by name at the API
 * edge (lib/opendata/http.ts, THE text rule) before any handler or query reads it — never a 500.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "1000";
fileTestDb();

const routes = [
  ["/api/v1/schools/{id}", schoolGET, { id: "" }],
  ["/api/v1/verify/{code}", verifyGET, { code: "" }],
  ["/api/v1/keys/{file}", keyGET, { file: "" }],
  ["/api/v1/releases/{slug}/{file}", releaseGET, { slug: "2026-01", file: "" }],
  ["/feeds/schools/{file}", schoolFeedGET, { file: "" }],
  ["/feeds/authorities/{file}", authorityFeedGET, { file: "" }],
] as const;

describe("route parameters with NUL or a lone surrogate", () => {
  for (const [route, handler, params] of routes) {
    for (const bad of ["\u0000", "a\u0000.atom", "\ud800", "x\udfff.pem"]) {
      it(`${route} with ${JSON.stringify(bad)}: 400 naming the parameter`, async () => {
        const name = Object.keys(params).find((k) => params[k as keyof typeof params] === "")!;
        const r = await call(handler, "/x", { params: { ...params, [name]: bad }, headers: peerHeaders("198.51.100.30") });
        expect(r.status).toBe(400);
        expect(r.json).toMatchObject({ error: { code: "VALIDATION", parameters: [{ name, key: "malformedId" }] } });
      });
    }
  }
});
