import { z } from "zod";
import { addDays } from "@/lib/kernel/dates";
import { intParam, param } from "@/lib/validation/query-params";
import { factsDigest } from "./digest";
import type { VerifyFacts, VerifySnapshotData } from "./types";

/**
 * The validity period of a snapshot, chosen by the person asking (as 学信网's online verification
 * reports let them): 30–180 days, 30 by default. A signature proves what the registry said at
 * checkedAt; the period says how long the registry stands by that answer without a new check.
 */
export const VALID_DAYS = { min: 30, max: 180, default: 30 } as const;
/** The choices the verify page offers (the API takes any whole number in the range). */
export const VALID_DAYS_CHOICES = [30, 60, 90, 180] as const;

export const validDaysParam = param(intParam(VALID_DAYS.min, VALID_DAYS.max).default(VALID_DAYS.default)).describe(
  `Validity period of the signed snapshot in days, ${VALID_DAYS.min}–${VALID_DAYS.max} (default ${VALID_DAYS.default}): data.validUntil = checkedAt + validDays days`,
);

/** GET /api/v1/verify/{code} (and the verify page's ?validDays=). */
export const verifyQuerySchema = z.object({ validDays: validDaysParam });

export function withValidity(facts: VerifyFacts, validDays: number): VerifySnapshotData {
  const validUntil = addDays(new Date(facts.checkedAt), validDays).toISOString();
  return { ...facts, validDays, validUntil, digest: factsDigest(facts) };
}
