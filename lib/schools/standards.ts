import type { SchoolTier } from "@/lib/kernel/enums";
import type { Issue } from "@/lib/validation/issues";

/**
 * Setting standards (人社部发〔2012〕8号 and provincial practice; shared/domain.md §1) as data.
 * They are trial standards and provinces add stricter ones, so they only ever produce warnings.
 */
export type Figures = {
  fullTimeStudents?: number | null;
  trainingPersonTimes?: number | null;
  campusArea?: number | null;
  buildingArea?: number | null;
  equipmentValue?: number | null;
  teachers?: number | null;
  majorCount?: number | null;
};

type Threshold = { field: keyof Figures; min: number };

export const SETTING_STANDARDS: Record<SchoolTier, Threshold[]> = {
  TECHNICIAN_COLLEGE: [
    { field: "fullTimeStudents", min: 3000 },
    { field: "trainingPersonTimes", min: 2000 },
  ],
  SENIOR_TECHNICAL_SCHOOL: [{ field: "campusArea", min: 66_000 }],
  TECHNICAL_SCHOOL: [
    { field: "fullTimeStudents", min: 800 },
    { field: "trainingPersonTimes", min: 800 },
    { field: "majorCount", min: 3 },
    { field: "campusArea", min: 30_000 },
    { field: "buildingArea", min: 18_000 },
    { field: "equipmentValue", min: 300 },
  ],
};

/** Warnings (never errors) for annual figures below the tier's setting standard. */
export function settingStandardWarnings(tier: SchoolTier, figures: Figures): (Issue & { field: string })[] {
  const out: (Issue & { field: string })[] = [];
  for (const { field, min } of SETTING_STANDARDS[tier]) {
    const v = figures[field];
    if (v !== null && v !== undefined && v < min) {
      out.push({ field, key: "belowStandard", params: { value: v, min } });
    }
  }
  const { fullTimeStudents: students, buildingArea } = figures;
  if (tier === "TECHNICAL_SCHOOL" && students && buildingArea && buildingArea / students < 20) {
    out.push({ field: "buildingArea", key: "belowAreaPerStudent", params: { value: Math.round(buildingArea / students), min: 20 } });
  }
  return out;
}

/**
 * The figures the tier's setting standards look at that are not reported. "No figure below the
 * standard" is only true of figures a school reported; the page says which ones it could not check.
 */
export function unreportedStandardFields(tier: SchoolTier, figures: Figures): (keyof Figures)[] {
  return [...new Set(SETTING_STANDARDS[tier].map((threshold) => threshold.field))].filter((field) => figures[field] === null || figures[field] === undefined);
}
