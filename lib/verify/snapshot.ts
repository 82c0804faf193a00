import "server-only";
import { clock } from "@/lib/kernel/dates";
import { isPublicCodeShape, normalisePublicCode } from "@/lib/schools/public-code";
import { getSigningKey, getVerifyFacts } from "./data";
import { signData, type SignedSnapshot } from "./signature";
import type { VerifyFacts, VerifySnapshotData } from "./types";
import { withValidity } from "./validity";

/**
 * A verification: parse the code, read the facts, sign them with the chosen validity period.
 * Shared by /verify/<code> and GET /api/v1/verify/<code>, so the page and the JSON always state
 * the same facts.
 */
export type VerifyLookup = { kind: "malformed" } | { kind: "notFound"; code: string } | { kind: "found"; code: string; facts: VerifyFacts };

export function parseVerifyCode(raw: string): string | null {
  if (typeof raw !== "string" || raw.length > 32) return null;
  const code = normalisePublicCode(raw);
  return isPublicCodeShape(code) ? code : null;
}

export async function lookupVerification(raw: string, now = clock.now()): Promise<VerifyLookup> {
  const code = parseVerifyCode(raw);
  if (!code) return { kind: "malformed" };
  const facts = await getVerifyFacts(code, now);
  return facts ? { kind: "found", code, facts } : { kind: "notFound", code };
}

export async function signFacts(facts: VerifyFacts, validDays: number): Promise<SignedSnapshot<VerifySnapshotData>> {
  const key = await getSigningKey();
  return signData(withValidity(facts, validDays), key.privateKeyPem, key.keyId);
}
