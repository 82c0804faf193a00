import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnect, setDbClient } from "@/lib/db/client";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { openTestDb, type TestDb } from "../support/test-db";

describe("GET /api/health", () => {
  describe("with a database that answers", () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb();
    });
    afterAll(async () => t.close());

    it(`answers 200 {"status":"ok","db":"ok"}`, async () => {
      const res = await GET();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok", db: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    });
  });

  describe("with a database that does not answer", () => {
    beforeAll(() => {
      // Nothing listens on port 1: every connection is refused.
      const engine = openEngine({ kind: "postgres", url: "postgresql://registry:registry@127.0.0.1:1/registry" });
      setDbClient(new PrismaClient({ adapter: engine.factory }), engine);
    });
    afterAll(async () => disconnect());

    it(`answers 503 with "db":"down"`, async () => {
      const started = Date.now();
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ db: "down" });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
