import type { SchoolTier } from "../../lib/kernel/enums";
import { chance, int, type Random } from "./random";

/**
 * Illustrative annual figures by tier, around the setting standards (lib/schools/standards.ts);
 * about one school in ten falls below one threshold, so the warnings have something to show.
 */
export const FIGURE_KEYS = ["fullTimeStudents", "trainingPersonTimes", "campusArea", "buildingArea", "equipmentValue", "teachers"] as const;
export type FigureSet = Record<(typeof FIGURE_KEYS)[number], number>;

/** The figure columns of a school without figures (one still preparing). */
export const NO_FIGURES = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Record<keyof FigureSet, null>;

const range = (r: Random, below: number, low: [number, number], normal: [number, number]) =>
  chance(r, below) ? int(r, low[0], low[1]) : int(r, normal[0], normal[1]);

export function figuresFor(r: Random, tier: SchoolTier): FigureSet {
  let students: number, training: number, campus: number, building: number, equipment: number;
  if (tier === "TECHNICIAN_COLLEGE") {
    students = range(r, 0.1, [2200, 2950], [3200, 12000]);
    training = range(r, 0.08, [1200, 1950], [2500, 25000]);
    campus = int(r, 120_000, 600_000);
    building = Math.round(campus * (0.35 + r() * 0.25));
    equipment = int(r, 3000, 30000);
  } else if (tier === "SENIOR_TECHNICAL_SCHOOL") {
    students = int(r, 1500, 6000);
    training = int(r, 1000, 10000);
    campus = range(r, 0.12, [45_000, 65_000], [70_000, 260_000]);
    building = Math.round(campus * (0.35 + r() * 0.25));
    equipment = int(r, 1000, 12000);
  } else {
    students = range(r, 0.1, [450, 790], [820, 3200]);
    training = range(r, 0.08, [300, 780], [850, 6000]);
    campus = range(r, 0.08, [20_000, 29_500], [32_000, 120_000]);
    const perStudent = chance(r, 0.08) ? 14 + r() * 5.5 : 21 + r() * 19;
    building = Math.max(Math.round(students * perStudent), chance(r, 0.05) ? 15_000 : 18_500);
    equipment = range(r, 0.06, [150, 290], [320, 3000]);
  }
  return {
    fullTimeStudents: students,
    trainingPersonTimes: training,
    campusArea: campus,
    buildingArea: building,
    equipmentValue: equipment,
    teachers: Math.round(students / (15 + r() * 7)),
  };
}
