import { z } from "zod";
import { optionalText, safeText } from "@/lib/validation/safe-text";
import { SchoolStatus } from "@/lib/kernel/enums";
import { schoolNameEnSchema, schoolNameZhSchema, tierSchema } from "@/lib/schools/schema";
import { approvalRequiredKey } from "@/lib/schools/tier-rules";

/**
 * Inputs of the dated changes of a school (status, tier, rename). One schema per input, shared by
 * the forms and the actions; messages are `validation.*` catalog keys. The rules that need the
 * school's current state (transition table, tier steps, dates) run in the mutation, on the row read.
 */
const id = z.string().trim().min(1, "validation.required").max(40);
const version = z.coerce.number().int().min(1);
const date = z
  .string()
  .trim()
  .min(1, "validation.required")
  .pipe(z.iso.date({ message: "validation.date" }));
const docNo = safeText(80).min(1, "validation.documentNoRequired");
/** An HTML checkbox: present ("on") means true. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const statusChangeSchema = z.object({
  schoolId: id,
  version,
  toStatus: z.enum(SchoolStatus, { message: "validation.choose" }),
  reasonCode: z.string().trim().min(1, "validation.choose").max(40),
  documentNo: docNo,
  effectiveDate: date,
  note: optionalText(500),
  successorId: optionalText(40),
  conversionNote: optionalText(100),
  confirmIrreversible: checkbox,
});
export type StatusChangeInput = z.output<typeof statusChangeSchema>;

export const tierChangeSchema = z
  .object({
    schoolId: id,
    version,
    toTier: tierSchema,
    // Required, with a message that names the approving body (the tier rules'), so checked below.
    approvalDocNo: optionalText(80),
    approvalDate: date,
    effectiveDate: date,
    override: checkbox,
    justification: optionalText(500),
  })
  // `when`: also when another field failed (a target tier not chosen), so that one submit names
  // every missing field — without it zod skips the check and the document number surfaced only
  // on a second submit (issue 13). Only for an object, though: a body that is not one (null, a
  // string) has already failed, and reading its fields would throw.
  .superRefine(
    (v, ctx) => {
      if (!v.approvalDocNo) ctx.addIssue({ code: "custom", path: ["approvalDocNo"], message: `validation.${approvalRequiredKey(v.toTier)}` });
    },
    { when: ({ value }) => typeof value === "object" && value !== null },
  );
export type TierChangeFormInput = z.output<typeof tierChangeSchema>;

export const renameSchema = z.object({
  schoolId: id,
  version,
  newNameZh: schoolNameZhSchema,
  newNameEn: schoolNameEnSchema,
  documentNo: docNo,
  effectiveDate: date,
  note: optionalText(500),
});
export type RenameInput = z.output<typeof renameSchema>;
