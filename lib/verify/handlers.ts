import { z } from "zod";
import { Refusal } from "@/lib/errors";
import { apiGet } from "@/lib/opendata/http";
import type { ApiTranslator } from "@/lib/opendata/messages";
import { listPublicKeys } from "./data";
import { publicJwk } from "./signature";
import { lookupVerification, signFacts } from "./snapshot";

/**
 * Route handlers of the verification API (through the open-data edge: rate limit, CORS, errors as
 * JSON naming the parameter). The snapshot is never cached: its checkedAt is the time of the check.
 */
const noQuery = z.object({});

function malformed(t: ApiTranslator, name: string, key: string): Refusal {
  return new Refusal("VALIDATION", { parameters: [{ name, key, message: t(`verify.api.${key}`) }] });
}

/** GET /api/v1/verify/{code}: { data: facts + checkedAt, signature: { alg, keyId, value } }. */
export const getVerification = apiGet(
  noQuery,
  async ({ params, t }) => {
    const found = await lookupVerification(params.code ?? "");
    if (found.kind === "malformed") throw malformed(t, "code", "malformedCode");
    if (found.kind === "notFound") throw new Refusal("NOT_FOUND");
    return { kind: "json", body: await signFacts(found.facts) };
  },
  "no-store",
);

const KEYS_CACHE = "public, max-age=3600";

/** GET /api/v1/keys: the verification public keys as a JWK set (current key first). */
export const getKeys = apiGet(
  noQuery,
  async () => {
    const keys = await listPublicKeys();
    return {
      kind: "json",
      body: {
        current: keys.find((k) => k.current)?.keyId ?? null,
        keys: keys.map((k) => ({ ...publicJwk(k.publicKeyPem, k.keyId), createdAt: k.createdAt, pem: `/api/v1/keys/${k.keyId}.pem` })),
      },
    };
  },
  KEYS_CACHE,
);

/** GET /api/v1/keys/verify.pem (the current key) or /api/v1/keys/{keyId}.pem: SPKI PEM. */
export const getKeyPem = apiGet(
  noQuery,
  async ({ params, t }) => {
    const file = params.file ?? "";
    const m = /^([A-Za-z0-9_-]{1,40})\.pem$/.exec(file);
    if (!m) throw malformed(t, "file", "malformedKeyFile");
    const keys = await listPublicKeys();
    const key = m[1] === "verify" ? keys.find((k) => k.current) : keys.find((k) => k.keyId === m[1]);
    if (!key) throw new Refusal("NOT_FOUND");
    return { kind: "text", text: key.publicKeyPem, contentType: "application/x-pem-file; charset=utf-8" };
  },
  KEYS_CACHE,
);
