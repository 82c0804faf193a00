import { z } from "zod";
import { fieldMask } from "@/lib/kernel/field-mask";
import { PUBLIC_SUMMARY_FIELDS } from "@/lib/public/fields";
import {
  ChangeKind,
  DesignationKind,
  DesignationLevel,
  DesignationStatus,
  Ownership,
  SchoolMajorStatus,
  SchoolStatus,
  SchoolTier,
  SponsorType,
  StartingPoint,
  TrainingLevel,
} from "@/lib/kernel/enums";

/**
 * What each /api/v1 route answers, as zod schemas: the OpenAPI document's component schemas are
 * generated from them, and the contract tests validate real responses with them. The data layer's
 * types are these schemas' outputs (lib/public/types.ts, PublicDesignationRow, MajorCatalogue,
 * PublicChangeEntry), so the document cannot drift from what the routes return.
 */
/** The named schemas: they become the OpenAPI document's components (and $refs between them). */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const tier = z.enum(SchoolTier);
const status = z.enum(SchoolStatus);

export const authorityRefSchema = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }).register(apiSchemas, { id: "AuthorityRef" });
export const cityRefSchema = z.object({ code: z.string().regex(/^\d{6}$/), nameZh: z.string(), nameEn: z.string() }).register(apiSchemas, { id: "CityRef" });
export const schoolRefSchema = z
  .object({ id: z.string(), publicCode: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), status })
  .register(apiSchemas, { id: "SchoolRef" });

const designationBrief = {
  kind: z.enum(DesignationKind),
  level: z.enum(DesignationLevel),
  status: z.enum(DesignationStatus),
  startDate: date,
  endDate: date.nullable(),
};

/** A designation's own public facts (the record's list and the designations route add to them). */
const designationFacts = {
  ...designationBrief,
  id: z.string(),
  title: z.string().nullable(),
  batchLabel: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuer: z.string().nullable(),
};
/** The school a designation or change belongs to. */
const ownerSchool = z.object({ id: z.string(), publicCode: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), authorityId: z.string() });

const majorRef = z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() });
const page = { page: z.number().int().min(1), pageSize: z.number().int().min(1).max(100), total: z.number().int().min(0) };

/** The full public record of one school (the school page and GET /api/v1/schools/{id}). */
export const schoolSchema = z
  .object({
    id: z.string(),
    publicCode: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    altNames: z.array(z.string()),
    formerNames: z.array(z.string()),
    tier,
    tierSince: date.nullable(),
    status,
    statusSince: date.nullable(),
    ownership: z.enum(Ownership),
    sponsorType: z.enum(SponsorType),
    sponsorName: z.string().nullable(),
    authority: authorityRefSchema,
    city: cityRefSchema.nullable(),
    address: z.string().nullable(),
    website: z.string().nullable(),
    uscc: z.string().nullable().describe("统一社会信用代码; illustrative (not real) when isDemo"),
    approvalDocNo: z.string().nullable(),
    approvalDate: date.nullable(),
    establishedDate: date.nullable(),
    majorsByLevel: z.array(
      z.object({
        level: z.enum(TrainingLevel),
        majors: z.array(
          z.object({
            majorId: z.string(),
            code: z.string(),
            nameZh: z.string(),
            nameEn: z.string(),
            categoryZh: z.string(),
            categoryEn: z.string(),
            level: z.enum(TrainingLevel),
            startingPoint: z.enum(StartingPoint),
            years: z.number().int(),
            status: z.enum(SchoolMajorStatus),
          }),
        ),
      }),
    ),
    designations: z.array(
      z.object({
        ...designationFacts,
        major: majorRef.nullable(),
        validNow: z.boolean().describe("Valid on the day the record describes (today, or the asOf date)"),
        isDemo: z.boolean(),
      }),
    ),
    predecessors: z.array(schoolRefSchema),
    successor: schoolRefSchema.nullable(),
    changes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(ChangeKind),
        effectiveDate: date,
        documentNo: z.string().nullable(),
        fromName: z.string().nullable(),
        toName: z.string().nullable(),
        fromTier: tier.nullable(),
        toTier: tier.nullable(),
        fromStatus: status.nullable(),
        toStatus: status.nullable(),
        relatedSchool: schoolRefSchema.nullable(),
      }),
    ),
    lastConfirmedAt: instant.nullable(),
    notConfirmedOnTime: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe(
        "The year of the ended annual confirmation in which the record was not confirmed (未按期核验); null when it was or none has ended. Only in the school detail",
      )
      .meta({ "x-since": "1.1" }),
    registeredAt: instant.describe("When the record was first registered here"),
    updatedAt: instant,
    isDemo: z.boolean().describe("Demonstration data: names are real, codes and figures illustrative"),
    asOf: date.nullable().describe("Set when the record was rebuilt as it stood at the end of this day (Asia/Shanghai)"),
  })
  .register(apiSchemas, { id: "School" });

