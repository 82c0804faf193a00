import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ON_REGISTER } from "@/lib/schools/rules";
import { clock, dateOnly, shanghaiToday, ymd, iso } from "@/lib/kernel/dates";
import { generateKeyPairPem, keyIdOf, publicKeyPemOf } from "./signature";
import type { VerifyFacts } from "./types";

/**
 * Verification reads and the signing key. The key comes from VERIFY_SIGNING_KEY, or else from
 * the SigningKey table: generated once by whichever process needs it first; every process then
 * uses the oldest row, so all processes sign with the same key (never a per-process key).
 */
export type SigningKeyMaterial = { keyId: string; publicKeyPem: string; privateKeyPem: string; source: "env" | "database" };
export type PublishedKey = { keyId: string; publicKeyPem: string; createdAt: string | null; current: boolean };

type Holder = { key?: Promise<SigningKeyMaterial> };
const holder: Holder = ((globalThis as { __verifyKey?: Holder }).__verifyKey ??= {});

async function oldestStoredKey() {
  return db().signingKey.findFirst({
    where: { algorithm: "Ed25519" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, publicKeyPem: true, privateKeyPem: true },
  });
}

async function loadSigningKey(): Promise<SigningKeyMaterial> {
  const fromEnv = env().VERIFY_SIGNING_KEY;
  if (fromEnv) {
    const publicKeyPem = publicKeyPemOf(fromEnv);
    return { keyId: keyIdOf(publicKeyPem), publicKeyPem, privateKeyPem: fromEnv, source: "env" };
  }
  let row = await oldestStoredKey();
  if (!row) {
    const pair = generateKeyPairPem();
    await db().signingKey.createMany({ data: [{ id: keyIdOf(pair.publicKeyPem), ...pair }], skipDuplicates: true });
    // Two processes may race here: both then pick the same (oldest) row.
    row = await oldestStoredKey();
    if (!row) throw new Error("signing key could not be stored");
  }
  return { keyId: row.id, publicKeyPem: row.publicKeyPem, privateKeyPem: row.privateKeyPem, source: "database" };
}

export async function getSigningKey(): Promise<SigningKeyMaterial> {
  holder.key ??= loadSigningKey().catch((e) => {
    holder.key = undefined;
    throw e;
  });
  return holder.key;
}

/** Tests: forget the cached key (e.g. after switching databases). */
export function resetSigningKeyCache() {
  holder.key = undefined;
}

/** Every public key a snapshot may have been signed with; the current one first. */
export async function listPublicKeys(): Promise<PublishedKey[]> {
  const current = await getSigningKey();
  const stored = await db().signingKey.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, publicKeyPem: true, createdAt: true } });
  const out: PublishedKey[] = [];
  if (current.source === "env") out.push({ keyId: current.keyId, publicKeyPem: current.publicKeyPem, createdAt: null, current: true });
  for (const k of stored) {
    if (out.some((o) => o.keyId === k.id)) continue;
    out.push({ keyId: k.id, publicKeyPem: k.publicKeyPem, createdAt: k.createdAt.toISOString(), current: k.id === current.keyId });
  }
  return out.sort((a, b) => Number(b.current) - Number(a.current));
}

/** The verification facts of the school with this (normalised, well-formed) public code; null if none. */
export async function getVerifyFacts(publicCode: string, now = clock.now()): Promise<VerifyFacts | null> {
  const today = dateOnly(shanghaiToday(now));
  const s = await db().school.findUnique({
    where: { publicCode },
    select: {
      id: true,
      publicCode: true,
      nameZh: true,
      nameEn: true,
      formerNames: true,
      tier: true,
      tierSince: true,
      status: true,
      statusSince: true,
      lastConfirmedAt: true,
      isDemo: true,
      authority: { select: { id: true, nameZh: true, nameEn: true } },
      designations: {
        where: { status: { in: ["ACTIVE", "ACCEPTED"] }, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
        orderBy: [{ kind: "asc" }, { startDate: "asc" }, { id: "asc" }],
        select: {
          kind: true,
          level: true,
          status: true,
          title: true,
          batchLabel: true,
          documentNo: true,
          startDate: true,
          endDate: true,
          major: { select: { code: true, nameZh: true, nameEn: true } },
        },
      },
    },
  });
  if (!s) return null;
  return {
    publicCode: s.publicCode,
    schoolId: s.id,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    formerNames: s.formerNames,
    tier: s.tier,
    tierSince: ymd(s.tierSince),
    status: s.status,
    statusSince: ymd(s.statusSince),
    onRegister: ON_REGISTER.includes(s.status),
    authority: s.authority,
    designations: s.designations.map((d) => ({ ...d, startDate: ymd(d.startDate)!, endDate: ymd(d.endDate) })),
    lastConfirmedAt: iso(s.lastConfirmedAt),
    isDemo: s.isDemo,
    checkedAt: now.toISOString(),
  };
}
