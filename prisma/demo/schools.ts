import type { School } from "../../lib/db/generated/client";
import type { ChangeKind, Ownership, SchoolStatus, SchoolTier, SponsorType } from "../../lib/kernel/enums";
import { schoolNamePinyin } from "../../lib/schools/pinyin";
import { makePublicCode } from "../../lib/schools/public-code";
import { USCC_ALPHABET, withCheckChar } from "../../lib/schools/uscc";
import { AUTHORITIES, type AuthoritySeed } from "./authorities";
import { divisionByCode, divisionsOf } from "./divisions";
import { categoriesForName } from "./fields";
import { figuresFor, NO_FIGURES } from "./figures";
import { makeName, OLD_NAME_PATTERNS, pickPlace, stemOf, TIER_SUFFIX, type Place } from "./names";
import { chance, dateIn, int, pick, rng, type Random } from "./random";
import { REAL_SCHOOLS, type RealSchool } from "./real-schools";
import { buildSchoolMajors, type SchoolMajorSeed } from "./school-majors";

/** Schools per authority, roughly proportional to the real register (domain.md §2): 640 in all. */
export const SCHOOL_COUNTS: Record<string, number> = {
  guangdong: 48,
  shandong: 42,
  jiangsu: 36,
  henan: 36,
  zhejiang: 32,
  hebei: 31,
  sichuan: 30,
  hunan: 27,
  hubei: 26,
  anhui: 26,
  jiangxi: 23,
  fujian: 21,
  liaoning: 21,
  guangxi: 21,
  heilongjiang: 20,
  shaanxi: 19,
  yunnan: 19,
  shanxi: 18,
  jilin: 15,
  guizhou: 15,
  chongqing: 15,
  gansu: 14,
  neimenggu: 14,
  xinjiang: 13,
  beijing: 12,
  shanghai: 12,
  tianjin: 12,
  hainan: 5,
  ningxia: 5,
  xpcc: 5,
  qinghai: 4,
  xizang: 3,
};

/** A School row as the seed writes it (the database fills the version, timestamps and search columns). */
export type SchoolSeed = Omit<School, "lastConfirmedById" | "version" | "createdAt" | "updatedAt" | "searchText" | "searchGrams" | "isDemo"> & { isDemo: true };

/** A dated change after establishment: a SchoolChange row (when kind is set) and an audit event. */
export type SchoolEvent = {
  kind: ChangeKind | null;
  action: string;
  at: Date;
  documentNo?: string | null;
  relatedSchoolId?: string | null;
  before: Partial<SchoolSeed>;
  after: Partial<SchoolSeed>;
};

export type DemoSchool = { school: SchoolSeed; events: SchoolEvent[]; majors: SchoolMajorSeed[] };

const ROADS = ["人民路", "建设路", "解放路", "学院路", "工业大道", "科技路", "职教路", "迎宾大道", "新华路", "中山路", "长江路", "黄河路", "创业路", "育才路"];
const MONTH = 30.44 * 24 * 3600 * 1000;

function tierTargets(n: number, reals: RealSchool[]): Record<SchoolTier, number> {
  const count = (t: SchoolTier) => reals.filter((s) => s.tier === t).length;
  const tc = Math.max(Math.round(n * 0.2), count("TECHNICIAN_COLLEGE"));
  const st = Math.max(Math.round(n * 0.15), count("SENIOR_TECHNICAL_SCHOOL"));
  return { TECHNICIAN_COLLEGE: tc, SENIOR_TECHNICAL_SCHOOL: st, TECHNICAL_SCHOOL: n - tc - st };
}

type Spec = { tier: SchoolTier; real?: RealSchool };

