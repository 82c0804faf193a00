import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { VerifyFacts } from "./types";

/**
 * The facts digest: how a verifier asks "does the registry still say what this snapshot says?"
 * without sending the snapshot. One short hash per part a relying party cares about, so that the
 * answer can name what changed: `v1.<name>.<tier>.<status>.<authority>.<designations>`, each the
 * first 12 base64url characters of the SHA-256 of that part's canonical JSON.
 * It is a function of the signed facts alone (no checkedAt, lastConfirmedAt or validity), so
 * scripts/verify-snapshot.mjs recomputes it — also for a snapshot made before digests existed —
 * and the live answer at the same day and state is the same bytes (its ETag holds).
 */
export const DIGEST_PARTS = ["name", "tier", "status", "authority", "designations"] as const;
export type DigestPart = (typeof DIGEST_PARTS)[number];

export const DIGEST_PATTERN = /^v1(\.[A-Za-z0-9_-]{12}){5}$/;

type DigestInput = Pick<
  VerifyFacts,
  "nameZh" | "nameEn" | "formerNames" | "tier" | "tierSince" | "status" | "statusSince" | "onRegister" | "authority" | "designations"
>;

/** The value of each part, as hashed (and as the status answer shows the current ones). */
export function digestParts(facts: DigestInput) {
  return {
    name: { nameZh: facts.nameZh, nameEn: facts.nameEn, formerNames: facts.formerNames },
    tier: { tier: facts.tier, tierSince: facts.tierSince },
    status: { status: facts.status, statusSince: facts.statusSince, onRegister: facts.onRegister },
    // The authority's id, not its display names: a translated name is not a change of the school.
    authority: { id: facts.authority.id },
    designations: facts.designations,
  } satisfies Record<DigestPart, unknown>;
}

const shortHash = (value: unknown) => createHash("sha256").update(canonicalJson(value), "utf8").digest("base64url").slice(0, 12);

export function factsDigest(facts: DigestInput): string {
  const parts = digestParts(facts);
  return ["v1", ...DIGEST_PARTS.map((part) => shortHash(parts[part]))].join(".");
}

/** The parts whose hashes differ between two well-formed digests, in DIGEST_PARTS order. */
export function changedParts(given: string, current: string): DigestPart[] {
  const [a, b] = [given.split(".").slice(1), current.split(".").slice(1)];
  return DIGEST_PARTS.filter((_, i) => a[i] !== b[i]);
}
