import { z } from "zod";
import { parseShanghaiDateTime } from "@/lib/kernel/dates";
import { SchoolStatus, SchoolTier, SelectionKind } from "@/lib/kernel/enums";
import { cleanText, requiredText, safeText } from "@/lib/validation/safe-text";

/**
 * One zod schema per selection step, shared by forms and server actions. Messages are
 * `validation.*` catalog keys.
 */
const id = z.string().trim().min(1, "validation.required").max(40);
const int = (min: number, max: number) => z.coerce.number({ message: "validation.notANumber" }).int("validation.notAnInteger").min(min).max(max);
const num = (min: number, max: number) => z.coerce.number({ message: "validation.notANumber" }).min(min).max(max);
const asArray = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(s));

/** A China-time datetime-local value, as a Date. */
export const shanghaiDateTime = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const d = parseShanghaiDateTime(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "validation.dateTime" });
      return z.NEVER;
    }
    return d;
  });
const dateOnly = z.iso.date({ message: "validation.date" });

export const batchSettingsSchema = z
  .object({
    year: int(2020, 2100),
    nameZh: requiredText(60),
    nameEn: safeText(120)
      .transform((v) => v || null)
      .nullish(),
    kind: z.enum(SelectionKind, { message: "validation.choose" }),
    targetCount: int(1, 2000),
    eligibleTiers: asArray(z.enum(SchoolTier)).refine((a) => a.length > 0, "validation.choose"),
    eligibleStatuses: asArray(z.enum(SchoolStatus)).refine((a) => a.length > 0, "validation.choose"),
    defaultQuota: int(0, 500),
    windowOpensAt: shanghaiDateTime,
    windowClosesAt: shanghaiDateTime,
    noticeDays: int(0, 30),
    /** Optional: when the experts' reviews are due. */
    reviewClosesAt: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), shanghaiDateTime.optional()).transform((v) => v ?? null),
    minExperts: int(1, 9),
    spreadThreshold: num(0, 100),
  })
  .refine((b) => b.windowClosesAt > b.windowOpensAt, { path: ["windowClosesAt"], message: "validation.windowOrder" })
  .refine((b) => !b.reviewClosesAt || b.reviewClosesAt > b.windowClosesAt, { path: ["reviewClosesAt"], message: "validation.reviewAfterWindow" });
export type BatchSettings = z.output<typeof batchSettingsSchema>;

export const updateBatchSchema = batchSettingsSchema.safeExtend({ batchId: id });

export const indicatorSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,20}$/, "validation.indicatorCode"),
  nameZh: requiredText(60),
  nameEn: requiredText(120),
  weight: num(0.01, 100),
  maxScore: num(1, 1000),
});

export const saveIndicatorsSchema = z
  .object({ batchId: id, indicators: z.array(indicatorSchema).min(1, "validation.required").max(20) })
  .superRefine((v, ctx) => {
    const sum = Math.round(v.indicators.reduce((s, i) => s + i.weight, 0) * 100) / 100;
    if (Math.abs(sum - 100) > 0.001) ctx.addIssue({ code: "custom", path: ["indicators"], message: "validation.weightsSum", params: { sum } });
    const codes = v.indicators.map((i) => i.code.toUpperCase());
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: "validation.duplicateCode" });
    });
  });

export const saveQuotasSchema = z.object({
  batchId: id,
  defaultQuota: int(0, 500),
  quotas: z.array(z.object({ authorityId: id, quota: int(0, 500) })).max(40),
});

export const batchStepSchema = z.object({ batchId: id });

export const createApplicationSchema = z.object({
  batchId: id,
  schoolId: id,
  schoolMajorId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
});

export const saveApplicationSchema = z.object({
  applicationId: id,
  version: int(1, 1_000_000),
  selfAssessment: z.record(z.string().max(20), z.object({ score: num(0, 1000).nullable(), note: safeText(500) })),
  evidenceText: safeText(5000).transform((v) => v || null),
  evidenceLinks: asArray(z.string().trim())
    .transform((a) => a.filter(Boolean))
    .pipe(
      z
        .array(
          z
            .url({ protocol: /^https?$/, message: "validation.url" })
            .max(300, "validation.tooLong")
            .superRefine(cleanText()),
        )
        .max(20),
    ),
});

export const applicationStepSchema = z.object({ applicationId: id, version: int(1, 1_000_000) });

export const recommendationsSchema = z.object({ batchId: id, ordered: z.array(id).max(500) });

export const assignExpertSchema = z.object({ applicationId: id, expertId: id });
export const withdrawAssignmentSchema = z.object({ assignmentId: id });

export const reviewSchema = z.object({
  assignmentId: id,
  // Any number here: the range (0…the indicator's maximum) is scoring.ts's rule, checked in the
  // mutation with the indicators at hand, so -1 and 11 get the same message and mark the field.
  scores: z.record(z.string().max(40), z.coerce.number({ message: "validation.notANumber" }).nullable()),
  internalComment: safeText(2000).transform((v) => v || null),
  applicantFeedback: safeText(2000).transform((v) => v || null),
  submit: z.boolean().default(false),
});

export const affiliationSchema = z.object({ schoolId: id, note: safeText(200).transform((v) => v || null) });

export const cutLineSchema = z.object({ batchId: id, cutLine: num(0, 100) });
export const decisionSchema = z.object({ applicationId: id, selected: z.boolean(), reason: requiredText(500) });
export const decideByCutLineSchema = z.object({ batchId: id });

export const publishNoticeSchema = z.object({ batchId: id, noticeEndsAt: shanghaiDateTime });

export const objectionSchema = z.object({
  applicationId: id,
  name: requiredText(40),
  contact: requiredText(80),
  text: safeText(2000).min(10, "validation.objectionTooShort"),
});

export const resolveObjectionSchema = z.object({
  objectionId: id,
  outcome: z.enum(["UPHELD", "DISMISSED"], { message: "validation.choose" }),
  resolution: requiredText(1000),
});

export const announceSchema = z
  .object({ batchId: id, documentNo: requiredText(80), startDate: dateOnly, endDate: dateOnly })
  .refine((v) => v.endDate > v.startDate, { path: ["endDate"], message: "validation.endAfterStart" });

export const designationStepSchema = z.object({
  designationId: id,
  step: z.enum(["accept", "fail", "revoke"]),
  reason: requiredText(500),
});

export const removeAttachmentSchema = z.object({ attachmentId: id });
