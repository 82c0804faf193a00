import type { AuthorityKind } from "../../lib/kernel/enums";

/**
 * The 32 registering authorities: the 31 provincial-level divisions (GB/T 2260) and
 * 新疆生产建设兵团, which has no GB/T 2260 code (gbCode null — none is invented).
 * `abbr` (the one-character 简称 used in document numbers) is seed-only data, not a column.
 */
export type AuthoritySeed = {
  id: string;
  gbCode: string | null;
  nameZh: string;
  nameEn: string;
  shortZh: string;
  kind: AuthorityKind;
  sortOrder: number;
  abbr: string;
};

type Row = [id: string, gbCode: string | null, nameZh: string, nameEn: string, shortZh: string, kind: AuthorityKind, abbr: string];

const P = "PROVINCE" as const;
const M = "MUNICIPALITY" as const;
const A = "AUTONOMOUS_REGION" as const;

const ROWS: Row[] = [
  ["beijing", "110000", "北京市", "Beijing Municipality", "北京", M, "京"],
  ["tianjin", "120000", "天津市", "Tianjin Municipality", "天津", M, "津"],
  ["hebei", "130000", "河北省", "Hebei Province", "河北", P, "冀"],
  ["shanxi", "140000", "山西省", "Shanxi Province", "山西", P, "晋"],
  ["neimenggu", "150000", "内蒙古自治区", "Inner Mongolia Autonomous Region", "内蒙古", A, "内"],
  ["liaoning", "210000", "辽宁省", "Liaoning Province", "辽宁", P, "辽"],
  ["jilin", "220000", "吉林省", "Jilin Province", "吉林", P, "吉"],
  ["heilongjiang", "230000", "黑龙江省", "Heilongjiang Province", "黑龙江", P, "黑"],
  ["shanghai", "310000", "上海市", "Shanghai Municipality", "上海", M, "沪"],
  ["jiangsu", "320000", "江苏省", "Jiangsu Province", "江苏", P, "苏"],
  ["zhejiang", "330000", "浙江省", "Zhejiang Province", "浙江", P, "浙"],
  ["anhui", "340000", "安徽省", "Anhui Province", "安徽", P, "皖"],
  ["fujian", "350000", "福建省", "Fujian Province", "福建", P, "闽"],
  ["jiangxi", "360000", "江西省", "Jiangxi Province", "江西", P, "赣"],
  ["shandong", "370000", "山东省", "Shandong Province", "山东", P, "鲁"],
  ["henan", "410000", "河南省", "Henan Province", "河南", P, "豫"],
  ["hubei", "420000", "湖北省", "Hubei Province", "湖北", P, "鄂"],
  ["hunan", "430000", "湖南省", "Hunan Province", "湖南", P, "湘"],
  ["guangdong", "440000", "广东省", "Guangdong Province", "广东", P, "粤"],
  ["guangxi", "450000", "广西壮族自治区", "Guangxi Zhuang Autonomous Region", "广西", A, "桂"],
  ["hainan", "460000", "海南省", "Hainan Province", "海南", P, "琼"],
  ["chongqing", "500000", "重庆市", "Chongqing Municipality", "重庆", M, "渝"],
  ["sichuan", "510000", "四川省", "Sichuan Province", "四川", P, "川"],
  ["guizhou", "520000", "贵州省", "Guizhou Province", "贵州", P, "黔"],
  ["yunnan", "530000", "云南省", "Yunnan Province", "云南", P, "云"],
  ["xizang", "540000", "西藏自治区", "Xizang Autonomous Region", "西藏", A, "藏"],
  ["shaanxi", "610000", "陕西省", "Shaanxi Province", "陕西", P, "陕"],
  ["gansu", "620000", "甘肃省", "Gansu Province", "甘肃", P, "甘"],
  ["qinghai", "630000", "青海省", "Qinghai Province", "青海", P, "青"],
  ["ningxia", "640000", "宁夏回族自治区", "Ningxia Hui Autonomous Region", "宁夏", A, "宁"],
  ["xinjiang", "650000", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region", "新疆", A, "新"],
  ["xpcc", null, "新疆生产建设兵团", "Xinjiang Production and Construction Corps", "新疆兵团", "CORPS", "兵团"],
];

export const AUTHORITIES: AuthoritySeed[] = ROWS.map(([id, gbCode, nameZh, nameEn, shortZh, kind, abbr], i) => ({
  id,
  gbCode,
  nameZh,
  nameEn,
  shortZh,
  kind,
  sortOrder: (i + 1) * 10,
  abbr,
}));

export const authorityById = new Map(AUTHORITIES.map((a) => [a.id, a]));

/** The Authority row (without seed-only fields). */
export const authorityRow = ({ abbr: _abbr, ...row }: AuthoritySeed) => row;
