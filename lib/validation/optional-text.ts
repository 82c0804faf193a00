import { z } from "zod";

/**
 * An optional text field of a form, an import cell or an API body: trimmed, at most `max`
 * characters, and blank means "none" (null), so an emptied field clears the stored value.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => (v === "" ? null : v))
    .nullish();
