#!/usr/bin/env node
// Checks a saved verification snapshot offline: node scripts/verify-snapshot.mjs <snapshot.json> <key.pem>
// (the snapshot from GET /api/v1/verify/<code>, the key from /api/v1/keys/verify.pem). Exit code 0 = valid.
import { readFileSync } from "node:fs";
import { createPublicKey, verify } from "node:crypto";

const canon = (v) =>
  v === null || typeof v !== "object"
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(canon).join(",")}]`
      : `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)
          .join(",")}}`;

const [snapshotFile, keyFile] = process.argv.slice(2);
const { data, signature } = JSON.parse(readFileSync(snapshotFile, "utf8"));
const ok = verify(null, Buffer.from(canon(data), "utf8"), createPublicKey(readFileSync(keyFile)), Buffer.from(signature.value, "base64"));
console.log(ok ? `VALID: signed by ${signature.keyId}, checked at ${data.checkedAt}` : "INVALID: the snapshot was changed or another key signed it");
process.exit(ok ? 0 : 1);
