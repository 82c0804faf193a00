import { DesignationKind, SchoolStatus, SchoolTier, TIERS, type SelectionKind } from "@/lib/kernel/enums";

/**
 * The programme the batches count toward: 《技工教育"十四五"规划》 (人社部发〔2021〕86号) —
 * "在全国遴选300所左右优质技工院校、500个左右优质专业". These are the programme's defaults;
 * each batch carries its own target, indicators, weights and quotas as data.
 */
export const PROGRAMME_TARGETS: Record<SelectionKind, number> = { SCHOOL: 300, MAJOR: 500 };

/** Default eligibility of a new batch: operating schools; 技师学院 first for schools. */
export const DEFAULT_ELIGIBLE_TIERS: Record<SelectionKind, SchoolTier[]> = {
  SCHOOL: [SchoolTier.TECHNICIAN_COLLEGE],
  MAJOR: [...TIERS],
};
export const DEFAULT_ELIGIBLE_STATUSES: SchoolStatus[] = [SchoolStatus.OPERATING];

/** Ranking tie-break: 技师学院 first, as the plan says (TIERS lists the highest tier first). */
export const TIER_PRIORITY = Object.fromEntries(TIERS.map((tier, i) => [tier, i])) as Record<SchoolTier, number>;

/**
 * A starting indicator set for a new batch, to be edited before the batch opens. The national
 * indicators are not published: these are illustrative, not the ministry's.
 */
export const STARTER_INDICATORS = [
  { code: "A1", nameZh: "办学条件与规模", nameEn: "Facilities and scale", weight: 20, maxScore: 10 },
  { code: "A2", nameZh: "师资队伍", nameEn: "Teaching staff", weight: 20, maxScore: 10 },
  { code: "A3", nameZh: "校企合作与一体化教学", nameEn: "School–enterprise cooperation", weight: 20, maxScore: 10 },
  { code: "A4", nameZh: "培养质量与就业", nameEn: "Training quality and employment", weight: 25, maxScore: 10 },
  { code: "A5", nameZh: "社会培训与服务", nameEn: "Social training and service", weight: 15, maxScore: 10 },
] as const;

export type DesignationKindOf = typeof DesignationKind.QUALITY_SCHOOL | typeof DesignationKind.QUALITY_MAJOR;
export const designationKindFor = (kind: SelectionKind): DesignationKindOf =>
  kind === "SCHOOL" ? DesignationKind.QUALITY_SCHOOL : DesignationKind.QUALITY_MAJOR;
