import { z } from "zod";
import type { VerifyFacts } from "@/lib/verify/types";
import { apiSchemas, authorityRefSchema } from "./response";
import { DesignationKind, DesignationLevel, DesignationStatus, SchoolStatus, SchoolTier } from "@/lib/kernel/enums";

/**
 * The shapes of the verification and key routes (built by the public-lookup feature in
 * lib/verify/handlers.ts), described here so the OpenAPI document and the contract tests cover them.
 */
const date = z.iso.date();

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
    designations: z
      .array(
        z.object({
          kind: z.enum(DesignationKind),
          level: z.enum(DesignationLevel),
          status: z.enum(DesignationStatus),
          title: z.string().nullable(),
          batchLabel: z.string().nullable(),
          documentNo: z.string().nullable(),
          startDate: date,
          endDate: date.nullable(),
          major: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
        }),
      )
      .describe("Designations valid at the time of the check"),
    lastConfirmedAt: z.iso.datetime({ offset: true }).nullable(),
    isDemo: z.boolean(),
    checkedAt: z.iso.datetime({ offset: true }).describe("When the check was made"),
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
const check: Same<z.output<typeof verifyFactsSchema>, VerifyFacts> = true;
void check;
