import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getStatusRoute, OPTIONS as statusPreflight } from "@/app/api/v1/verify/[code]/status/route";
import { GET as getVerifyRoute } from "@/app/api/v1/verify/[code]/route";
import { clock, shanghaiToday } from "@/lib/kernel/dates";
import { changeSchoolStatus } from "@/lib/school-changes/mutations";
import { statusChangeSchema } from "@/lib/school-changes/schema";
import { getSigningKey, resetSigningKeyCache } from "@/lib/verify/data";
import { factsDigest } from "@/lib/verify/digest";
import { loadVerifyPage } from "@/lib/verify/loaders";
import { generateKeyPairPem, keyIdOf, signData } from "@/lib/verify/signature";
import { lookupVerification } from "@/lib/verify/snapshot";
import { call } from "../support/api-call";
import { peerHeaders } from "../support/peer";
import { seedPublicFixture, type PublicFixture } from "../support/public-fixtures";
import { openTestDb, type TestDb } from "../support/test-db";
import { runVerifyScript, serveRoutes } from "../support/verify-script";
import { write } from "../support/write";

/**
 * Issue 12 finding 3: a snapshot saved while a school was 正常办学 verified as VALID forever, also
 * after the school was put into 整改. Now the snapshot carries a validity period and a digest; the
 * live status check and scripts/verify-snapshot.mjs --online say "changed since", and the script
 * says EXPIRED after validUntil (and for a snapshot without a period).
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "registry.test" }) }));

let t: TestDb;
let fx: PublicFixture;
let server: Awaited<ReturnType<typeof serveRoutes>>;
let keyPem: string;

type Snapshot = { data: Record<string, unknown> & { digest: string; checkedAt: string; validUntil: string; validDays: number }; signature: { value: string } };

beforeAll(async () => {
  t = await openTestDb();
  resetSigningKeyCache();
  fx = await seedPublicFixture(t.client);
  keyPem = (await getSigningKey()).publicKeyPem;
  server = await serveRoutes([{ pattern: /^\/api\/v1\/verify\/(?<code>[^/]+)\/status$/, handler: getStatusRoute }]);
});
afterAll(async () => {
  await server?.close();
  resetSigningKeyCache();
  await t?.close();
});

const headers = peerHeaders("203.0.113.9");
const snapshotOf = async (code: string, query = "") => {
  const r = await call(getVerifyRoute, `/api/v1/verify/${code}${query}`, { params: { code }, headers });
  expect(r.status, r.text).toBe(200);
  return r.json as Snapshot;
};
const statusOf = (code: string, digest: string, extra: Record<string, string> = {}) =>
  call(getStatusRoute, `/api/v1/verify/${code}/status?digest=${encodeURIComponent(digest)}`, { params: { code }, headers: { ...headers, ...extra } });

async function putIntoRectification(schoolId: string) {
  const { version } = await t.client.school.findUniqueOrThrow({ where: { id: schoolId }, select: { version: true } });
  const input = statusChangeSchema.parse({
    schoolId,
    version,
    toStatus: "RECTIFYING",
    reasonCode: "EVALUATION_FAILED",
    documentNo: "粤人社函〔2026〕88号",
    effectiveDate: shanghaiToday(),
  });
  expect(await write((ctx) => changeSchoolStatus(ctx, input))).toMatchObject({ ok: true });
}

describe("a snapshot saved while OPERATING, after the school is put into 整改 (RECTIFYING)", () => {
  it("the status endpoint and the script --online say 'changed since: status'; offline the script warns it cannot tell", async () => {
    const code = fx.gzjd.publicCode;
    const saved = await snapshotOf(code, "?validDays=90");
    expect(saved.data).toMatchObject({ status: "OPERATING", validDays: 90 });

    // Before the change: current, with an ETag that a second ask revalidates (304), open CORS.
    const before = await statusOf(code, saved.data.digest);
    expect(before.status, before.text).toBe(200);
    expect(before.json).toMatchObject({ publicCode: code, current: true, changed: [], digest: saved.data.digest });
    expect(before.headers.get("cache-control")).toBe("no-cache");
    expect(before.headers.get("access-control-allow-origin")).toBe("*");
    expect((await statusOf(code, saved.data.digest, { "If-None-Match": before.headers.get("etag")! })).status).toBe(304);
    const stillCurrent = await runVerifyScript(saved, keyPem, ["--online", server.base]);
    expect(stillCurrent.stdout).toContain("STILL CURRENT");
    expect(stillCurrent.code).toBe(0);

    await putIntoRectification(fx.gzjd.id);

    const after = await statusOf(code, saved.data.digest);
    expect(after.json).toMatchObject({ current: false, changed: ["status"], facts: { status: { status: "RECTIFYING", onRegister: true } } });
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    // The live answer describes itself: its digest is the digest of the facts it states.
    const current = await lookupVerification(code);
    if (current.kind !== "found") throw new Error("not found");
    expect((after.json as { digest: string }).digest).toBe(factsDigest(current.facts));

    const online = await runVerifyScript(saved, keyPem, ["--online", server.base]);
    expect(online.stdout).toContain("VALID signature");
    expect(online.stdout).toMatch(/CHANGED SINCE .*: status \(now RECTIFYING since \d{4}-\d{2}-\d{2}\)/);
    expect(online.code).toBe(3);
    expect(server.hits.at(-1)).toBe(`/api/v1/verify/${code}/status?digest=${encodeURIComponent(saved.data.digest)}`);

    // Offline the signature still holds (it proves what the registry said at checkedAt), with the warning.
    const offline = await runVerifyScript(saved, keyPem);
    expect(offline.stdout).toContain("VALID signature");
    expect(offline.stdout).toContain("WARNING: offline");
    expect(offline.stdout).not.toContain("WARNING: the snapshot's digest");
    expect(offline.code).toBe(0);

    // A printed sheet's QR code leads to the page with the sheet's digest: the scan says what changed.
    const scanned = await loadVerifyPage(code, "90", saved.data.digest);
    expect(scanned?.printed).toMatchObject({ current: false, changed: ["status"] });
    expect(scanned?.facts).toMatchObject({ status: "RECTIFYING", validDays: 90 });
    expect(scanned?.url).toMatch(new RegExp(`/verify/${code}\\?digest=${scanned?.facts.digest.replaceAll(".", "\\.")}$`));
    const rescanned = await loadVerifyPage(code, undefined, scanned!.facts.digest);
    expect(rescanned?.printed).toMatchObject({ current: true, changed: [] });

    // The preflight of the new route is the API's.
    const pre = await statusPreflight(new Request(`http://registry.test/api/v1/verify/${code}/status`, { method: "OPTIONS" }));
    expect(pre.status).toBe(204);
  });

  it("the openssl recipe of docs/verify.md still checks the signature (and only the signature)", async () => {
    const tools = ["openssl", "jq"].every((tool) => {
      try {
        execFileSync("which", [tool]);
        return true;
      } catch {
        return false;
      }
    });
    if (!tools) return;
    const saved = await snapshotOf(fx.shenzhen.publicCode, "?validDays=30");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-openssl-"));
    try {
      fs.writeFileSync(path.join(dir, "snapshot.json"), JSON.stringify(saved, null, 2));
      fs.writeFileSync(path.join(dir, "key.pem"), keyPem);
      const recipe = (data: string) =>
        execFileSync(
          "sh",
          [
            "-c",
            `jq -cSj '${data}' snapshot.json > data.bin && jq -r .signature.value snapshot.json | base64 -d > sig.bin && ` +
              "openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in data.bin -sigfile sig.bin; true",
          ],
          { cwd: dir, encoding: "utf8" },
        );
      expect(recipe(".data")).toContain("Signature Verified Successfully");
      // The recipe's own canonical JSON is what was signed: lengthen the period and it fails.
      expect(recipe(".data | .validDays = 180")).not.toContain("Signature Verified Successfully");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the validity period", () => {
  it("the verify page takes the period the reader chose; an invalid one falls back to 30 days and says so", async () => {
    for (const [raw, days, refused] of [
      [undefined, 30, false],
      ["180", 180, false],
      ["29", 30, true],
      ["abc", 30, true],
      ["30,60", 30, true],
    ] as const) {
      const page = await loadVerifyPage(fx.shenzhen.publicCode, raw);
      expect(page, String(raw)).toMatchObject({ facts: { validDays: days }, validDaysRefused: refused, printed: null });
    }
    expect((await loadVerifyPage(fx.shenzhen.publicCode, undefined, "not-a-digest"))?.printed).toBeNull();
  });

  it("after validUntil the script says EXPIRED (a snapshot signed 100 days ago with the real key, clock moved)", async () => {
    const realNow = clock.now;
    clock.now = () => new Date(Date.now() - 100 * 86_400_000);
    let old: Snapshot;
    try {
      old = await snapshotOf(fx.hz.publicCode, "?validDays=60");
    } finally {
      clock.now = realNow;
    }
    expect(Date.parse(old.data.validUntil) - Date.parse(old.data.checkedAt)).toBe(60 * 86_400_000);
    const run = await runVerifyScript(old, keyPem);
    expect(run.stdout).toContain("VALID signature");
    expect(run.stdout).toContain(`EXPIRED: valid until ${old.data.validUntil} (60 days)`);
    expect(run.code).toBe(2);
    // Changing validUntil to lengthen it breaks the signature.
    const stretched = { ...old, data: { ...old.data, validUntil: new Date(Date.now() + 86_400_000).toISOString() } };
    expect((await runVerifyScript(stretched, keyPem)).code).toBe(1);
  });

  it("a snapshot without a validity period (made before them) is 'treat as expired'; online the digest is recomputed from its facts", async () => {
    const found = await lookupVerification(fx.hz.publicCode);
    if (found.kind !== "found") throw new Error("not found");
    const pair = generateKeyPairPem();
    const legacy = signData(found.facts, pair.privateKeyPem, keyIdOf(pair.publicKeyPem));
    expect(legacy.data).not.toHaveProperty("validUntil");
    const offline = await runVerifyScript(legacy, pair.publicKeyPem);
    expect(offline.stdout).toContain("NO VALIDITY PERIOD");
    expect(offline.code).toBe(2);
    const online = await runVerifyScript(legacy, pair.publicKeyPem, ["--online", server.base]);
    expect(online.stdout).toContain("STILL CURRENT");
    expect(server.hits.at(-1)).toContain(encodeURIComponent(factsDigest(found.facts)));
    expect(online.code).toBe(2);
  });

  it("an unreachable registry is exit 4 (the offline verdict still printed); a changed byte is INVALID, exit 1", async () => {
    const saved = await snapshotOf(fx.hz.publicCode);
    const down = await runVerifyScript(saved, keyPem, ["--online", "http://127.0.0.1:9"]);
    expect(down.stdout).toContain("VALID signature");
    expect(down.stdout).toContain("ONLINE CHECK FAILED");
    expect(down.code).toBe(4);
    const forged = { ...saved, data: { ...saved.data, nameZh: "伪造技师学院" } };
    const invalid = await runVerifyScript(forged, keyPem, ["--online", server.base]);
    expect(invalid.stdout).toContain("INVALID");
    expect(invalid.code).toBe(1);
    expect((await runVerifyScript(saved, keyPem, ["--bogus"])).code).toBe(64);
  });
});
