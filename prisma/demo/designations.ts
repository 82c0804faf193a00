import type { DesignationKind, DesignationLevel, DesignationStatus } from "../../lib/kernel/enums";
import { AUTHORITIES, type AuthoritySeed } from "./authorities";
import { dateIn, int, pick, rng, shuffle, type Random } from "./random";
import type { DemoSchool } from "./schools";

/**
 * Legacy labels, bases and evaluation-organisation registrations (~80), never QUALITY_SCHOOL or
 * QUALITY_MAJOR (the selection workflow creates those). Document numbers are illustrative.
 */
export type DesignationSeed = {
  id: string;
  schoolId: string;
  kind: DesignationKind;
  level: DesignationLevel;
  title: string;
  batchLabel: string | null;
  status: DesignationStatus;
  startDate: Date;
  endDate: Date | null;
  documentNo: string;
  issuer: string;
  isDemo: true;
};

const WORLDSKILLS = [
  { edition: 46, from: 2020, until: 2022 },
  { edition: 47, from: 2023, until: 2024 },
  { edition: 48, from: 2025, until: 2026 },
];
const SKILLS = [
  "数控车",
  "焊接",
  "汽车技术",
  "电气装置",
  "移动机器人",
  "网络系统管理",
  "工业控制",
  "机电一体化",
  "美发",
  "烹饪（西餐）",
  "车身修理",
  "制冷与空调",
];

type Plan = { kind: DesignationKind; level: DesignationLevel; tiers: string[] };
const CYCLE: Plan[] = [
  { kind: "TRAINING_BASE", level: "NATIONAL", tiers: ["TECHNICIAN_COLLEGE"] },
  { kind: "KEY_SCHOOL", level: "NATIONAL", tiers: ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL"] },
  { kind: "EVALUATION_ORGANISATION", level: "PROVINCIAL", tiers: ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"] },
  { kind: "WORLDSKILLS_BASE", level: "NATIONAL", tiers: ["TECHNICIAN_COLLEGE"] },
  { kind: "KEY_SCHOOL", level: "PROVINCIAL", tiers: ["TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL"] },
];

const hrDept = (a: AuthoritySeed) =>
  a.kind === "CORPS" ? "新疆生产建设兵团人力资源和社会保障局" : `${a.nameZh}人力资源和社会保障${a.kind === "MUNICIPALITY" ? "局" : "厅"}`;

export function buildDesignations(schools: DemoSchool[], now: Date): DesignationSeed[] {
  const out: DesignationSeed[] = [];
  for (const a of AUTHORITIES) {
    const r = rng(`designations:${a.id}`);
    const mine = schools.filter((s) => s.school.authorityId === a.id && s.school.status === "OPERATING");
    const wanted = Math.max(1, Math.round(mine.length / 8));
    const used = new Set<string>();
    for (let i = 0, made = 0; made < wanted && i < wanted * 4; i++) {
      const plan = CYCLE[i % CYCLE.length];
      const candidates = shuffle(
        r,
        mine.filter((s) => plan.tiers.includes(s.school.tier)),
      );
      const holder = candidates.find((s) => !used.has(s.school.id)) ?? candidates[0];
      if (!holder) continue;
      used.add(holder.school.id);
      out.push(designation(r, a, plan, `${holder.school.id}-d${out.filter((d) => d.schoolId === holder.school.id).length + 1}`, holder.school.id, now));
      made++;
    }
  }
  return out;
}

function designation(r: Random, a: AuthoritySeed, plan: Plan, id: string, schoolId: string, now: Date): DesignationSeed {
  const base = { id, schoolId, kind: plan.kind, level: plan.level, isDemo: true as const };
  const status = (end: Date | null, done: DesignationStatus): DesignationStatus => (end && end < now ? done : "ACTIVE");
  if (plan.kind === "KEY_SCHOOL" && plan.level === "NATIONAL") {
    const start = dateIn(r, 1995, 2012);
    const y = start.getUTCFullYear();
    return {
      ...base,
      title: "国家重点技工学校",
      batchLabel: String(y),
      status: "ACTIVE",
      startDate: start,
      endDate: null,
      documentNo: `${y < 2008 ? "劳社部函" : "人社部函"}〔${y}〕${int(r, 10, 260)}号`,
      issuer: y < 2008 ? "劳动和社会保障部" : "人力资源社会保障部",
    };
  }
  if (plan.kind === "KEY_SCHOOL") {
    const start = dateIn(r, 2005, 2021);
    const y = start.getUTCFullYear();
    return {
      ...base,
      title: a.kind === "MUNICIPALITY" ? `${a.shortZh}市重点技工学校` : "省级重点技工学校",
      batchLabel: String(y),
      status: "ACTIVE",
      startDate: start,
      endDate: null,
      documentNo: `${a.abbr}人社函〔${y}〕${int(r, 10, 400)}号`,
      issuer: hrDept(a),
    };
  }
  if (plan.kind === "TRAINING_BASE") {
    const start = dateIn(r, 2011, 2023);
    const end = new Date(Date.UTC(start.getUTCFullYear() + 3, 11, 31));
    return {
      ...base,
      title: "国家级高技能人才培训基地",
      batchLabel: String(start.getUTCFullYear()),
      status: status(end, "ACCEPTED"),
      startDate: start,
      endDate: end,
      documentNo: `人社厅函〔${start.getUTCFullYear()}〕${int(r, 10, 300)}号`,
      issuer: "人力资源社会保障部",
    };
  }
  if (plan.kind === "WORLDSKILLS_BASE") {
    const ws = pick(r, WORLDSKILLS);
    const start = dateIn(r, ws.from, ws.from);
    const end = new Date(Date.UTC(ws.until, 11, 31));
    return {
      ...base,
      title: `第${ws.edition}届世界技能大赛中国集训基地（${pick(r, SKILLS)}项目）`,
      batchLabel: `第${ws.edition}届`,
      status: status(end, "EXPIRED"),
      startDate: start,
      endDate: end,
      documentNo: `人社厅函〔${ws.from}〕${int(r, 10, 300)}号`,
      issuer: "人力资源社会保障部",
    };
  }
  const start = dateIn(r, 2020, 2025);
  const end = new Date(Date.UTC(start.getUTCFullYear() + 3, start.getUTCMonth(), start.getUTCDate()));
  return {
    ...base,
    title: "社会培训评价组织（职业技能等级认定）",
    batchLabel: String(start.getUTCFullYear()),
    status: status(end, "EXPIRED"),
    startDate: start,
    endDate: end,
    documentNo: `${a.abbr}人社函〔${start.getUTCFullYear()}〕${int(r, 10, 400)}号`,
    issuer: hrDept(a),
  };
}
