import { z } from "zod";
import { isCalendarDate } from "@/lib/kernel/dates";
import { publicSchoolSearchSchema } from "@/lib/public/search-schema";
import { authorityParam, pageParam, pageSizeParam, param } from "@/lib/validation/query-params";
import { changeParams, dateTimeParam, formatParam, schoolRefParam } from "./params";
import { DesignationKind, DesignationLevel, DesignationStatus } from "@/lib/kernel/enums";

/**
 * The query parameters of each /api/v1 route: parsed strictly by the routes and turned into the
 * OpenAPI document's parameters (lib/opendata/openapi.ts) — one source for both.
 */

/** GET /api/v1/schools: the public search's filters (one schema with the search page), plus format. */
export const schoolsQuerySchema = publicSchoolSearchSchema.extend({ format: formatParam, ...changeParams });

/** GET /api/v1/schools/{id}: the record now, or as it stood at the end of a past day. */
export const schoolQuerySchema = z.object({
  asOf: param(
    z
      .string()
      .refine(isCalendarDate, "validation.date")
      .refine((d) => d >= "1900-01-01", "validation.date")
      .optional(),
  ).describe(
    "YYYY-MM-DD: the public record as it stood at the end of that day (Asia/Shanghai), rebuilt from the audit trail; today or later gives the current record",
  ),
});

export const majorsQuerySchema = z.object({
  edition: param(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,40}$/, "validation.invalidValue")
      .optional(),
  ).describe("Catalogue edition code (default: the current edition; an unknown code is refused)"),
  format: formatParam,
  pageSize: pageSizeParam.describe("With changedSince / cursor: offered majors per answer, 1–100").meta({ "x-since": "1.1" }),
  ...changeParams,
});

export const designationsQuerySchema = z.object({
  kind: param(z.enum(DesignationKind).optional()),
  level: param(z.enum(DesignationLevel).optional()),
  status: param(z.enum(DesignationStatus).optional()),
  authority: authorityParam,
  school: schoolRefParam,
  page: pageParam,
  pageSize: pageSizeParam,
  format: formatParam,
  ...changeParams,
});

export const changesQuerySchema = z.object({
  since: param(dateTimeParam).describe("Required. Changes recorded at or after this instant: ISO 8601 date-time with a zone, e.g. 2026-01-01T00:00:00+08:00"),
  authority: authorityParam,
  school: schoolRefParam,
  page: pageParam,
  pageSize: pageSizeParam,
  format: formatParam,
});

export const releasesQuerySchema = z.object({});

export type SchoolsQuery = z.output<typeof schoolsQuerySchema>;
export type DesignationsQuery = z.output<typeof designationsQuerySchema>;
export type ChangesQuery = z.output<typeof changesQuerySchema>;
