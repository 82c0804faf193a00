import type { Ownership, SchoolStatus, SchoolTier, SponsorType } from "../../lib/kernel/enums";
import { schoolNamePinyin } from "../../lib/schools/pinyin";
import { makePublicCode } from "../../lib/schools/public-code";
import { USCC_ALPHABET, withCheckChar } from "../../lib/schools/uscc";
import { AUTHORITIES, type AuthoritySeed } from "../../prisma/demo/authorities";
import { divisionsOf } from "../../prisma/demo/divisions";
import { FIELDS } from "../../prisma/demo/fields";
import { figuresFor, NO_FIGURES } from "../../prisma/demo/figures";
import { pickPlace, TIER_SUFFIX } from "../../prisma/demo/names";
import { SCHOOL_COUNTS } from "../../prisma/demo/schools";
import { chance, dateIn, int, pick, rng, type Random } from "../../prisma/demo/random";

/**
 * Benchmark schools: n times the national register (2,551 schools at the end of 2022), spread
 * over the authorities like the demo seed, with names built the same way ("<place><field><tier>")
 * plus the qualifiers and numbers real registers use once the plain names run out. Deterministic:
 * the same scale gives the same rows. Everything is illustrative (isDemo = true).
 */
export const NATIONAL_SCHOOLS = 2551;

const QUALIFIERS: [zh: string, en: string][] = [
  ["华南", "Huanan"],
  ["南方", "Nanfang"],
  ["东方", "Dongfang"],
  ["新华", "Xinhua"],
  ["育才", "Yucai"],
  ["明德", "Mingde"],
  ["振华", "Zhenhua"],
  ["兴华", "Xinghua"],
  ["华夏", "Huaxia"],
  ["长城", "Changcheng"],
  ["现代", "Xiandai"],
  ["先锋", "Xianfeng"],
  ["海天", "Haitian"],
  ["博雅", "Boya"],
  ["鸿图", "Hongtu"],
  ["启航", "Qihang"],
  ["致远", "Zhiyuan"],
  ["精工", "Jinggong"],
  ["英才", "Yingcai"],
  ["光明", "Guangming"],
  ["红星", "Hongxing"],
  ["金桥", "Jinqiao"],
  ["蓝天", "Lantian"],
  ["远航", "Yuanhang"],
  ["恒信", "Hengxin"],
  ["立德", "Lide"],
  ["求实", "Qiushi"],
  ["卓越", "Zhuoyue"],
  ["弘毅", "Hongyi"],
  ["汇通", "Huitong"],
  ["中兴", "Zhongxing"],
  ["永信", "Yongxin"],
  ["腾飞", "Tengfei"],
  ["新星", "Xinxing"],
  ["德才", "Decai"],
  ["北方", "Beifang"],
];
const DIGITS = "零一二三四五六七八九";
const ROADS = ["人民路", "建设路", "解放路", "学院路", "工业大道", "科技路", "职教路", "迎宾大道", "新华路", "中山路"];
const STATUS_ROLL: [number, SchoolStatus][] = [
  [0.018, "ENROLMENT_SUSPENDED"],
  [0.034, "RECTIFYING"],
  [0.05, "PREPARING"],
  [0.062, "REVOKED"],
  [0.075, "TERMINATED"],
];

