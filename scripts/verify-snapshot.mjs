#!/usr/bin/env node
// Checks a saved verification snapshot (docs/verify.md), with Node.js alone — no packages:
//   node scripts/verify-snapshot.mjs <snapshot.json> <key.pem> [--online <base-url>]
// (the snapshot from GET /api/v1/verify/<code>, the key from /api/v1/keys/<keyId>.pem).
// A valid signature proves what the registry said at checkedAt, not now: the script also checks the
// validity period and, with --online, asks the registry whether the facts still hold.
// Exit codes: 0 valid and within its period (online: still current); 1 INVALID signature;
// 2 EXPIRED (after validUntil, or no validity period); 3 CHANGED since (online); 4 online check failed; 64 usage.
import { readFileSync } from "node:fs";
import { createHash, createPublicKey, verify } from "node:crypto";
import { parseArgs } from "node:util";

const EXIT = { ok: 0, invalid: 1, expired: 2, changed: 3, offlineOnly: 4, usage: 64 };

// Canonical JSON (docs/verify.md): sorted keys (UTF-16 code units), no whitespace, JSON.stringify strings.
const canon = (v) =>
  v === null || typeof v !== "object"
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(canon).join(",")}]`
      : `{${Object.keys(v)
          .filter((k) => v[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)
          .join(",")}}`;

// The facts digest of lib/verify/digest.ts, recomputed from the signed facts (also for snapshots made before digests).
const short = (v) => createHash("sha256").update(canon(v), "utf8").digest("base64url").slice(0, 12);
const digestOf = (d) =>
  [
    "v1",
    short({ nameZh: d.nameZh, nameEn: d.nameEn, formerNames: d.formerNames }),
    short({ tier: d.tier, tierSince: d.tierSince }),
    short({ status: d.status, statusSince: d.statusSince, onRegister: d.onRegister }),
    short({ id: d.authority?.id }),
    short(d.designations ?? null),
  ].join(".");

const now = {
  name: (f) => `name (now ${f.name.nameZh})`,
  tier: (f) => `tier (now ${f.tier.tier}${f.tier.tierSince ? ` since ${f.tier.tierSince}` : ""})`,
  status: (f) =>
    `status (now ${f.status.status}${f.status.statusSince ? ` since ${f.status.statusSince}` : ""}${f.status.onRegister ? "" : ", off the register"})`,
  authority: (f) => `authority (now ${f.authority.id})`,
  designations: (f) => `designations (now ${f.designations.length} valid)`,
};

async function online(base, data, digest) {
  const url = `${base.replace(/\/+$/, "")}/api/v1/verify/${encodeURIComponent(data.publicCode)}/status?digest=${encodeURIComponent(digest)}`;
  try {
    const res = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(15_000) });
    const body = await res.json().catch(() => null);
    if (!res.ok || body?.publicCode !== data.publicCode) return { exit: EXIT.offlineOnly, line: `ONLINE CHECK FAILED: ${url} answered HTTP ${res.status}` };
    if (body.current) return { exit: EXIT.ok, line: "STILL CURRENT: the registry states the same name, tier, status, authority and designations now." };
    return { exit: EXIT.changed, line: `CHANGED SINCE ${data.checkedAt}: ${body.changed.map((p) => now[p]?.(body.facts) ?? p).join("; ")}` };
  } catch (e) {
    return { exit: EXIT.offlineOnly, line: `ONLINE CHECK FAILED: ${url}: ${e.message}` };
  }
}

/** The verdict as lines and an exit code (the worst of signature, period and live check). */
async function check(snapshot, keyPem, { base, at = new Date() } = {}) {
  const { data, signature } = snapshot;
  let ok = false;
  try {
    ok = verify(null, Buffer.from(canon(data), "utf8"), createPublicKey(keyPem), Buffer.from(signature.value, "base64"));
  } catch {
    ok = false;
  }
  if (!ok) return { exit: EXIT.invalid, lines: ["INVALID: the snapshot was changed or another key signed it"] };
  const lines = [`VALID signature: signed by ${signature.keyId}. It proves what the registry said at ${data.checkedAt}, not now.`];
  let exit = EXIT.ok;
  if (!data.validUntil) {
    lines.push("NO VALIDITY PERIOD: a snapshot from before validity periods — treat it as expired and check online.");
    exit = EXIT.expired;
  } else if (at.getTime() > Date.parse(data.validUntil)) {
    lines.push(`EXPIRED: valid until ${data.validUntil} (${data.validDays} days); ask for a new verification.`);
    exit = EXIT.expired;
  } else {
    lines.push(`Within its validity period: valid until ${data.validUntil} (${data.validDays} days).`);
  }
  const digest = digestOf(data);
  if (data.digest && data.digest !== digest) lines.push(`WARNING: the snapshot's digest ${data.digest} differs from its facts' ${digest}`);
  if (!base) {
    lines.push("WARNING: offline — this cannot tell whether the facts still hold. Run with --online <base-url> (or open the verify page) to check.");
    return { exit, lines };
  }
  const live = await online(base, data, digest);
  lines.push(live.line);
  // Changed outranks expired (it says more); a failed live check does not hide an expiry.
  if (live.exit === EXIT.changed) exit = EXIT.changed;
  else if (live.exit === EXIT.offlineOnly && exit === EXIT.ok) exit = EXIT.offlineOnly;
  return { exit, lines };
}

async function main() {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { online: { type: "string" } } });
  } catch (e) {
    args = { positionals: [], error: e.message };
  }
  const [snapshotFile, keyFile] = args.positionals;
  if (!snapshotFile || !keyFile || args.positionals.length > 2) {
    console.error(`${args.error ?? ""}\nusage: node scripts/verify-snapshot.mjs <snapshot.json> <key.pem> [--online <base-url>]`.trim());
    process.exit(EXIT.usage);
  }
  const verdict = await check(JSON.parse(readFileSync(snapshotFile, "utf8")), readFileSync(keyFile), { base: args.values.online });
  for (const line of verdict.lines) console.log(line);
  process.exit(verdict.exit);
}

await main();
