import type { SchoolTier } from "../../lib/kernel/enums";
import type { AuthoritySeed } from "./authorities";
import type { DivisionSeed } from "./divisions";
import { FIELDS, type Field } from "./fields";
import { chance, pick, type Random } from "./random";

/** Generated demo names: "<place><field><tier suffix>", unique by stem within an authority. */
export const TIER_SUFFIX: Record<SchoolTier, { zh: string; en: string }> = {
  TECHNICIAN_COLLEGE: { zh: "技师学院", en: "Technician College" },
  SENIOR_TECHNICAL_SCHOOL: { zh: "高级技工学校", en: "Senior Technical School" },
  TECHNICAL_SCHOOL: { zh: "技工学校", en: "Technical School" },
};

/** Places of 新疆生产建设兵团 (its cities have no division rows: see divisions.ts). */
const XPCC_PLACES = [
  { zh: "石河子", en: "Shihezi", uscc: "659001" },
  { zh: "阿拉尔", en: "Aral", uscc: "659002" },
  { zh: "图木舒克", en: "Tumxuk", uscc: "659003" },
  { zh: "五家渠", en: "Wujiaqu", uscc: "659004" },
];

export type Place = {
  zh: string; // as written in the name: 广州市, 广东省, 广西, 北京市, 兵团
  en: string;
  /** Authority-level (provincial) school rather than a city's. */
  provincial: boolean;
  division: DivisionSeed | null;
  /** Positions 3–8 of the USCC. */
  usccRegion: string;
};

export const enShort = (a: AuthoritySeed) =>
  a.nameEn.replace(/ (Province|Municipality|Zhuang Autonomous Region|Hui Autonomous Region|Uygur Autonomous Region|Autonomous Region)$/, "");

/** Where a school belongs: its province as a whole, or one of the province's seeded cities. */
export function pickPlace(r: Random, a: AuthoritySeed, divisions: DivisionSeed[], provincialShare: number): Place {
  if (a.kind === "CORPS") {
    const p = pick(r, XPCC_PLACES);
    return chance(r, 0.5)
      ? { zh: "兵团", en: "XPCC", provincial: true, division: null, usccRegion: p.uscc }
      : { zh: p.zh, en: p.en, provincial: false, division: null, usccRegion: p.uscc };
  }
  const division = pick(r, divisions);
  if (a.kind === "MUNICIPALITY") {
    return { zh: a.nameZh, en: enShort(a), provincial: true, division, usccRegion: chance(r, 0.5) ? a.gbCode! : division.code };
  }
  if (chance(r, provincialShare)) {
    const zh = a.kind === "PROVINCE" && chance(r, 0.5) ? a.nameZh : a.shortZh;
    return { zh, en: enShort(a), provincial: true, division: divisions[0], usccRegion: a.gbCode! };
  }
  const short = division.nameZh.replace(/市$/, "");
  return {
    zh: chance(r, 0.5) ? division.nameZh : short,
    en: division.nameEn,
    provincial: false,
    division,
    usccRegion: division.code,
  };
}

/** The part that must be unique: place without 省/市 plus field ("广州机电"). */
export const stemOf = (nameZh: string) => nameZh.replace(/(技师学院|高级技工学校|技工学校)$/, "").replace(/[省市]/g, "");

export type GeneratedName = { nameZh: string; nameEn: string; field: Field | null };

export function makeName(r: Random, place: Place, tier: SchoolTier, usedStems: Set<string>): GeneratedName | null {
  const suffix = TIER_SUFFIX[tier];
  // A few colleges carry only their city's name (邢台市技师学院); otherwise a field.
  if (tier === "TECHNICIAN_COLLEGE" && !place.provincial && chance(r, 0.2)) {
    const nameZh = place.zh + suffix.zh;
    if (!usedStems.has(stemOf(nameZh))) {
      usedStems.add(stemOf(nameZh));
      return { nameZh, nameEn: `${place.en} ${suffix.en}`, field: null };
    }
  }
  for (let attempt = 0; attempt < 12; attempt++) {
    const field = pick(r, FIELDS);
    const nameZh = place.zh + field.zh + suffix.zh;
    const stem = stemOf(nameZh);
    if (usedStems.has(stem)) continue;
    usedStems.add(stem);
    return { nameZh, nameEn: `${place.en} ${field.en} ${suffix.en}`, field };
  }
  return null;
}

/** Names a renamed school used to have (劳动局技工学校 and numbered schools were common). */
export const OLD_NAME_PATTERNS = ["劳动技工学校", "第一技工学校", "第二技工学校", "劳动局技工学校"];
