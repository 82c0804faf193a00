import { z } from "zod";
import { createSchoolSchema, schoolFieldsSchema } from "./schema";

/**
 * The console forms' inputs, built from the one school schema (lib/schools/schema.ts).
 * Other names come from a textarea (one per line, or separated by commas), so they are split here.
 * The edit form leaves out what changes only through a dated change (name → rename,
 * tier → tier change, status → status change) and the authority (a school never moves).
 */
const splitNames = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/[\n,，、;；]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

const altNames = z.preprocess(splitNames, schoolFieldsSchema.shape.altNames);

export const createSchoolFormSchema = createSchoolSchema.extend({ altNames });

export const editSchoolFormSchema = schoolFieldsSchema.omit({ nameZh: true, tier: true, authorityId: true }).extend({
  altNames,
  id: z.string().min(1).max(40),
  version: z.coerce.number().int().min(1),
  /** The public error report this edit corrects (lib/error-reports): accepted with the edit, named in its history. */
  errorReportId: z
    .string()
    .max(40)
    .transform((v) => v || undefined)
    .optional(),
});

export const confirmSchoolSchema = z.object({
  id: z.string().min(1).max(40),
  version: z.coerce.number().int().min(1),
});

export type CreateSchoolInput = z.output<typeof createSchoolFormSchema>;
export type EditSchoolInput = z.output<typeof editSchoolFormSchema>;

/**
 * The registration's particulars: where to find the school and the documents it stands on. The
 * edit form changes them, the public record shows them, and its completeness counts them.
 */
export const SCHOOL_PARTICULARS = ["address", "website", "uscc", "approvalDocNo", "approvalDate", "establishedDate"] as const;

/** Fields the edit form may change, in display order (also the order of diffs). */
export const EDITABLE_FIELDS = [
  "nameEn",
  "altNames",
  "ownership",
  "sponsorType",
  "sponsorName",
  "divisionCode",
  ...SCHOOL_PARTICULARS,
  "figuresYear",
  "fullTimeStudents",
  "trainingPersonTimes",
  "campusArea",
  "buildingArea",
  "equipmentValue",
  "teachers",
  "majorCount",
  "contactName",
  "contactPhone",
] as const satisfies readonly (keyof EditSchoolInput)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Registrable fields recorded in full by "school.create" (the as-of view rebuilds from them). */
export const REGISTRABLE_FIELDS = ["publicCode", "nameZh", "authorityId", "tier", "tierSince", "status", "statusSince", ...EDITABLE_FIELDS] as const;

/** Columns of type date (@db.Date): written to the audit log as "YYYY-MM-DD". */
export const DATE_FIELDS = new Set<string>(["tierSince", "statusSince", "approvalDate", "establishedDate"]);