/** Every demo school with its history and majors. Pure: the same output for the same `now`. */
export function buildSchools(now: Date): DemoSchool[] {
  const codes = new Set<string>();
  const usccs = new Set<string>();
  const out: DemoSchool[] = [];
  for (const a of AUTHORITIES) {
    const reals = REAL_SCHOOLS.filter((s) => s.authorityId === a.id);
    const targets = tierTargets(SCHOOL_COUNTS[a.id], reals);
    const specs: Spec[] = reals.map((real) => ({ tier: real.tier, real }));
    for (const tier of ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"] as const) {
      const more = targets[tier] - reals.filter((s) => s.tier === tier).length;
      for (let i = 0; i < more; i++) specs.push({ tier });
    }
    const r = rng(`names:${a.id}`);
    const usedStems = new Set(reals.map((s) => stemOf(s.nameZh)));
    const built: DemoSchool[] = [];
    specs.forEach((spec, i) => {
      const id = `demo-${a.id}-${String(i + 1).padStart(3, "0")}`;
      const s = buildOne(id, a, spec, r, usedStems, { codes, usccs, now });
      if (s) built.push(s);
    });
    linkMerges(built);
    if (a.id === "guangdong") {
      const twin = registeredTwice(built, `demo-${a.id}-twin`, { codes, usccs, now });
      if (twin) built.push(twin);
    }
    out.push(...built);
  }
  return out;
}

type Ctx = { codes: Set<string>; usccs: Set<string>; now: Date };

