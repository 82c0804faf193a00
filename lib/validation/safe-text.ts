import { z } from "zod";
import { normaliseName, textProblem, type TextKind } from "./text";

/**
 * The zod form of the text rule (./text.ts), for every free-text field of every schema: addresses,
 * sponsor names, contacts, notes, reasons, document numbers, objections, display names, evidence…
 * A refused character is one field issue in the reader's language (validation.controlCharacter /
 * brokenCharacter / invisibleCharacter), never a database error or text shown backwards.
 */
export const cleanText =
  (kind: TextKind = "text") =>
  (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: "custom", message: `validation.${problem}`, input: value });
  };

/** Free text: trimmed, at most `max` characters, nothing invisible or broken. "" stays "". */
export const safeText = (max: number) => z.string().trim().max(max, "validation.tooLong").superRefine(cleanText("text"));

/** Free text that must be given. */
export const requiredText = (max: number) => safeText(max).min(1, "validation.required");

/**
 * An optional text field of a form, an import cell or an API body: trimmed, at most `max`
 * characters, and blank means "none" (null), so an emptied field clears the stored value.
 */
export const optionalText = (max: number) =>
  safeText(max)
    .transform((v) => (v === "" ? null : v))
    .nullish();

/**
 * A name (school names in Chinese and English, other names, a rename): normalised by THE name rule
 * (NFKC, full-width brackets in Chinese; normaliseName) before it is measured, compared or stored,
 * so a look-alike written with Kangxi radicals or full-width letters is the same name.
 */
export const nameText = (min: number, max: number, tooShort = "validation.tooSmall") =>
  z.string().overwrite(normaliseName).trim().min(min, tooShort).max(max, "validation.tooLong").superRefine(cleanText("name"));