/** 第十二, 第一百零三 — ordinals as school names write them. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  const rest = n % 100;
  const head = `${chineseNumber(Math.floor(n / 100))}百`;
  if (!rest) return head;
  return head + (rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest));
}

export type BenchSchool = {
  id: string;
  publicCode: string;
  nameZh: string;
  nameEn: string;
  namePinyin: string;
  nameInitials: string;
  formerName: string | null;
  tier: SchoolTier;
  tierSince: string;
  ownership: Ownership;
  sponsorType: SponsorType;
  authorityId: string;
  divisionCode: string | null;
  address: string;
  uscc: string;
  approvalDocNo: string;
  approvalDate: string;
  establishedDate: string | null;
  status: SchoolStatus;
  statusSince: string;
  fullTimeStudents: number | null;
  trainingPersonTimes: number | null;
  campusArea: number | null;
  buildingArea: number | null;
  equipmentValue: number | null;
  teachers: number | null;
};

export function schoolsPerAuthority(scale: number): Map<string, number> {
  const demoTotal = Object.values(SCHOOL_COUNTS).reduce((a, b) => a + b, 0);
  return new Map(AUTHORITIES.map((a) => [a.id, Math.max(1, Math.round((SCHOOL_COUNTS[a.id] * NATIONAL_SCHOOLS * scale) / demoTotal))]));
}

type Used = { names: Set<string>; codes: Set<string>; usccs: Set<string> };

/** The schools of one authority. `used` holds names, codes and USCCs already taken (the demo seed's too). */
export function buildAuthoritySchools(a: AuthoritySeed, count: number, used: Used): BenchSchool[] {
  const r = rng(`bench:${a.id}`);
  const divisions = divisionsOf(a.id);
  const numbered = new Map<string, number>();
  const out: BenchSchool[] = [];
  for (let i = 0; i < count; i++) {
    const x = r();
    const tier: SchoolTier = x < 0.2 ? "TECHNICIAN_COLLEGE" : x < 0.35 ? "SENIOR_TECHNICAL_SCHOOL" : "TECHNICAL_SCHOOL";
    const place = pickPlace(r, a, divisions, tier === "TECHNICAL_SCHOOL" ? 0.15 : 0.35);
    const suffix = TIER_SUFFIX[tier];
    let nameZh = "";
    let nameEn = "";
    for (let attempt = 0; attempt < 6 && !nameZh; attempt++) {
      const field = pick(r, FIELDS);
      const q = chance(r, 0.35) ? null : pick(r, QUALIFIERS);
      const zh = `${place.zh}${q?.[0] ?? ""}${field.zh}${suffix.zh}`;
      if (!used.names.has(`${a.id}|${zh}`)) [nameZh, nameEn] = [zh, `${place.en} ${q ? `${q[1]} ` : ""}${field.en} ${suffix.en}`];
    }
    if (!nameZh) {
      // Numbered schools (广州市第十二技工学校) never collide: one counter per place and tier.
      const key = `${place.zh}|${tier}`;
      for (let n = (numbered.get(key) ?? 0) + 1; ; n++) {
        const zh = `${place.zh}第${chineseNumber(n)}${suffix.zh}`;
        if (used.names.has(`${a.id}|${zh}`)) continue;
        numbered.set(key, n);
        [nameZh, nameEn] = [zh, `${place.en} No. ${n} ${suffix.en}`];
        break;
      }
    }
    used.names.add(`${a.id}|${nameZh}`);
    out.push(buildOne(r, a, `bench-${a.id}-${String(i + 1).padStart(6, "0")}`, { nameZh, nameEn, tier, place }, used));
  }
  return out;
}

function buildOne(
  r: Random,
  a: AuthoritySeed,
  id: string,
  n: { nameZh: string; nameEn: string; tier: SchoolTier; place: ReturnType<typeof pickPlace> },
  used: Used,
): BenchSchool {
  const privateSchool = chance(r, 0.1);
  const roll = n.tier === "TECHNICAL_SCHOOL" ? r() : 1;
  const status = STATUS_ROLL.find(([p]) => roll < p)?.[1] ?? "OPERATING";
  const established = dateIn(r, 1965, 2022);
  const upgraded = n.tier !== "TECHNICAL_SCHOOL" && chance(r, 0.5);
  const tierSince = upgraded ? dateIn(r, Math.max(2000, established.getUTCFullYear() + 1), 2024) : established;
  const statusSince = status === "OPERATING" ? established : dateIn(r, 2023, 2025);
  const figures = status === "PREPARING" ? null : figuresFor(r, n.tier);
  let publicCode = makePublicCode(r);
  while (used.codes.has(publicCode)) publicCode = makePublicCode(r);
  used.codes.add(publicCode);
  let uscc = "";
  while (!uscc || used.usccs.has(uscc)) {
    let org = "";
    for (let k = 0; k < 9; k++) org += USCC_ALPHABET[int(r, 0, USCC_ALPHABET.length - 1)];
    uscc = withCheckChar((privateSchool ? "52" : "12") + n.place.usccRegion + org);
  }
  used.usccs.add(uscc);
  const year = tierSince.getUTCFullYear();
  const { namePinyin, nameInitials } = schoolNamePinyin(n.nameZh);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    id,
    publicCode,
    nameZh: n.nameZh,
    nameEn: n.nameEn,
    namePinyin,
    nameInitials,
    formerName: upgraded ? n.nameZh.replace(TIER_SUFFIX[n.tier].zh, TIER_SUFFIX.TECHNICAL_SCHOOL.zh) : null,
    tier: n.tier,
    tierSince: day(tierSince),
    ownership: privateSchool ? "PRIVATE" : "PUBLIC",
    sponsorType: privateSchool ? "PRIVATE_ENTITY" : chance(r, 0.75) ? "HR_DEPARTMENT" : "OTHER_GOVERNMENT",
    authorityId: a.id,
    divisionCode: n.place.division?.code ?? null,
    address: `${a.nameZh}${n.place.division?.nameZh ?? ""}${pick(r, ROADS)}${int(r, 1, 999)}号`,
    uscc,
    approvalDocNo: `${a.abbr}${n.tier === "TECHNICIAN_COLLEGE" ? "政函" : "人社函"}〔${year}〕${int(r, 8, 320)}号`,
    approvalDate: day(tierSince),
    establishedDate: status === "PREPARING" ? null : day(established),
    status,
    statusSince: day(statusSince),
    ...(figures ?? NO_FIGURES),
  };
}
