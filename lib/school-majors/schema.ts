import { z } from "zod";
import { checkbox } from "@/lib/school-changes/schema";
import { optionalText } from "@/lib/validation/safe-text";
import { MAX_YEARS, MIN_YEARS } from "./rules";
import { SchoolMajorStatus, StartingPoint, TrainingLevel } from "@/lib/kernel/enums";

/** Inputs of the majors a school offers; messages are `validation.*` catalog keys. */
const id = z.string().trim().min(1, "validation.required").max(40);

export const levelSchema = z.enum(TrainingLevel, { message: "validation.choose" });
export const startingPointSchema = z.enum(StartingPoint, { message: "validation.choose" });
export const schoolMajorStatusSchema = z.enum(SchoolMajorStatus, { message: "validation.choose" });

export const addSchoolMajorSchema = z.object({
  schoolId: id,
  majorId: z.string().trim().min(1, "validation.choose").max(40),
  level: levelSchema,
  startingPoint: startingPointSchema,
  years: z.coerce
    .number({ message: "validation.notANumber" })
    .int("validation.notAnInteger")
    .min(MIN_YEARS, "validation.tooSmall")
    .max(MAX_YEARS, "validation.tooBig"),
  /** Set on the second submit, after the officer has read the level warning. */
  confirmWarnings: checkbox,
});
export type AddSchoolMajorInput = z.output<typeof addSchoolMajorSchema>;

export const changeSchoolMajorStatusSchema = z.object({
  schoolMajorId: id,
  /** The status the officer saw: a change made meanwhile by someone else is refused as stale. */
  fromStatus: schoolMajorStatusSchema,
  toStatus: schoolMajorStatusSchema,
  note: optionalText(500),
});
export type ChangeSchoolMajorStatusInput = z.output<typeof changeSchoolMajorStatusSchema>;
