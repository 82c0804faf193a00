import { z } from "zod";

/**
 * An account's e-mail address (optional; where notifications are mailed, docs/decisions/0069):
 * trimmed and lower-cased before it is checked, so one address is stored one way; one plain
 * address (no display name, no second address, nothing that could become a mail header); blank
 * means none (null), so an emptied field removes the address.
 */
export const EMAIL_MAX = 254;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, "validation.tooLong")
  .refine((v) => v === "" || z.email().safeParse(v).success, "validation.emailFormat")
  .optional()
  .transform((v) => v || null);

/** The caller's own address (/console/account). */
export const ownEmailSchema = z.object({ email: emailSchema });

/** Another account's address (the system administrator, /console/accounts/<id>). */
export const accountEmailSchema = z.object({ id: z.string().trim().min(1).max(40), email: emailSchema });

export type AccountEmailInput = z.output<typeof accountEmailSchema>;
