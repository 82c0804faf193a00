import { z } from "zod";
import { SCHOOL_PARTICULARS } from "@/lib/schools/form-schema";
import { optionalText, requiredText } from "@/lib/validation/safe-text";
import { isPublicCodeShape, normalisePublicCode } from "@/lib/schools/public-code";

/**
 * Public error reports (纠错, docs/decisions/0063). The fields a reporter may name: the school's
 * public fields (lib/public/fields.ts) that the edit form corrects. The name, tier and status change
 * only by a dated change backed by an approval document, which a report cannot supply.
 */
export const REPORTABLE_FIELDS = ["nameEn", "altNames", "ownership", "sponsorType", "sponsorName", "divisionCode", ...SCHOOL_PARTICULARS] as const;
export type ReportableField = (typeof REPORTABLE_FIELDS)[number];

const id = z.string().trim().min(1, "validation.required").max(40);

export const fileErrorReportSchema = z.object({
  schoolId: id,
  field: z.enum(REPORTABLE_FIELDS, { message: "validation.choose" }),
  problem: requiredText(1000),
  proposed: requiredText(500),
  contact: optionalText(100),
});

export const declineErrorReportSchema = z.object({
  reportId: id,
  reason: requiredText(1000),
});

/** A typed code (the public code's shape, ./code.ts), made comparable; anything not shaped like a code is refused before a lookup. */
export const reportCodeSchema = z.string().max(40).transform(normalisePublicCode).refine(isPublicCodeShape, { message: "errorReports.status.badCode" });

export type FileErrorReportInput = z.output<typeof fileErrorReportSchema>;
