import { createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getKeysRoute } from "@/app/api/v1/keys/route";
import { GET as getKeyPemRoute } from "@/app/api/v1/keys/[file]/route";
import { GET as getVerifyRoute } from "@/app/api/v1/verify/[code]/route";
import { GET as getStatusRoute } from "@/app/api/v1/verify/[code]/status/route";
import { factsDigest } from "@/lib/verify/digest";
import { canonicalJson } from "@/lib/verify/canonical-json";
import { listPublicKeys, resetSigningKeyCache } from "@/lib/verify/data";
import { verifyData } from "@/lib/verify/signature";
import { lookupVerification } from "@/lib/verify/snapshot";
import { openTestDb, type TestDb } from "../support/test-db";
import { seedPublicFixture, type PublicFixture } from "../support/public-fixtures";
import { peerHeaders } from "../support/peer";

let t: TestDb;
let fx: PublicFixture;

beforeAll(async () => {
  t = await openTestDb();
  resetSigningKeyCache();
  fx = await seedPublicFixture(t.client);
});
afterAll(async () => {
  resetSigningKeyCache();
  await t?.close();
});

const call = (handler: typeof getVerifyRoute, path: string, params: Record<string, string>) =>
  handler(new Request(`http://registry.test${path}`, { headers: peerHeaders("203.0.113.9") }), { params: Promise.resolve(params) });

