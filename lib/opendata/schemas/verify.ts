import { z } from "zod";
import { DIGEST_PARTS } from "@/lib/verify/digest";
import type { VerifyStatus } from "@/lib/verify/status";
import type { VerifySnapshotData } from "@/lib/verify/types";
import { apiSchemas, authorityRefSchema } from "./response";
import { DesignationKind, DesignationLevel, DesignationStatus, SchoolStatus, SchoolTier } from "@/lib/kernel/enums";

/**
 * The shapes of the verification and key routes (built by the public-lookup feature in
 * lib/verify/handlers.ts), described here so the OpenAPI document and the contract tests cover them.
 */
const date = z.iso.date();
const designationSchema = z.object({
  kind: z.enum(DesignationKind),
  level: z.enum(DesignationLevel),
  status: z.enum(DesignationStatus),
  title: z.string().nullable(),
  batchLabel: z.string().nullable(),
  documentNo: z.string().nullable(),
  startDate: date,
  endDate: date.nullable(),
  major: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
});
const digestSchema = z.string().describe("v1.<name>.<tier>.<status>.<authority>.<designations>: send it to /api/v1/verify/{code}/status");

export const verifyFactsSchema = z
  .object({
    publicCode: z.string(),
    schoolId: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    formerNames: z.array(z.string()),
    tier: z.enum(SchoolTier),
    tierSince: date.nullable(),
    status: z.enum(SchoolStatus),
    statusSince: date.nullable(),
    onRegister: z.boolean().describe("Still on the register (preparing, operating, suspended or rectifying)"),
    authority: authorityRefSchema,
    designations: z.array(designationSchema).describe("Designations valid at the time of the check"),
    lastConfirmedAt: z.iso.datetime({ offset: true }).nullable(),
    isDemo: z.boolean(),
    checkedAt: z.iso.datetime({ offset: true }).describe("When the check was made: the signature proves what the registry said then, not now"),
    validDays: z.number().int().min(30).max(180).describe("The validity period the person asking chose (?validDays=, 30–180 days)"),
    validUntil: z.iso.datetime({ offset: true }).describe("checkedAt + validDays days: after it the snapshot is expired; ask for a new one"),
    digest: digestSchema,
  })
  .register(apiSchemas, { id: "VerifyFacts" });

export const signedVerificationSchema = z
  .object({
    data: verifyFactsSchema,
    signature: z
      .object({ alg: z.literal("Ed25519"), keyId: z.string(), value: z.string().describe("base64 Ed25519 signature of the canonical JSON of data") })
      .describe("Verify offline with the key named keyId from /api/v1/keys"),
  })
  .register(apiSchemas, { id: "SignedVerification" });

export const verificationStatusSchema = z
  .object({
    publicCode: z.string(),
    current: z.boolean().describe("True when the registry still states what the snapshot with this digest states"),
    changed: z.array(z.enum(DIGEST_PARTS)).describe("The parts that changed since (name, tier, status, authority, designations)"),
    digest: digestSchema.describe("The digest of the facts now"),
    facts: z
      .object({
        name: z.object({ nameZh: z.string(), nameEn: z.string().nullable(), formerNames: z.array(z.string()) }),
        tier: z.object({ tier: z.enum(SchoolTier), tierSince: date.nullable() }),
        status: z.object({ status: z.enum(SchoolStatus), statusSince: date.nullable(), onRegister: z.boolean() }),
        authority: z.object({ id: z.string() }),
        designations: z.array(designationSchema),
      })
      .describe("The current value of each part (their hashes make up digest)"),
  })
  .register(apiSchemas, { id: "VerificationStatus" });

export const keySetSchema = z
  .object({
    current: z.string().nullable(),
    keys: z.array(
      z.object({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        kid: z.string(),
        alg: z.string(),
        use: z.string(),
        createdAt: z.iso.datetime({ offset: true }).nullable(),
        pem: z.string().describe("Path of the same key as SPKI PEM"),
      }),
    ),
  })
  .register(apiSchemas, { id: "KeySet" });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const check: Same<z.output<typeof verifyFactsSchema>, VerifySnapshotData> = true;
const checkStatus: Same<z.output<typeof verificationStatusSchema>, VerifyStatus> = true;
void check;
void checkStatus;
