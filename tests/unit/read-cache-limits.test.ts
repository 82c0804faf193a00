import { getHeapStatistics } from "node:v8";
import { describe, expect, it, vi } from "vitest";
import { setDbClient, type PrismaClient } from "@/lib/db/client";
import { cacheBudgetBytes, cachedRead, MAX_CACHE_ENTRIES, readCacheSize } from "@/lib/db/read-cache";

/** Without PUBLIC_CACHE_MB the budget follows the heap limit; the entry count is bounded whatever the sizes. */
describe("public-read cache limits", () => {
  it("defaults to an eighth of the heap limit, at most 64 MB", () => {
    vi.stubEnv("PUBLIC_CACHE_MB", undefined);
    const expected = Math.min(64 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 8));
    expect(cacheBudgetBytes()).toBe(expected);
    expect(cacheBudgetBytes()).toBeGreaterThan(0);
  });

  it("keeps at most MAX_CACHE_ENTRIES entries, dropping the least recently used", async () => {
    const client = { $queryRaw: async () => [{ version: 3n }] } as unknown as PrismaClient;
    setDbClient(client);
    for (let i = 0; i < MAX_CACHE_ENTRIES + 50; i++) await cachedRead(`tiny${i}`, async () => i);
    expect(readCacheSize(client).entries).toBeLessThanOrEqual(MAX_CACHE_ENTRIES);
    const first = vi.fn(async () => 0);
    await cachedRead("tiny0", first);
    expect(first).toHaveBeenCalledOnce(); // the oldest went first
    const last = vi.fn(async () => -1);
    expect(await cachedRead(`tiny${MAX_CACHE_ENTRIES + 49}`, last)).toBe(MAX_CACHE_ENTRIES + 49);
    expect(last).not.toHaveBeenCalled();
  });
});