function buildOne(id: string, a: AuthoritySeed, spec: Spec, names: Random, usedStems: Set<string>, ctx: Ctx): DemoSchool | null {
  const r = rng(`school:${id}`);
  const { real, tier } = spec;
  const divisions = divisionsOf(a.id);
  let place: Place;
  let nameZh: string, nameEn: string, categories: string[];
  if (real) {
    const division = divisionByCode.get(real.divisionCode)!;
    const provincial = real.nameZh.startsWith(a.shortZh);
    place = { zh: "", en: "", provincial, division, usccRegion: provincial ? a.gbCode! : division.code };
    ({ nameZh, nameEn } = real);
    categories = categoriesForName(real.nameZh);
  } else {
    place = pickPlace(names, a, divisions, tier === "TECHNICAL_SCHOOL" ? 0.15 : 0.35);
    const name = makeName(names, place, tier, usedStems);
    if (!name) return null;
    ({ nameZh, nameEn } = name);
    categories = name.field?.categories ?? categoriesForName(nameZh);
  }

  // Sponsor and ownership: real overrides, else mostly public schools of the HR department.
  const privateSchool = real ? real.ownership === "PRIVATE" : chance(r, 0.1);
  const ownership: Ownership = privateSchool ? "PRIVATE" : "PUBLIC";
  const sponsorType: SponsorType = real?.sponsorType ?? (privateSchool ? (chance(r, 0.6) ? "PRIVATE_ENTITY" : "ENTERPRISE") : pickSponsor(r, nameZh));
  const sponsorName = real?.sponsorName ?? sponsorNameFor(a, place, sponsorType, nameZh);

  // Status: only generated 技工学校 leave the normal path.
  let status: SchoolStatus = "OPERATING";
  if (!real && tier === "TECHNICAL_SCHOOL") {
    const x = r();
    status = x < 0.018 ? "ENROLMENT_SUSPENDED" : x < 0.034 ? "RECTIFYING" : x < 0.05 ? "PREPARING" : x < 0.062 ? "REVOKED" : x < 0.075 ? "MERGED" : "OPERATING";
  }
  const preparing = status === "PREPARING";
  const closed = status === "REVOKED" || status === "MERGED";

  // History: establishment, an upgrade from the tier below (with the old name), or a rename.
  const events: SchoolEvent[] = [];
  const docNo = (kind: "gov" | "hr", y: number) => `${a.abbr}${kind === "gov" ? "政函" : "人社函"}〔${y}〕${int(r, 8, 320)}号`;
  let established: Date | null;
  let tierSince: Date;
  let formerNames: string[] = [];
  let approvalDocNo: string;
  const upgrade =
    real?.upgrade ??
    (!real && tier !== "TECHNICAL_SCHOOL" && chance(r, tier === "TECHNICIAN_COLLEGE" ? 0.55 : 0.45)
      ? {
          year: tier === "TECHNICIAN_COLLEGE" ? int(r, 2006, 2023) : int(r, 1996, 2021),
          fromTier: below(tier),
          fromName: nameZh.replace(TIER_SUFFIX[tier].zh, TIER_SUFFIX[below(tier)].zh),
        }
      : undefined);
  if (preparing) {
    established = null;
    tierSince = dateIn(r, 2025, 2025);
    approvalDocNo = docNo("hr", 2025);
  } else if (upgrade) {
    established = dateIn(r, 1958, upgrade.year - 8);
    tierSince = dateIn(r, upgrade.year, upgrade.year);
    formerNames = upgrade.fromName !== nameZh ? [upgrade.fromName] : [];
    const establishDocNo = docNo("hr", established.getUTCFullYear());
    approvalDocNo = docNo(tier === "TECHNICIAN_COLLEGE" ? "gov" : "hr", tierSince.getUTCFullYear());
    events.push({
      kind: "TIER_CHANGE",
      action: "school.tier",
      at: tierSince,
      documentNo: approvalDocNo,
      before: {
        tier: upgrade.fromTier,
        tierSince: established,
        nameZh: upgrade.fromName,
        nameEn: null,
        formerNames: [],
        approvalDocNo: establishDocNo,
        approvalDate: established,
      },
      after: { tier, tierSince, nameZh, nameEn, formerNames, approvalDocNo, approvalDate: tierSince },
    });
  } else {
    established = tier === "TECHNICIAN_COLLEGE" ? dateIn(r, 1999, 2015) : tier === "SENIOR_TECHNICAL_SCHOOL" ? dateIn(r, 1980, 2012) : dateIn(r, 1965, 2018);
    tierSince = established;
    approvalDocNo = docNo(tier === "TECHNICIAN_COLLEGE" ? "gov" : "hr", established.getUTCFullYear());
    if (!real && tier === "TECHNICAL_SCHOOL" && !closed && chance(r, 0.05)) {
      const old = (place.provincial ? a.shortZh : place.zh) + pick(r, OLD_NAME_PATTERNS);
      if (!usedStems.has(stemOf(old))) {
        usedStems.add(stemOf(old));
        formerNames = [old];
        const at = dateIn(r, Math.max(established.getUTCFullYear() + 3, 2000), 2024);
        events.push({
          kind: "RENAME",
          action: "school.rename",
          at,
          documentNo: docNo("hr", at.getUTCFullYear()),
          before: { nameZh: old, nameEn: null, formerNames: [] },
          after: { nameZh, nameEn, formerNames },
        });
      }
    }
  }
  const approvalDate = tierSince;

  // Status changes after establishment (a merge is linked to its successor later).
  let statusSince: Date | null = preparing ? approvalDate : established;
  if (status !== "OPERATING" && !preparing) {
    statusSince = status === "REVOKED" || status === "MERGED" ? dateIn(r, 2021, 2025) : dateIn(r, 2024, 2025);
    events.push({
      kind: status === "MERGED" ? "MERGE" : "STATUS_CHANGE",
      action: status === "MERGED" ? "school.merge" : "school.status",
      at: statusSince,
      documentNo: docNo("hr", statusSince.getUTCFullYear()),
      before: { status: "OPERATING", statusSince: established },
      after: { status, statusSince },
    });
  }

  // Confirmation and annual figures: ~15 % of records unconfirmed for more than 12 months.
  let lastConfirmedAt: Date;
  if (closed) lastConfirmedAt = new Date(statusSince!.getTime() - int(r, 30, 120) * 86_400_000);
  else if (preparing) lastConfirmedAt = new Date(ctx.now.getTime() - r() * 5 * MONTH);
  else lastConfirmedAt = new Date(ctx.now.getTime() - (chance(r, 0.15) ? 12.5 + r() * 7.5 : 0.2 + r() * 11.3) * MONTH);
  const majors = buildSchoolMajors(rng(`majors:${id}`), { id, tier, categories, closed, preparing });
  const figures = preparing
    ? null
    : { ...figuresFor(r, tier), figuresYear: lastConfirmedAt.getUTCFullYear() - 1, majorCount: new Set(majors.map((m) => m.majorId)).size };
  if (figures) {
    const nulls = Object.fromEntries(Object.keys(figures).map((k) => [k, null]));
    events.push({ kind: null, action: "school.update", at: lastConfirmedAt, before: nulls, after: figures });
  }
  events.sort((x, y) => x.at.getTime() - y.at.getTime());

  const { namePinyin, nameInitials } = schoolNamePinyin(nameZh);
  let publicCode = makePublicCode(r);
  while (ctx.codes.has(publicCode)) publicCode = makePublicCode(r);
  ctx.codes.add(publicCode);
  const uscc = makeUscc(r, ownership === "PUBLIC" ? "12" : "52", place.usccRegion, ctx.usccs);
  const addrPlace = a.kind === "CORPS" ? `新疆维吾尔自治区${place.provincial ? "石河子" : place.zh}市` : `${a.nameZh}${place.division!.nameZh}`;

  const school: SchoolSeed = {
    id,
    publicCode,
    nameZh,
    nameEn,
    namePinyin,
    nameInitials,
    altNames: real?.altNames ?? [],
    formerNames,
    tier,
    tierSince,
    ownership,
    sponsorType,
    sponsorName,
    authorityId: a.id,
    divisionCode: place.division?.code ?? null,
    // A few records left without an address (a required public field), so the data-quality page and
    // the officers' inboxes have a "missing required field" item on a fresh demo.
    address: withGap(id, `${addrPlace}${pick(r, ROADS)}${int(r, 1, 999)}号`),
    website: null,
    uscc,
    approvalDocNo,
    approvalDate,
    establishedDate: established,
    status,
    statusSince,
    ...(figures ?? { ...NO_FIGURES, figuresYear: null, majorCount: null }),
    contactName: null,
    contactPhone: null,
    successorId: null,
    lastConfirmedAt,
    isDemo: true,
  };
  return { school, events, majors };
}

