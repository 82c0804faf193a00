import type { SchoolMajorStatus, SchoolTier, StartingPoint, TrainingLevel } from "../../lib/kernel/enums";
import { MAJORS, majorsOfCategory, type MajorSeed } from "./majors";
import { chance, int, shuffle, type Random } from "./random";

/** The majors a demo school offers: 3–12 rows, at levels its tier may teach. */
export type SchoolMajorSeed = {
  id: string;
  schoolId: string;
  majorId: string;
  level: TrainingLevel;
  startingPoint: StartingPoint;
  years: number;
  status: SchoolMajorStatus;
};

type Offer = { level: TrainingLevel; startingPoint: StartingPoint; years: number };

const I_J: Offer = { level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3 };
const A_J: Offer = { level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5 };
const A_S = (r: Random): Offer => ({ level: "ADVANCED", startingPoint: "SENIOR_SECONDARY", years: chance(r, 0.6) ? 3 : 2 });
const P_J: Offer = { level: "PRE_TECHNICIAN", startingPoint: "JUNIOR_SECONDARY", years: 6 };
const P_S: Offer = { level: "PRE_TECHNICIAN", startingPoint: "SENIOR_SECONDARY", years: 4 };

/** The levels one major is offered at: PRE_TECHNICIAN only at 技师学院, ADVANCED not at 技工学校. */
function offersFor(r: Random, tier: SchoolTier): Offer[] {
  if (tier === "TECHNICAL_SCHOOL") return [I_J];
  const out: Offer[] = [];
  if (tier === "SENIOR_TECHNICAL_SCHOOL" || chance(r, 0.4)) out.push(I_J);
  if (chance(r, 0.85)) out.push(A_J);
  if (chance(r, 0.3)) out.push(A_S(r));
  if (tier === "TECHNICIAN_COLLEGE") {
    if (chance(r, 0.3)) out.push(P_J);
    if (chance(r, 0.15)) out.push(P_S);
  }
  return out.length ? out : [tier === "TECHNICIAN_COLLEGE" ? A_J : I_J];
}

const ROWS: Record<SchoolTier, [number, number]> = {
  TECHNICIAN_COLLEGE: [7, 12],
  SENIOR_TECHNICAL_SCHOOL: [5, 10],
  TECHNICAL_SCHOOL: [3, 7],
};

/** Majors common to most schools, mixed in after the school's own field. */
const POPULAR = ["汽车维修", "计算机网络应用", "电子商务", "数控加工（数控车工）", "电气自动化设备安装与维修", "烹饪（中式烹调）"];

export function buildSchoolMajors(
  r: Random,
  school: { id: string; tier: SchoolTier; categories: string[]; closed: boolean; preparing: boolean },
): SchoolMajorSeed[] {
  const [min, max] = ROWS[school.tier];
  const target = int(r, min, max);
  const own = shuffle(r, majorsOfCategory(school.categories));
  const popular = shuffle(
    r,
    MAJORS.filter((m) => POPULAR.includes(m.nameZh)),
  );
  const others = shuffle(r, MAJORS);
  const order: MajorSeed[] = [];
  const seen = new Set<string>();
  // Mostly the school's own field, then popular majors, then anything.
  for (const m of [...own.slice(0, Math.ceil(target * 0.7)), ...popular, ...own, ...others]) {
    if (!seen.has(m.id)) {
      seen.add(m.id);
      order.push(m);
    }
  }
  const rows: SchoolMajorSeed[] = [];
  for (const major of order) {
    for (const o of offersFor(r, school.tier)) {
      if (rows.length >= target) break;
      rows.push({
        id: `${school.id}-m${String(rows.length + 1).padStart(2, "0")}`,
        schoolId: school.id,
        majorId: major.id,
        ...o,
        status: school.closed ? "WITHDRAWN" : school.preparing ? "FILED" : statusOf(r),
      });
    }
    if (rows.length >= target) break;
  }
  return rows;
}

function statusOf(r: Random): SchoolMajorStatus {
  const x = r();
  return x < 0.07 ? "FILED" : x < 0.12 ? "SUSPENDED" : "ENROLLING";
}
