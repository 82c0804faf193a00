import { describe, expect, it, vi } from "vitest";
import { setDbClient, type PrismaClient } from "@/lib/db/client";
import { cachedRead, readCacheSize } from "@/lib/db/read-cache";

/** The public-read cache stays within PUBLIC_CACHE_MB, dropping the least recently used first. */
describe("public-read cache memory budget", () => {
  it("keeps the estimated size under the budget and the most recent entries", async () => {
    vi.stubEnv("PUBLIC_CACHE_MB", "1"); // read on the first env() call of this file
    const client = { $queryRaw: async () => [{ version: 7n }] } as unknown as PrismaClient;
    setDbClient(client);
    const big = (i: number) => async () => `${i}`.padEnd(60_000, "x"); // ≈ 180 kB estimated
    for (let i = 0; i < 10; i++) await cachedRead(`k${i}`, big(i));
    const size = readCacheSize(client);
    expect(size.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(size.entries).toBeGreaterThanOrEqual(2);
    const load = vi.fn(big(9));
    expect((await cachedRead("k9", load)).startsWith("9")).toBe(true);
    expect(load).not.toHaveBeenCalled();
    const reload = vi.fn(big(0));
    await cachedRead("k0", reload);
    expect(reload).toHaveBeenCalledOnce();
  });
});
