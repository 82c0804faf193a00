import type { SchoolMajorStatus, SchoolTier, TrainingLevel } from "@/lib/kernel/enums";
import type { Issue } from "@/lib/validation/issues";

/**
 * Rules for the majors a school offers (shared/domain.md §1, §4). Pure: used by the form,
 * the mutation, the import and the unit tests.
 */

/** 备案 → 招生 ↔ 停招 → 撤销; a filed major that never opened may be withdrawn; 撤销 is terminal. */
export const MAJOR_STATUS_TRANSITIONS: Readonly<Record<SchoolMajorStatus, readonly SchoolMajorStatus[]>> = {
  FILED: ["ENROLLING", "WITHDRAWN"],
  ENROLLING: ["SUSPENDED"],
  SUSPENDED: ["ENROLLING", "WITHDRAWN"],
  WITHDRAWN: [],
};

export function canChangeMajorStatus(from: SchoolMajorStatus, to: SchoolMajorStatus): boolean {
  return MAJOR_STATUS_TRANSITIONS[from].includes(to);
}

export function majorStatusTargets(from: SchoolMajorStatus): SchoolMajorStatus[] {
  return [...MAJOR_STATUS_TRANSITIONS[from]];
}

export const MIN_YEARS = 1;
export const MAX_YEARS = 6;

/**
 * Levels a tier normally trains at. Outside them the officer gets a warning to confirm, never a
 * refusal: the rule is unverified (domain.md: "make it a validation warning").
 */
export const LEVELS_BY_TIER: Readonly<Record<SchoolTier, readonly TrainingLevel[]>> = {
  TECHNICIAN_COLLEGE: ["INTERMEDIATE", "ADVANCED", "PRE_TECHNICIAN"],
  SENIOR_TECHNICAL_SCHOOL: ["INTERMEDIATE", "ADVANCED"],
  TECHNICAL_SCHOOL: ["INTERMEDIATE"],
};

/** Warnings (keys in the `validation` catalog) for a level that does not fit the school's tier. */
export function levelWarnings(tier: SchoolTier, level: TrainingLevel): (Issue & { field: string })[] {
  if (LEVELS_BY_TIER[tier].includes(level)) return [];
  if (level === "PRE_TECHNICIAN") return [{ field: "level", key: "levelPreTechnicianOutsideCollege" }];
  return [{ field: "level", key: "levelAboveTier" }];
}
