import { afterAll, beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/v1/progress/route";
import { disconnect, setDbClient } from "@/lib/db/client";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";

beforeAll(() => {
  // Nothing listens on port 1: every connection is refused.
  const engine = openEngine({ kind: "postgres", url: "postgresql://registry:registry@127.0.0.1:1/registry" });
  setDbClient(new PrismaClient({ adapter: engine.factory }), engine);
});
afterAll(async () => disconnect());

it("GET /api/v1/progress answers 503 JSON, not 500, when the database does not answer", async () => {
  const res = await GET(new Request("http://localhost/api/v1/progress"));
  expect(res.status).toBe(503);
  expect(await res.json()).toMatchObject({ error: { code: "DB_UNAVAILABLE" } });
  expect(res.headers.get("cache-control")).toBe("no-store");
  // The edge's 503, like every /api/v1 route (the route's own answer said 5).
  expect(res.headers.get("retry-after")).toBe("30");
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
});
