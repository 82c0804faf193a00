import { z } from "zod";
import { param } from "@/lib/validation/query-params";
import { changedParts, DIGEST_PATTERN, digestParts, factsDigest, type DigestPart } from "./digest";
import type { VerifyFacts } from "./types";

/**
 * The live status check (GET /api/v1/verify/{code}/status?digest=…): does the registry still say
 * what a snapshot with this digest says? The answer names the parts that changed and gives their
 * current values; it is deliberately unsigned and time-free — a live answer over TLS from the
 * registry, not something to keep (a signed "still current" could itself be replayed).
 */
export const verifyStatusQuerySchema = z.object({
  digest: param(z.string().regex(DIGEST_PATTERN, "validation.invalidValue")).meta({
    description:
      "Required. data.digest of a snapshot (v1.<name>.<tier>.<status>.<authority>.<designations>); scripts/verify-snapshot.mjs recomputes it for snapshots without one",
    // Well-formed (every part then answers "changed"): a baseline the security scan can send.
    example: `v1${".AAAAAAAAAAAA".repeat(5)}`,
  }),
});

export type VerifyStatus = {
  publicCode: string;
  /** True when every part of the given digest matches the facts now. */
  current: boolean;
  changed: DigestPart[];
  /** The digest of the facts now. */
  digest: string;
  /** The current value of each part (their hashes make up `digest`). */
  facts: ReturnType<typeof digestParts>;
};

export function statusOf(facts: VerifyFacts, givenDigest: string): VerifyStatus {
  const digest = factsDigest(facts);
  const changed = changedParts(givenDigest, digest);
  return { publicCode: facts.publicCode, current: changed.length === 0, changed, digest, facts: digestParts(facts) };
}