/** Characters read alike (same toneless pinyin): a clerk's slip that registers one school twice. */
const HOMOPHONES: Record<string, string> = { 机: "基", 电: "店", 贸: "茂", 城: "成", 信: "新", 华: "化", 交: "郊", 建: "健" };

/**
 * The demo's suspected duplicate: a generated school of the province registered a second time in
 * its city under a homophone of its name (same pinyin, its own codes, the same majors, no later
 * history), so the data-quality page and the officer's inbox have a real pair to show.
 */
function registeredTwice(built: DemoSchool[], id: string, ctx: Ctx): DemoSchool | null {
  const stem = (name: string) => [...name].slice(0, -4).findIndex((ch) => HOMOPHONES[ch]);
  const original = built.find(
    (x) =>
      !REAL_SCHOOLS.some((real) => real.nameZh === x.school.nameZh) &&
      x.school.status === "OPERATING" &&
      x.school.divisionCode &&
      x.events.every((e) => !e.kind) &&
      stem(x.school.nameZh) >= 0,
  );
  if (!original) return null;
  const chars = [...original.school.nameZh];
  const at = stem(original.school.nameZh);
  chars[at] = HOMOPHONES[chars[at]];
  const nameZh = chars.join("");
  const r = rng(`school:${id}`);
  let publicCode = makePublicCode(r);
  while (ctx.codes.has(publicCode)) publicCode = makePublicCode(r);
  ctx.codes.add(publicCode);
  const uscc = makeUscc(r, original.school.uscc!.slice(0, 2), original.school.uscc!.slice(2, 8), ctx.usccs);
  const school: SchoolSeed = {
    ...original.school,
    id,
    publicCode,
    uscc,
    nameZh,
    ...schoolNamePinyin(nameZh),
    formerNames: [],
    altNames: [],
    successorId: null,
  };
  // The same majors as the original (one school, entered twice), under the twin's own ids.
  const majors = original.majors.map((m) => ({ ...m, id: m.id.replace(original.school.id, id), schoolId: id }));
  return { school, events: [], majors };
}

