import { z } from "zod";
import { nameText, optionalText, safeText } from "@/lib/validation/safe-text";
import { usccProblem, normaliseUscc } from "./uscc";
import { Ownership, SchoolTier, SponsorType } from "@/lib/kernel/enums";

/**
 * The one schema for a school's registrable fields: used by the form, the server action,
 * the Excel/CSV import and the HTTP API. Messages are `validation.*` catalog keys.
 */
/**
 * A school's name in Chinese (registration, rename): 4–60 characters after THE name normalisation
 * (NFKC: "佛山汽车技⼯学校" with the Kangxi radical ⼯ is "佛山汽车技工学校", so the uniqueness check
 * and the search see one name), nothing invisible in it.
 */
export const schoolNameZhSchema = nameText(4, 60, "validation.nameTooShort");
/** The English name (optional), normalised the same way (full-width letters are ASCII). */
export const schoolNameEnSchema = nameText(0, 160)
  .transform((v) => (v === "" ? null : v))
  .nullish();

// A blank form field or spreadsheet cell means "unknown", never 0 (z.coerce.number("") is 0).
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const optionalCount = z.preprocess(
  blankToNull,
  z.coerce
    .number({ message: "validation.notANumber" })
    .int("validation.notAnInteger")
    .min(0, "validation.negative")
    .max(100_000_000, "validation.tooBig")
    .nullish(),
);

const optionalDate = z
  .union([z.literal(""), z.iso.date({ message: "validation.date" })])
  .transform((v) => (v === "" ? null : v))
  .nullish();

export const usccSchema = z
  .string()
  .transform(normaliseUscc)
  .superRefine((code, ctx) => {
    const p = usccProblem(code);
    if (!p) return;
    if (p.kind === "length") ctx.addIssue({ code: "custom", message: "validation.usccLength", params: { length: p.length } });
    if (p.kind === "forbidden") ctx.addIssue({ code: "custom", message: "validation.usccForbidden", params: { char: p.char, position: p.position } });
    if (p.kind === "invalidChar") ctx.addIssue({ code: "custom", message: "validation.usccInvalidChar", params: { char: p.char, position: p.position } });
    if (p.kind === "checkDigit") ctx.addIssue({ code: "custom", message: "validation.usccCheckDigit", params: { expected: p.expected, actual: p.actual } });
  });

export const tierSchema = z.enum(SchoolTier, { message: "validation.choose" });
export const ownershipSchema = z.enum(Ownership, { message: "validation.choose" });
export const sponsorTypeSchema = z.enum(SponsorType, {
  message: "validation.choose",
});

export const schoolFieldsSchema = z.object({
  nameZh: schoolNameZhSchema,
  nameEn: schoolNameEnSchema,
  altNames: z.array(nameText(1, 60)).max(10).default([]),
  tier: tierSchema,
  ownership: ownershipSchema,
  sponsorType: sponsorTypeSchema,
  sponsorName: optionalText(100),
  authorityId: z.string().trim().min(1, "validation.required").max(40),
  divisionCode: z
    .union([z.literal(""), z.string().regex(/^\d{6}$/, "validation.divisionCode")])
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  address: optionalText(200),
  website: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, message: "validation.url" }).max(200, "validation.tooLong")])
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  uscc: z.union([z.literal("").transform(() => null), usccSchema]).nullish(),
  approvalDocNo: optionalText(80),
  approvalDate: optionalDate,
  establishedDate: optionalDate,
  figuresYear: z.preprocess(
    blankToNull,
    z.coerce.number({ message: "validation.notANumber" }).int("validation.year").min(1950, "validation.year").max(2100, "validation.year").nullish(),
  ),
  fullTimeStudents: optionalCount,
  trainingPersonTimes: optionalCount,
  campusArea: optionalCount,
  buildingArea: optionalCount,
  equipmentValue: optionalCount,
  teachers: optionalCount,
  majorCount: optionalCount,
  contactName: optionalText(40),
  contactPhone: z
    .union([z.literal(""), safeText(30).regex(/^[0-9+\-\s()]{5,30}$/, "validation.phone")])
    .transform((v) => (v === "" ? null : v))
    .nullish(),
});

export type SchoolFields = z.output<typeof schoolFieldsSchema>;
export type SchoolFieldsInput = z.input<typeof schoolFieldsSchema>;

/** Creating a school: the registrable fields plus its starting status. */
export const createSchoolSchema = schoolFieldsSchema.extend({
  status: z.enum(["PREPARING", "OPERATING"], { message: "validation.choose" }).default("OPERATING"),
});

/** Editing: the fields plus the version the editor read (optimistic locking). */
export const updateSchoolSchema = schoolFieldsSchema.extend({
  id: z.string().min(1).max(40),
  version: z.coerce.number().int().min(1),
});
