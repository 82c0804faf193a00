import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";
import { emailSchema } from "./email/schema";
import { normalisePersonId, requiresPersonId } from "./separation";
import { requiredText } from "@/lib/validation/safe-text";
import { noControlChars } from "@/lib/validation/text";

/** Inputs of the account pages and actions (one schema per input, shared by form and action). */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/** Roles bound to an authority: officers act for it; experts have it as their home authority. */
export const AUTHORITY_ROLES = ["PROVINCE_OFFICER", "EXPERT"] as const satisfies readonly Role[];
export const needsAuthority = (role: Role) => (AUTHORITY_ROLES as readonly Role[]).includes(role);

/** School public codes, separated by spaces, commas, 、 or new lines. */
export function splitCodes(raw: string | null | undefined): string[] {
  return [
    ...new Set(
      (raw ?? "")
        .split(/[\s,，、;；]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

export const createAccountSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, "validation.usernameFormat"),
    displayName: requiredText(60),
    role: z.enum(roles, { message: "validation.choose" }),
    authorityId: optionalText(40),
    personId: optionalText(64).transform((v) => (v ? normalisePersonId(v) : null)),
    email: emailSchema,
    affiliations: optionalText(4000).transform((v) => splitCodes(v)),
  })
  .superRefine((v, ctx) => {
    if (needsAuthority(v.role) && !v.authorityId) ctx.addIssue({ code: "custom", path: ["authorityId"], message: "validation.authorityRequired" });
    if (requiresPersonId(v.role) && !v.personId) ctx.addIssue({ code: "custom", path: ["personId"], message: "validation.personIdRequired" });
    if (v.personId && !/^[0-9A-Z]{4,64}$/.test(v.personId)) ctx.addIssue({ code: "custom", path: ["personId"], message: "validation.personIdFormat" });
    if (v.role !== "EXPERT" && v.affiliations.length) ctx.addIssue({ code: "custom", path: ["affiliations"], message: "validation.affiliationsExpertOnly" });
    if (v.affiliations.length > 50) ctx.addIssue({ code: "custom", path: ["affiliations"], message: "validation.tooLong" });
  })
  // Only officers and experts carry an authority.
  .transform((v) => ({ ...v, authorityId: needsAuthority(v.role) ? v.authorityId : null }));

export type CreateAccountInput = z.output<typeof createAccountSchema>;

export const accountIdSchema = z.object({ id: z.string().trim().min(1).max(40) });

export const setDisabledSchema = accountIdSchema.extend({
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
    newPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
    confirmPassword: z.string().max(200, "validation.tooLong"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordMismatch" });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const ACCOUNT_STATUSES = ["active", "disabled", "locked"] as const;

export const accountListSchema = z.object({
  q: z.string().trim().max(64).optional().refine(noControlChars).catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