/** Demo records registered without an address: one per province of the two demo officers. */
const ADDRESS_GAPS = new Set(["demo-guangdong-040", "demo-zhejiang-030"]);
const withGap = (id: string, address: string) => (ADDRESS_GAPS.has(id) ? null : address);

const below = (t: SchoolTier): SchoolTier => (t === "TECHNICIAN_COLLEGE" ? "SENIOR_TECHNICAL_SCHOOL" : "TECHNICAL_SCHOOL");

function pickSponsor(r: Random, nameZh: string): SponsorType {
  if (/交通|卫生|农业|建筑|城市建设/.test(nameZh) && chance(r, 0.5)) return "OTHER_GOVERNMENT";
  if (/电力|冶金|化工|能源|汽车/.test(nameZh) && chance(r, 0.5)) return "ENTERPRISE";
  const x = r();
  return x < 0.7 ? "HR_DEPARTMENT" : x < 0.8 ? "OTHER_GOVERNMENT" : x < 0.9 ? "INDUSTRY" : "ENTERPRISE";
}

const DEPARTMENT: [RegExp, string][] = [
  [/交通/, "交通运输"],
  [/卫生/, "卫生健康委员会"],
  [/农业/, "农业农村"],
  [/建筑|城市建设/, "住房和城乡建设"],
  [/旅游/, "文化和旅游"],
];

/** Government sponsors are named after the department; companies and private sponsors are not invented. */
function sponsorNameFor(a: AuthoritySeed, place: Place, type: SponsorType, nameZh: string): string | null {
  if (type !== "HR_DEPARTMENT" && type !== "OTHER_GOVERNMENT") return null;
  const provincial = place.provincial || !place.division;
  const who = a.kind === "CORPS" ? "新疆生产建设兵团" : provincial ? a.nameZh : place.division!.nameZh;
  const level = provincial && a.kind !== "MUNICIPALITY" && a.kind !== "CORPS" ? "厅" : "局";
  if (type === "HR_DEPARTMENT") return `${who}人力资源和社会保障${level}`;
  const dept = DEPARTMENT.find(([re]) => re.test(nameZh))?.[1] ?? "工业和信息化";
  return dept.endsWith("委员会") ? `${who}${dept}` : `${who}${dept}${level}`;
}

function makeUscc(r: Random, prefix: string, region: string, used: Set<string>): string {
  for (;;) {
    let org = "";
    for (let i = 0; i < 9; i++) org += USCC_ALPHABET[int(r, 0, USCC_ALPHABET.length - 1)];
    const code = withCheckChar(prefix + region + org);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** A merged school's successor: an operating higher-tier school of its authority (else it is revoked). */
function linkMerges(schools: DemoSchool[]) {
  const successor = schools.find((s) => s.school.status === "OPERATING" && s.school.tier !== "TECHNICAL_SCHOOL");
  for (const s of schools.filter((x) => x.school.status === "MERGED")) {
    const merge = s.events.find((e) => e.kind === "MERGE")!;
    if (!successor) {
      s.school.status = "REVOKED";
      Object.assign(merge, { kind: "STATUS_CHANGE", action: "school.status", after: { ...merge.after, status: "REVOKED" } });
      continue;
    }
    s.school.successorId = successor.school.id;
    merge.relatedSchoolId = successor.school.id;
    merge.before = { ...merge.before, successorId: null };
    merge.after = { ...merge.after, successorId: successor.school.id };
    // The successor records the merge too (no field of its own changes: no audit event for it).
    successor.events.push({ kind: "MERGE", action: "", at: merge.at, documentNo: merge.documentNo, relatedSchoolId: s.school.id, before: {}, after: {} });
    successor.events.sort((x, y) => x.at.getTime() - y.at.getTime());
  }
}