describe("verification", () => {
  it("looks up a code in any case, refuses a malformed one, and says notFound for an unknown one", async () => {
    const found = await lookupVerification(fx.shenzhen.publicCode.toLowerCase());
    expect(found).toMatchObject({ kind: "found", facts: { nameZh: "深圳技师学院", tier: "TECHNICIAN_COLLEGE", status: "OPERATING", onRegister: true } });
    expect(await lookupVerification("ABC")).toEqual({ kind: "malformed" });
    // Right shape, wrong check character.
    const code = fx.shenzhen.publicCode;
    const wrongCheck = code.slice(0, 7) + (code[7] === "2" ? "3" : "2");
    expect(await lookupVerification(wrongCheck)).toEqual({ kind: "malformed" });
    expect(await lookupVerification("x".repeat(500))).toEqual({ kind: "malformed" });
  });

  it("states only designations valid at the time of the check", async () => {
    const hz = await lookupVerification(fx.hz.publicCode);
    if (hz.kind !== "found") throw new Error("not found");
    expect(hz.facts.designations.map((d) => d.kind)).toEqual(["KEY_SCHOOL"]);
    const gz = await lookupVerification(fx.gzold.publicCode);
    expect(gz).toMatchObject({ kind: "found", facts: { status: "MERGED", onRegister: false, designations: [] } });
  });

  it("GET /api/v1/verify/{code} returns signed facts that verify with the published key, and fail after one changed byte", async () => {
    const res = await call(getVerifyRoute, `/api/v1/verify/${fx.shenzhen.publicCode}`, { code: fx.shenzhen.publicCode });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    expect(text).not.toMatch(/contact|张联系|0755/);
    const snap = JSON.parse(text) as { data: Record<string, unknown>; signature: { alg: string; keyId: string; value: string } };
    expect(snap.data).toMatchObject({ publicCode: fx.shenzhen.publicCode, nameZh: "深圳技师学院", isDemo: true });
    expect(typeof snap.data.checkedAt).toBe("string");
    expect(snap.signature.alg).toBe("Ed25519");

    // The published key, fetched the way a relying party would.
    const pemRes = await call(getKeyPemRoute, "/api/v1/keys/verify.pem", { file: "verify.pem" });
    expect(pemRes.status).toBe(200);
    const pem = await pemRes.text();
    expect(pem).toContain("BEGIN PUBLIC KEY");
    expect(verifyData(snap.data, snap.signature.value, pem)).toBe(true);

    // The JWKS-like document names the same key.
    const jwks = (await (await call(getKeysRoute, "/api/v1/keys", {})).json()) as {
      current: string;
      keys: { kid: string; x: string; crv: string; kty: string }[];
    };
    expect(jwks.current).toBe(snap.signature.keyId);
    const jwk = jwks.keys.find((k) => k.kid === snap.signature.keyId)!;
    const fromJwk = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
    expect(verifyData(snap.data, snap.signature.value, fromJwk)).toBe(true);
    const byKid = await call(getKeyPemRoute, `/api/v1/keys/${jwk.kid}.pem`, { file: `${jwk.kid}.pem` });
    expect(await byKid.text()).toBe(pem);

    // One byte of the saved snapshot changed: the signature no longer holds.
    const bytes = Buffer.from(canonicalJson(snap.data), "utf8");
    const i = bytes.indexOf(Buffer.from("TECHNICIAN_COLLEGE"));
    bytes[i] = "X".charCodeAt(0);
    expect(verifyData(JSON.parse(bytes.toString("utf8")), snap.signature.value, pem)).toBe(false);
  });

  it("keeps one key in the database, shared across processes (a fresh cache finds the same key)", async () => {
    const first = await listPublicKeys();
    resetSigningKeyCache();
    const again = await listPublicKeys();
    expect(again.map((k) => k.keyId)).toEqual(first.map((k) => k.keyId));
    expect(await t.client.signingKey.count()).toBe(1);
  });

  it("answers 404 JSON for an unknown code and 400 JSON naming the parameter for a malformed one", async () => {
    const unknown = "23456789";
    // Find a well-formed code no school has (the check character must be right).
    const { publicCodeCheckChar } = await import("@/lib/schools/public-code");
    const code = unknown.slice(0, 7) + publicCodeCheckChar(unknown.slice(0, 7));
    const r404 = await call(getVerifyRoute, `/api/v1/verify/${code}`, { code });
    expect(r404.status).toBe(404);
    expect(await r404.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    const r400 = await call(getVerifyRoute, "/api/v1/verify/bad!", { code: "bad!" });
    expect(r400.status).toBe(400);
    expect(await r400.json()).toMatchObject({ error: { code: "VALIDATION", parameters: [{ name: "code" }] } });
    const unknownParam = await getVerifyRoute(new Request(`http://registry.test/api/v1/verify/${code}?foo=1`), { params: Promise.resolve({ code }) });
    expect(unknownParam.status).toBe(400);
    const badFile = await call(getKeyPemRoute, "/api/v1/keys/x.txt", { file: "x.txt" });
    expect(badFile.status).toBe(400);
    const noKey = await call(getKeyPemRoute, "/api/v1/keys/nokey.pem", { file: "nokey.pem" });
    expect(noKey.status).toBe(404);
  });

  it("signs a validity period chosen within 30–180 days (default 30) and the facts digest, inside the signed data", async () => {
    const code = fx.shenzhen.publicCode;
    const pem = (await listPublicKeys())[0].publicKeyPem;
    for (const [query, days] of [
      ["", 30],
      ["?validDays=30", 30],
      ["?validDays=90", 90],
      ["?validDays=180", 180],
    ] as const) {
      const res = await call(getVerifyRoute, `/api/v1/verify/${code}${query}`, { code });
      expect(res.status).toBe(200);
      const snap = (await res.json()) as { data: { checkedAt: string; validDays: number; validUntil: string; digest: string }; signature: { value: string } };
      expect(snap.data.validDays).toBe(days);
      expect(Date.parse(snap.data.validUntil) - Date.parse(snap.data.checkedAt)).toBe(days * 86_400_000);
      expect(verifyData(snap.data, snap.signature.value, pem)).toBe(true);
      expect(
        verifyData(
          { ...snap.data, validDays: 180, validUntil: new Date(Date.parse(snap.data.checkedAt) + 180 * 86_400_000).toISOString() },
          snap.signature.value,
          pem,
        ),
      ).toBe(days === 180);
      const found = await lookupVerification(code);
      if (found.kind !== "found") throw new Error("not found");
      expect(snap.data.digest).toBe(factsDigest(found.facts));
    }
  });

  it.each(["0", "29", "181", "1000", "abc", "1e2", "90.5", "-30", "30&validDays=60"])("?validDays=%s → 400 naming validDays", async (value) => {
    const code = fx.shenzhen.publicCode;
    const res = await call(getVerifyRoute, `/api/v1/verify/${code}?validDays=${value}`, { code });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; parameters: { name: string; message: string }[] } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.parameters.map((p) => p.name)).toEqual(["validDays"]);
    expect(body.error.parameters[0].message.length).toBeGreaterThan(0);
  });

  it("the status check refuses a missing or malformed digest (400 naming digest), a malformed code (400) and an unknown one (404)", async () => {
    const code = fx.shenzhen.publicCode;
    const named = async (path: string, params: Record<string, string>) => {
      const res = await call(getStatusRoute, path, params);
      const body = (await res.json()) as { error: { parameters?: { name: string; key: string }[] } };
      return { status: res.status, names: body.error.parameters?.map((p) => `${p.name}:${p.key}`) };
    };
    expect(await named(`/api/v1/verify/${code}/status`, { code })).toEqual({ status: 400, names: ["digest:required"] });
    for (const digest of ["abc", "v2.AAAAAAAAAAAA.AAAAAAAAAAAA.AAAAAAAAAAAA.AAAAAAAAAAAA.AAAAAAAAAAAA", "v1.AAAA", `v1${".AAAAAAAAAAA!".repeat(5)}`]) {
      expect((await named(`/api/v1/verify/${code}/status?digest=${encodeURIComponent(digest)}`, { code })).names).toEqual(["digest:invalidValue"]);
    }
    const wellFormed = `v1${".AAAAAAAAAAAA".repeat(5)}`;
    expect((await named(`/api/v1/verify/bad!/status?digest=${wellFormed}`, { code: "bad!" })).names).toEqual(["code:malformedCode"]);
    const { publicCodeCheckChar } = await import("@/lib/schools/public-code");
    const unknown = `2345678${publicCodeCheckChar("2345678")}`;
    expect((await named(`/api/v1/verify/${unknown}/status?digest=${wellFormed}`, { code: unknown })).status).toBe(404);
    // A well-formed digest of nothing this school ever was: every part changed.
    const res = await call(getStatusRoute, `/api/v1/verify/${code}/status?digest=${wellFormed}`, { code });
    expect(await res.json()).toMatchObject({ current: false, changed: ["name", "tier", "status", "authority", "designations"] });
  });
});