/** One row of the search results: a part of the record, with the designations valid today. */
/** One row of the search results: a summary of the record, with the designations valid today. */
export const schoolSummarySchema = schoolSchema
  .pick({ ...fieldMask(PUBLIC_SUMMARY_FIELDS), authority: true, city: true })
  .extend({ designations: z.array(z.object(designationBrief)).describe("Designations valid today (status ACTIVE/ACCEPTED, started, not ended)") })
  .register(apiSchemas, { id: "SchoolSummary" });

export const schoolListSchema = z.object({ data: z.array(schoolSummarySchema), ...page }).register(apiSchemas, { id: "SchoolList" });

const editionSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  publishedOn: date.nullable(),
  isCurrent: z.boolean(),
  isDemo: z.boolean(),
});

export const majorCatalogueSchema = z
  .object({
    edition: editionSchema.nullable(),
    editions: z.array(editionSchema),
    categories: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), majors: z.array(majorRef) })),
  })
  .register(apiSchemas, { id: "MajorCatalogue" });

export const designationSchema = z
  .object({
    ...designationFacts,
    school: ownerSchool,
    major: majorRef.nullable(),
    isDemo: z.boolean(),
  })
  .register(apiSchemas, { id: "Designation" });

export const designationListSchema = z.object({ data: z.array(designationSchema), ...page }).register(apiSchemas, { id: "DesignationList" });

export const changeSchema = z
  .object({
    id: z.string(),
    at: instant,
    type: z.string().describe('Audit action ("school.update", "school.tier", …) or "change.<KIND>" for an official dated change'),
    entityType: z.enum(["School", "SchoolMajor", "Designation", "SchoolChange"]),
    entityId: z.string(),
    school: ownerSchool,
    fields: z.array(z.object({ name: z.string(), before: z.unknown(), after: z.unknown() })).describe("Public fields only"),
    change: z
      .object({
        kind: z.string(),
        effectiveDate: date,
        documentNo: z.string().nullable(),
        fromName: z.string().nullable(),
        toName: z.string().nullable(),
        fromTier: z.string().nullable(),
        toTier: z.string().nullable(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        relatedSchoolId: z.string().nullable(),
      })
      .nullable(),
  })
  .register(apiSchemas, { id: "Change" });

export const changeListSchema = z.object({ data: z.array(changeSchema), ...page }).register(apiSchemas, { id: "ChangeList" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(["VALIDATION", "INVALID_API_KEY", "NOT_FOUND", "RATE_LIMITED", "DB_UNAVAILABLE", "INTERNAL"]),
      message: z.string(),
      parameters: z.array(z.object({ name: z.string(), key: z.string(), message: z.string() })).optional(),
      retryAfter: z.number().int().optional(),
    }),
  })
  .register(apiSchemas, { id: "Error" });

const changeCounts = z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() });

export const releaseSchema = z
  .object({
    slug: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{1,3}$/),
    releaseDate: date,
    sequence: z.number().int().min(1),
    schemaVersion: z.string(),
    generatedAt: instant,
    counts: z.record(z.string(), z.number().int()).describe("Records per dataset"),
    changeSummary: z.record(z.string(), changeCounts).describe("Records added, changed and removed since the previous release, per dataset"),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/), url: z.string() })),
  })
  .register(apiSchemas, { id: "Release" });

export const releaseListSchema = z.object({ data: z.array(releaseSchema) }).register(apiSchemas, { id: "ReleaseList" });

/** changedSince / cursor: where to continue, and whether the next call has more at once. */
export const changePage = {
  nextCursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .describe("Opaque (base64url): pass as cursor= to continue")
    .meta({ "x-since": "1.1" }),
  hasMore: z.boolean().describe("True when the next call returns more at once; false when polling can wait").meta({ "x-since": "1.1" }),
};

/** A school that left the register (revoked, merged, converted, terminated) or no longer exists. */
export const schoolTombstoneSchema = z
  .object({
    id: z.string(),
    publicCode: z.string().nullable(),
    status: status.nullable().describe("The end status; null when the record no longer exists"),
    statusSince: date.nullable(),
    successor: z
      .object({ id: z.string(), publicCode: z.string() })
      .nullable()
      .describe("The school it was merged into (or converted to)")
      .meta({ "x-since": "1.1" }),
  })
  .register(apiSchemas, { id: "SchoolTombstone" });

export const schoolChangesSchema = z
  .object({
    data: z.array(schoolSummarySchema).describe("Schools on the register changed since, as they are now"),
    removed: z.array(schoolTombstoneSchema).describe("Schools that left the register").meta({ "x-since": "1.1" }),
    ...changePage,
  })
  .register(apiSchemas, { id: "SchoolChanges" });

export const designationTombstoneSchema = z
  .object({
    id: z.string(),
    status: z.enum(DesignationStatus).nullable().describe("REVOKED; null when the record no longer exists"),
    endDate: date.nullable(),
  })
  .register(apiSchemas, { id: "DesignationTombstone" });

export const designationChangesSchema = z
  .object({
    data: z.array(designationSchema).describe("Designations changed since, as they are now"),
    removed: z.array(designationTombstoneSchema).describe("Revoked or deleted designations").meta({ "x-since": "1.1" }),
    ...changePage,
  })
  .register(apiSchemas, { id: "DesignationChanges" });
