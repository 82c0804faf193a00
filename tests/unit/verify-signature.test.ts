import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/verify/canonical-json";
import { generateKeyPairPem, keyIdOf, publicJwk, publicKeyPemOf, signData, verifyData } from "@/lib/verify/signature";

const facts = {
  publicCode: "ABCDEFG2",
  nameZh: "深圳技师学院",
  tier: "TECHNICIAN_COLLEGE",
  status: "OPERATING",
  designations: [{ kind: "QUALITY_SCHOOL", startDate: "2022-01-01", endDate: null }],
  checkedAt: "2026-11-28T09:00:00.000Z",
};

describe("Ed25519 snapshot signatures", () => {
  const pair = generateKeyPairPem();
  const keyId = keyIdOf(pair.publicKeyPem);

  it("signs the canonical JSON and verifies with the public key", () => {
    const snap = signData(facts, pair.privateKeyPem, keyId);
    expect(snap.signature).toMatchObject({ alg: "Ed25519", keyId });
    expect(Buffer.from(snap.signature.value, "base64")).toHaveLength(64);
    expect(verifyData(snap.data, snap.signature.value, pair.publicKeyPem)).toBe(true);
    // A saved snapshot (JSON text, any key order) still verifies after a round trip.
    const saved = JSON.parse(JSON.stringify(snap, null, 2));
    expect(verifyData(saved.data, saved.signature.value, pair.publicKeyPem)).toBe(true);
  });

  it("fails after one byte of the snapshot changes", () => {
    const snap = signData(facts, pair.privateKeyPem, keyId);
    const text = canonicalJson(snap.data);
    // Change each byte position in turn (keeping the JSON valid where it stays valid): never verifies.
    const bytes = Buffer.from(text, "utf8");
    let checked = 0;
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] = changed[i] === 0x41 ? 0x42 : 0x41;
      let parsed: unknown;
      try {
        parsed = JSON.parse(changed.toString("utf8"));
      } catch {
        continue;
      }
      checked++;
      expect(verifyData(parsed, snap.signature.value, pair.publicKeyPem)).toBe(false);
    }
    expect(checked).toBeGreaterThan(10);
    // And one flipped byte of the signature itself.
    const sig = Buffer.from(snap.signature.value, "base64");
    sig[0] ^= 1;
    expect(verifyData(snap.data, sig.toString("base64"), pair.publicKeyPem)).toBe(false);
  });

  it("refuses another key, and garbage signatures without throwing", () => {
    const other = generateKeyPairPem();
    const snap = signData(facts, pair.privateKeyPem, keyId);
    expect(verifyData(snap.data, snap.signature.value, other.publicKeyPem)).toBe(false);
    expect(verifyData(snap.data, "not base64!", pair.publicKeyPem)).toBe(false);
  });

  it("derives the public key, a stable key id and a JWK", () => {
    expect(publicKeyPemOf(pair.privateKeyPem)).toBe(pair.publicKeyPem);
    expect(keyIdOf(pair.publicKeyPem)).toBe(keyId);
    expect(keyId).toMatch(/^ed25519-[A-Za-z0-9_-]{16}$/);
    const jwk = publicJwk(pair.publicKeyPem, keyId);
    expect(jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid: keyId, alg: "EdDSA" });
    expect(Buffer.from(jwk.x, "base64url")).toHaveLength(32);
  });
});
