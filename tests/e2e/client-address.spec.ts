import { expect, test } from "@playwright/test";

/**
 * The one client-address rule in a real server (issue 11, finding 2): the socket address is stamped
 * on every request (lib/request/peer-stamp.ts) and, without TRUST_PROXY, a client's own
 * X-Forwarded-For is ignored — so a new forged value per request does not buy a fresh per-address
 * limit. Under the old rule each forged value started a new bucket at limit − 1.
 */
test("a forged X-Forwarded-For per request still counts against the socket's one limit", async ({ request }) => {
  const remaining: number[] = [];
  for (const forged of ["10.9.9.9", "10.9.9.10", "10.9.9.11"]) {
    const res = await request.get("/api/v1/schools?pageSize=1", { headers: { "X-Forwarded-For": forged, "X-Real-IP": forged } });
    expect(res.status()).toBe(200);
    remaining.push(Number(res.headers()["ratelimit-remaining"]));
  }
  const limit = Number((await request.get("/api/v1/schools?pageSize=1")).headers()["ratelimit-limit"]);
  expect(remaining[0]).toBeLessThan(limit);
  // Other specs share this address: the count may fall faster, but never starts again.
  expect(remaining[1]).toBeLessThan(remaining[0]);
  expect(remaining[2]).toBeLessThan(remaining[1]);
});
