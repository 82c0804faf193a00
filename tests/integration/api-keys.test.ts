import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as schoolsGET, OPTIONS as schoolsOPTIONS } from "@/app/api/v1/schools/route";
import { issueApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { loadApiKeys } from "@/lib/api-keys/loaders";
import { identifyClient, KEY_CACHE_MS } from "@/lib/api-keys/lookup";
import { MAX_ACTIVE_KEYS } from "@/lib/api-keys/rules";
import { hashApiKey } from "@/lib/api-keys/secret";
import type { SessionUser } from "@/lib/auth/roles";
import { errorSchema } from "@/lib/opendata/schemas/response";
import { makeUser, type MadeUser } from "../factories";
import { call } from "../support/api-call";
import { formData } from "../support/form";
import { seedOpenData } from "../support/opendata-fixtures";
import { peerHeaders } from "../support/peer";
import { inOneRateWindow } from "../support/rate-window";
import { signInAs } from "../support/session";
import { fileTestDb } from "../support/test-db";

/**
 * Open-data API keys (docs/decisions/0085): issued and revoked in the console, counted per key at
 * the keyed limit, a bad key refused with 401, anonymous use unchanged. Small limits from the environment.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "3";
process.env.API_KEY_RATE_LIMIT_PER_MINUTE = "5";

const t = fileTestDb(seedOpenData);
const u: Record<"holder" | "other" | "security" | "ministryAdmin", MadeUser> = {} as never;
const as = (m: MadeUser): SessionUser => ({ id: m.id, username: m.username, displayName: m.username, role: m.role, authorityId: m.authorityId });

async function issue(by: MadeUser, name: string): Promise<{ id: string; key: string }> {
  signInAs(as(by));
  const r = await issueApiKeyAction(formData({ name }));
  if (!r.ok) throw new Error(`issue refused: ${r.code}`);
  return r.data;
}
const revokeAs = (by: MadeUser, id: string) => {
  signInAs(as(by));
  return revokeApiKeyAction(formData({ id }));
};
const schools = (address: string, headers: Record<string, string> = {}) =>
  call(schoolsGET, "/api/v1/schools?pageSize=1", { headers: peerHeaders(address, headers) });
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

beforeAll(async () => {
  u.holder = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "key-holder" });
  u.other = await makeUser(t.client, "AUDITOR", null, { username: "key-other" });
  u.security = await makeUser(t.client, "SECURITY_ADMIN", null, { username: "key-sec", personId: "PK-0001" });
  u.ministryAdmin = await makeUser(t.client, "MINISTRY_ADMIN", null, { username: "key-admin" });
});
// Each test counts requests up to a small per-minute limit: all of them in one window.
beforeEach(() => inOneRateWindow());
afterEach(async () => {
  signInAs(null);
  await t.client.rateLimitBucket.deleteMany();
});

describe("API keys", () => {
  it("issues a key shown once and stores only its sha256, audited without the key", async () => {
    const { id, key } = await issue(u.holder, "同步服务");
    expect(key).toMatch(/^jgyx_[A-Za-z0-9_-]{43}$/);
    const row = await t.client.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ hash: hashApiKey(key), prefix: key.slice(0, 9), name: "同步服务", ownerId: u.holder.id, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(key.slice(9));
    const audit = await t.client.auditEvent.findFirstOrThrow({ where: { action: "apiKey.issue", entityId: id } });
    expect(audit.actorId).toBe(u.holder.id);
    // (xid is a bigint, which JSON cannot hold; it says nothing about the key.)
    expect(JSON.stringify({ ...audit, xid: String(audit.xid) })).not.toContain(key.slice(9));
  });

  it("counts a key per key at the keyed limit: two addresses share its bucket, two keys do not", async () => {
    const a = await issue(u.holder, "桶甲");
    const b = await issue(u.other, "桶乙");
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await schools(i % 2 ? "203.0.113.1" : "198.51.100.1", bearer(a.key));
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get("ratelimit-limit")).toBe("5");
      seen.push(r.headers.get("ratelimit-remaining") ?? "");
    }
    expect(seen).toEqual(["4", "3", "2", "1", "0"]);
    expect((await schools("192.0.2.77", bearer(a.key))).status).toBe(429);
    // The other key, from an address key A used: its own bucket.
    const other = await schools("203.0.113.1", { "X-API-Key": b.key });
    expect(other.status).toBe(200);
    expect(other.headers.get("ratelimit-remaining")).toBe("4");
    // Anonymous use from that address is untouched by keyed traffic: the anonymous limit, its own count.
    const anon = await schools("203.0.113.1");
    expect(anon.status).toBe(200);
    expect(anon.headers.get("ratelimit-limit")).toBe("3");
    expect(anon.headers.get("ratelimit-remaining")).toBe("2");
    expect((await t.client.apiKey.findUniqueOrThrow({ where: { id: a.id } })).lastUsedAt).not.toBeNull();
  });

  it("leaves anonymous use exactly as it was (per address, the anonymous limit)", async () => {
    for (let i = 0; i < 3; i++) expect((await schools("198.51.100.9")).status).toBe(200);
    expect((await schools("198.51.100.9")).status).toBe(429);
    expect((await schools("198.51.100.10")).status).toBe(200);
  });

  it("refuses a malformed, unknown or conflicting key with 401 and the API's error body, never as anonymous", async () => {
    const { key } = await issue(u.holder, "拒绝");
    const unknown = "jgyx_" + "A".repeat(43);
    const cases = [
      bearer(unknown),
      bearer("not-a-key"),
      { Authorization: "Basic dXNlcjpwdw==" },
      { "X-API-Key": unknown },
      { ...bearer(key), "X-API-Key": unknown },
    ];
    for (const [i, headers] of cases.entries()) {
      const r = await schools(`198.51.100.${40 + i}`, headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(errorSchema.parse(r.json).error.code).toBe("INVALID_API_KEY");
      expect(r.headers.get("www-authenticate")).toContain("Bearer");
      expect(r.headers.get("access-control-allow-origin")).toBe("*");
    }
    // Bad keys count against the address: guessing keys costs the anonymous limit.
    for (let i = 0; i < 2; i++) expect((await schools("198.51.100.40", bearer(unknown))).status).toBe(401);
    expect((await schools("198.51.100.40", bearer(unknown))).status).toBe(429);
  });

  it("a revoked key is refused at once in this process; another account may not revoke it unless its role reaches every key", async () => {
    const { id, key } = await issue(u.holder, "吊销");
    expect((await schools("198.51.100.30", bearer(key))).status).toBe(200);
    expect(await revokeAs(u.other, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await schools("198.51.100.30", bearer(key))).status).toBe(200);
    expect(await revokeAs(u.holder, id)).toMatchObject({ ok: true });
    const r = await schools("198.51.100.30", bearer(key));
    expect(r.status).toBe(401);
    const audit = await t.client.auditEvent.findFirstOrThrow({ where: { action: "apiKey.revoke", entityId: id } });
    expect(audit.actorId).toBe(u.holder.id);

    for (const admin of [u.security, u.ministryAdmin]) {
      const other = await issue(u.other, `管理员吊销-${admin.username}`);
      expect(await revokeAs(admin, other.id)).toMatchObject({ ok: true });
      expect((await t.client.apiKey.findUniqueOrThrow({ where: { id: other.id } })).revokedById).toBe(admin.id);
      expect((await schools("198.51.100.31", bearer(other.key))).status).toBe(401);
    }
  });

  it("honours a revocation made by another process within KEY_CACHE_MS", async () => {
    const { id, key } = await issue(u.holder, "界限");
    const headers = new Headers(bearer(key));
    const now = Date.now();
    expect((await identifyClient(headers, now)).kind).toBe("key");
    // Another process revokes (its cache eviction does not reach this one).
    await t.client.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    expect((await identifyClient(headers, now + 1_000)).kind).toBe("key");
    expect((await identifyClient(headers, now + KEY_CACHE_MS + 1)).kind).toBe("refused");
  });

  it("refuses a key of a disabled account", async () => {
    const owner = await makeUser(t.client, "EXPERT", null, { username: "key-disabled" });
    const { key } = await issue(owner, "停用");
    await t.client.user.update({ where: { id: owner.id }, data: { disabled: true } });
    expect((await identifyClient(new Headers(bearer(key)), Date.now() + 10 * KEY_CACHE_MS)).kind).toBe("refused");
  });

  it(`allows at most ${MAX_ACTIVE_KEYS} active keys per account; revoking one makes room`, async () => {
    const owner = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "key-many" });
    const ids: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) ids.push((await issue(owner, `第${i}个`)).id);
    signInAs(as(owner));
    const refused = await issueApiKeyAction(formData({ name: "多一个" }));
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "API_KEY_LIMIT" } });
    expect((await loadApiKeys()).canIssue).toBe(false);
    await revokeAs(owner, ids[0]);
    expect((await issue(owner, "腾出")).key).toMatch(/^jgyx_/);
  });

  it("lists one's own keys; the security administrator sees every account's", async () => {
    signInAs(as(u.other));
    const mine = await loadApiKeys();
    expect(mine.everyAccount).toBe(false);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.ownerId === u.other.id && r.mine)).toBe(true);
    expect(JSON.stringify(mine)).not.toMatch(/"hash"/);
    signInAs(as(u.security));
    const all = await loadApiKeys();
    expect(all.everyAccount).toBe(true);
    expect(all.rows.some((r) => r.ownerId === u.holder.id) && all.rows.some((r) => r.ownerId === u.other.id)).toBe(true);
  });

  it("lets a browser send the key: the preflight allows Authorization and X-API-Key", async () => {
    const plain = await call(schoolsOPTIONS as never, "/api/v1/schools", { method: "OPTIONS", headers: { Origin: "https://example.org" } });
    expect(plain.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(plain.headers.get("access-control-allow-headers")).toMatch(/X-API-Key/);
  });
});
