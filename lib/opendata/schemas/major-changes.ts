import { z } from "zod";
import { SchoolMajorStatus, StartingPoint, TrainingLevel } from "@/lib/kernel/enums";
import { apiSchemas, changePage } from "./response";

/**
 * changedSince / cursor on /api/v1/majors (decision 0081): the catalogue itself changes by edition,
 * so what a poll names are the majors schools offer (SchoolMajor records), as they are now, and
 * the ones withdrawn or deleted as tombstones. A school that left the register comes as a
 * tombstone on /api/v1/schools; its offered majors are the client's to drop with it.
 */
export const schoolMajorSchema = z
  .object({
    id: z.string().describe("The school's offering of a major (one per major, level and starting point)"),
    schoolId: z.string(),
    majorId: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.enum(TrainingLevel),
    startingPoint: z.enum(StartingPoint),
    years: z.number().int(),
    status: z.enum(SchoolMajorStatus),
  })
  .meta({ "x-since": "1.1" })
  .register(apiSchemas, { id: "SchoolMajor" });

export const schoolMajorTombstoneSchema = z
  .object({
    id: z.string(),
    schoolId: z.string().nullable().describe("null when the record no longer exists"),
    status: z.enum(SchoolMajorStatus).nullable().describe("WITHDRAWN; null when the record no longer exists"),
  })
  .meta({ "x-since": "1.1" })
  .register(apiSchemas, { id: "SchoolMajorTombstone" });

export const majorChangesSchema = z
  .object({
    data: z.array(schoolMajorSchema).describe("Majors offered by schools changed since, as they are now"),
    removed: z.array(schoolMajorTombstoneSchema).describe("Offered majors withdrawn or deleted").meta({ "x-since": "1.1" }),
    ...changePage,
  })
  .register(apiSchemas, { id: "MajorChanges" });
