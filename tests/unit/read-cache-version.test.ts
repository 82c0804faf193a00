import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { dataVersion } from "@/lib/db/read-cache";

/**
 * The version read is shared between concurrent requests, but a request never uses a read that
 * started before it arrived: a change committed before the request must be seen by it.
 */
function fakeClient() {
  const pending: ((v: bigint) => void)[] = [];
  const client = {
    $queryRaw: () => new Promise<{ version: bigint }[]>((resolve) => pending.push((v) => resolve([{ version: v }]))),
  } as unknown as PrismaClient;
  return { client, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("dataVersion coalescing", () => {
  it("starts one read; requests arriving meanwhile share the next one, started after it", async () => {
    const { client, pending } = fakeClient();
    const a = dataVersion(client);
    const b = dataVersion(client);
    const c = dataVersion(client);
    expect(pending).toHaveLength(1);
    pending[0](5n);
    expect(await a).toBe(5n);
    await tick();
    expect(pending).toHaveLength(2); // b and c wait for a read that began after they arrived
    pending[1](6n);
    expect(await b).toBe(6n);
    expect(await c).toBe(6n);
  });

  it("reads again for a request that arrives after the last read finished", async () => {
    const { client, pending } = fakeClient();
    const a = dataVersion(client);
    pending[0](1n);
    expect(await a).toBe(1n);
    const b = dataVersion(client);
    expect(pending).toHaveLength(2);
    pending[1](2n);
    expect(await b).toBe(2n);
  });
});
