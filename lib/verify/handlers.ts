import { z } from "zod";
import { Refusal } from "@/lib/errors";
import { apiGet } from "@/lib/opendata/http";
import type { ApiTranslator } from "@/lib/opendata/messages";
import { listPublicKeys } from "./data";
import { publicJwk } from "./signature";
import { lookupVerification, signFacts } from "./snapshot";
import { statusOf, verifyStatusQuerySchema } from "./status";
import { verifyQuerySchema } from "./validity";

/**
 * Route handlers of the verification API (through the open-data edge: rate limit, ETag, CORS,
 * errors as JSON naming the parameter). The snapshot is never cached: its checkedAt is the time
 * of the check. The status answer may be stored but is revalidated every time (its ETag changes
 * exactly when the facts do).
 */
const noQuery = z.object({});

function malformed(t: ApiTranslator, name: string, key: string): Refusal {
  return new Refusal("VALIDATION", { parameters: [{ name, key, message: t(`verify.api.${key}`) }] });
}

async function foundFacts(code: string | undefined, t: ApiTranslator) {
  const found = await lookupVerification(code ?? "");
  if (found.kind === "malformed") throw malformed(t, "code", "malformedCode");
  if (found.kind === "notFound") throw new Refusal("NOT_FOUND");
  return found.facts;
}

/** GET /api/v1/verify/{code}?validDays=: { data: facts + checkedAt + validity + digest, signature }. */
export const getVerification = apiGet(
  verifyQuerySchema,
  async ({ params, query, t }) => ({ kind: "json", body: await signFacts(await foundFacts(params.code, t), query.validDays) }),
  "no-store",
);

/** GET /api/v1/verify/{code}/status?digest=: current or changed (and which parts), with the current values. */
export const getVerificationStatus = apiGet(
  verifyStatusQuerySchema,
  async ({ params, query, t }) => ({ kind: "json", body: statusOf(await foundFacts(params.code, t), query.digest) }),
  "no-cache",
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
