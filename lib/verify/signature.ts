import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { canonicalBytes } from "./canonical-json";

/**
 * Ed25519 signatures over canonical JSON (node:crypto, no extra package). Pure functions of keys
 * and data: where the key lives is lib/verify/data.ts's business.
 */
export const SIGNATURE_ALG = "Ed25519" as const;

export type Signature = { alg: typeof SIGNATURE_ALG; keyId: string; value: string };
export type SignedSnapshot<T> = { data: T; signature: Signature };
export type KeyPairPem = { publicKeyPem: string; privateKeyPem: string };

export function generateKeyPairPem(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/** The public key (SPKI PEM) of a PKCS#8 private key; throws unless it is an Ed25519 key. */
export function publicKeyPemOf(privateKeyPem: string): string {
  const priv = createPrivateKey(privateKeyPem);
  if (priv.asymmetricKeyType !== "ed25519") throw new Error("VERIFY_SIGNING_KEY must be an Ed25519 private key");
  return createPublicKey(priv).export({ type: "spki", format: "pem" }).toString();
}

/** A stable key id: the first 16 characters of the base64url SHA-256 of the public key's DER. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return `ed25519-${createHash("sha256").update(der).digest("base64url").slice(0, 16)}`;
}

export function signData<T>(data: T, privateKeyPem: string, keyId: string): SignedSnapshot<T> {
  const value = sign(null, canonicalBytes(data), createPrivateKey(privateKeyPem)).toString("base64");
  return { data, signature: { alg: SIGNATURE_ALG, keyId, value } };
}

/** True when `signature` is a valid Ed25519 signature of the canonical JSON of `data`. */
export function verifyData(data: unknown, signatureB64: string, publicKey: string | KeyObject): boolean {
  try {
    const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
    return verify(null, canonicalBytes(data), key, Buffer.from(signatureB64, "base64"));
  } catch {
    return false;
  }
}

/** A JWK of the public key ({ kty: "OKP", crv: "Ed25519", x }), with its kid. */
export function publicJwk(publicKeyPem: string, keyId: string) {
  const jwk = createPublicKey(publicKeyPem).export({ format: "jwk" }) as { kty: string; crv: string; x: string };
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: keyId, alg: "EdDSA", use: "sig" };
}
