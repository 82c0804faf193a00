import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { loadCampaign } from "@/lib/campaigns/loaders";
import { loadInbox } from "@/lib/inbox/loaders";
import { loadQuality, loadQualityList } from "@/lib/quality/loaders";
import { addDays } from "@/lib/kernel/dates";
import { fileTestDb } from "../support/test-db";
import { signInAs, testUsers } from "../support/session";
import { S, seedSelectionFixtures } from "./selection-fixtures";

/**
 * The data-quality page (lib/quality): every number equals a count made directly in the database
 * with SQL written here, independently of the measures' Prisma `where` (thresholds typed from
 * shared/domain.md, quarters by date_trunc in Beijing time, duplicates by GROUP BY), per authority
 * and nationally; each drill-down lists exactly the records counted. PGlite, and PostgreSQL with
 * TEST_DATABASE_URL.
 */
const t = fileTestDb(seedSelectionFixtures);
const now = new Date();
const base = { ownership: "PUBLIC" as const, sponsorType: "HR_DEPARTMENT" as const, status: "OPERATING" as const };
const full = { address: "某路1号", approvalDocNo: "粤人社〔2020〕1号", approvalDate: new Date("2020-01-01T00:00:00Z") };

beforeAll(async () => {
  const c = t.client;
  await c.division.createMany({
    data: [
      { code: "440100", nameZh: "广州市", nameEn: "Guangzhou", authorityId: "guangdong" },
      { code: "330100", nameZh: "杭州市", nameEn: "Hangzhou", authorityId: "zhejiang" },
    ],
  });
  const py = "guangzhoushijidianjigongxuexiao";
  await c.school.createMany({
    data: [
      // Same pinyin in one city: a suspected pair. One below the campus-area standard of a 技工学校.
      {
        ...base,
        ...full,
        id: "q-gd-a",
        publicCode: "QGDA",
        nameZh: "广州市机电技工学校",
        namePinyin: py,
        tier: "TECHNICAL_SCHOOL",
        authorityId: "guangdong",
        divisionCode: "440100",
        uscc: "91440100MA59XXXX1A",
        campusArea: 20_000,
        fullTimeStudents: 900,
        lastConfirmedAt: addDays(now, -30),
      },
      {
        ...base,
        ...full,
        id: "q-gd-b",
        publicCode: "QGDB",
        nameZh: "广州市技电技工学校",
        namePinyin: py,
        tier: "TECHNICAL_SCHOOL",
        authorityId: "guangdong",
        divisionCode: "440100",
        fullTimeStudents: 700,
        equipmentValue: 500,
        lastConfirmedAt: addDays(now, -200),
      },
      // A technician college below the student standard, confirmed three years ago.
      {
        ...base,
        ...full,
        id: "q-gd-c",
        publicCode: "QGDC",
        nameZh: "广州技师学院",
        namePinyin: "guangzhoujishixueyuan",
        tier: "TECHNICIAN_COLLEGE",
        authorityId: "guangdong",
        divisionCode: "440100",
        uscc: "91440100MA59XXXX2B",
        fullTimeStudents: 2500,
        trainingPersonTimes: 5000,
        lastConfirmedAt: addDays(now, -1100),
      },
      // Off the register: not counted, and not a duplicate partner of its namesake in Hangzhou.
      {
        ...base,
        id: "q-zj-x",
        publicCode: "QZJX",
        nameZh: "杭州机电技工学校",
        namePinyin: "hangzhoujidianjigongxuexiao",
        tier: "TECHNICAL_SCHOOL",
        status: "REVOKED",
        authorityId: "zhejiang",
        divisionCode: "330100",
        campusArea: 1,
      },
      {
        ...base,
        ...full,
        id: "q-zj-a",
        publicCode: "QZJA",
        nameZh: "杭州市机电技工学校",
        namePinyin: "hangzhoujidianjigongxuexiao",
        tier: "SENIOR_TECHNICAL_SCHOOL",
        authorityId: "zhejiang",
        divisionCode: "330100",
        uscc: "91330100MA59XXXX3C",
        campusArea: 70_000,
        lastConfirmedAt: addDays(now, -400),
      },
    ],
  });
  const edition = await c.majorCatalogEdition.create({ data: { code: "T2026", nameZh: "测试目录", nameEn: "Test catalogue", isCurrent: true } });
  const category = await c.majorCategory.create({ data: { editionId: edition.id, code: "01", nameZh: "机械类", nameEn: "Mechanical" } });
  const major = await c.major.create({ data: { editionId: edition.id, categoryId: category.id, code: "0101-4", nameZh: "数控加工", nameEn: "CNC machining" } });
  for (const schoolId of ["q-gd-a", S.zj1]) {
    await c.schoolMajor.create({ data: { schoolId, majorId: major.id, level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3 } });
  }
  await c.school.update({ where: { id: S.gd2 }, data: { lastConfirmedAt: now, nameEn: "Guangdong Machinery Technician College" } });
});
afterEach(() => signInAs(null));

// ── Independent SQL: the ids each measure should count ─────────────────────────────────────────
const REG = `s."status" IN ('PREPARING','OPERATING','ENROLMENT_SUSPENDED','RECTIFYING')`;
const THRESHOLDS: Record<string, string> = {
  "below.TECHNICIAN_COLLEGE.fullTimeStudents": `s."tier" = 'TECHNICIAN_COLLEGE' AND s."fullTimeStudents" < 3000`,
  "below.TECHNICIAN_COLLEGE.trainingPersonTimes": `s."tier" = 'TECHNICIAN_COLLEGE' AND s."trainingPersonTimes" < 2000`,
  "below.SENIOR_TECHNICAL_SCHOOL.campusArea": `s."tier" = 'SENIOR_TECHNICAL_SCHOOL' AND s."campusArea" < 66000`,
  "below.TECHNICAL_SCHOOL.fullTimeStudents": `s."tier" = 'TECHNICAL_SCHOOL' AND s."fullTimeStudents" < 800`,
  "below.TECHNICAL_SCHOOL.trainingPersonTimes": `s."tier" = 'TECHNICAL_SCHOOL' AND s."trainingPersonTimes" < 800`,
  "below.TECHNICAL_SCHOOL.majorCount": `s."tier" = 'TECHNICAL_SCHOOL' AND s."majorCount" < 3`,
  "below.TECHNICAL_SCHOOL.campusArea": `s."tier" = 'TECHNICAL_SCHOOL' AND s."campusArea" < 30000`,
  "below.TECHNICAL_SCHOOL.buildingArea": `s."tier" = 'TECHNICAL_SCHOOL' AND s."buildingArea" < 18000`,
  "below.TECHNICAL_SCHOOL.equipmentValue": `s."tier" = 'TECHNICAL_SCHOOL' AND s."equipmentValue" < 300`,
};
const REQUIRED = `(s."divisionCode" IS NULL OR s."address" IS NULL OR s."uscc" IS NULL OR s."approvalDocNo" IS NULL OR s."approvalDate" IS NULL)`;
const DUPLICATE = `s."id" IN (
  SELECT id FROM (SELECT s."id", count(*) OVER (PARTITION BY s."divisionCode", s."nameZh") AS byName,
    count(*) OVER (PARTITION BY s."divisionCode", NULLIF(s."namePinyin", '')) AS byPinyin,
    count(*) OVER (PARTITION BY s."uscc") AS byUscc, s."divisionCode" AS d, s."namePinyin" AS p, s."uscc" AS u
    FROM "School" s WHERE ${REG}) w
  WHERE (d IS NOT NULL AND byName > 1) OR (d IS NOT NULL AND p <> '' AND byPinyin > 1) OR (u IS NOT NULL AND byUscc > 1))`;
const QUARTER = `to_char(date_trunc('quarter', s."lastConfirmedAt" AT TIME ZONE 'Asia/Shanghai'), 'YYYY"Q"Q')`;

function conditionOf(key: string, quarters: string[]): string {
  const [kind, rest] = [key.split(".")[0], key.split(".").slice(1).join(".")];
  if (kind === "missing") return `s."${rest}" IS NULL`;
  if (kind === "below") return THRESHOLDS[key];
  if (key === "stale") return `(s."lastConfirmedAt" IS NULL OR s."lastConfirmedAt" < $1::timestamptz - interval '12 months')`;
  if (key === "noMajors") return `NOT EXISTS (SELECT 1 FROM "SchoolMajor" m WHERE m."schoolId" = s."id")`;
  if (key === "missingRequired") return REQUIRED;
  if (key === "duplicates") return DUPLICATE;
  if (key === "belowAny") return `((${Object.values(THRESHOLDS).join(") OR (")}))`;
  if (key === "problems") return `(${REQUIRED} OR ${DUPLICATE} OR ((${Object.values(THRESHOLDS).join(") OR (")})))`;
  if (key === "confirmed.never") return `s."lastConfirmedAt" IS NULL`;
  if (key === "confirmed.earlier") return `s."lastConfirmedAt" IS NOT NULL AND ${QUARTER} NOT IN (${quarters.map((q) => `'${q}'`).join(",")})`;
  if (kind === "confirmed") return `${QUARTER} = '${rest}'`;
  throw new Error(`no independent SQL for ${key}`);
}

async function idsOf(key: string, quarters: string[], authorityId?: string): Promise<string[]> {
  const where = [REG, conditionOf(key, quarters), authorityId ? `s."authorityId" = '${authorityId}'` : "TRUE"].join(" AND ");
  const rows = await t.client.$queryRawUnsafe<{ id: string }[]>(
    `SELECT s."id" FROM "School" s WHERE ${where} AND $1::timestamptz IS NOT NULL ORDER BY s."id"`,
    now,
  );
  return rows.map((r) => r.id);
}

async function asUser(user: SessionUser, authority?: string) {
  signInAs(user);
  return loadQuality(authority);
}
const quartersOf = (keys: string[]) => keys.filter((k) => /^confirmed\.\d{4}Q\d$/.test(k)).map((k) => k.slice("confirmed.".length));

describe("data quality: the page's numbers are the database's", () => {
  it("nationally, every authority side by side, each number equals an independent count", async () => {
    const data = await asUser(testUsers.ministry);
    expect(data.rows.map((r) => r.id)).toEqual(["guangdong", "zhejiang", "beijing", "shanghai"]);
    const keys = data.measures.map((m) => m.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "stale",
        "noMajors",
        "duplicates",
        "missingRequired",
        "problems",
        "missing.uscc",
        "confirmed.never",
        "below.TECHNICAL_SCHOOL.campusArea",
      ]),
    );
    const quarters = quartersOf(keys);
    expect(quarters).toHaveLength(8);
    for (const row of data.rows) {
      const [{ n }] = await t.client.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "School" s WHERE ${REG} AND s."authorityId" = $1`,
        row.id,
      );
      expect(row.total).toBe(n);
      for (const key of keys) expect([row.id, key, row.counts[key]]).toEqual([row.id, key, (await idsOf(key, quarters, row.id)).length]);
      // The quarters are disjoint and cover every record on the register.
      expect(keys.filter((k) => k.startsWith("confirmed.")).reduce((sum, k) => sum + row.counts[k], 0)).toBe(row.total);
    }
    // The fixture makes each kind of finding real (so the comparisons above compare something).
    const gd = data.rows[0].counts;
    expect([
      gd.duplicates,
      gd["below.TECHNICAL_SCHOOL.campusArea"],
      gd["below.TECHNICAL_SCHOOL.fullTimeStudents"],
      gd["below.TECHNICAL_SCHOOL.equipmentValue"],
    ]).toEqual([2, 1, 1, 0]);
    expect(gd["below.TECHNICAL_SCHOOL.equipmentValue"]).toBe(0);
    expect(data.rows[1].counts.duplicates).toBe(0);
    expect(gd.noMajors).toBe(data.rows[0].total - 1);
  });

  it("shows the annual confirmation's progress by province, the very figures of the campaign page", async () => {
    expect((await asUser(testUsers.ministry)).campaign).toEqual({ campaign: null, ended: true, progress: [] });
    const openedAt = addDays(now, -30);
    await t.client.confirmationCampaign.create({ data: { id: "q-camp", year: 2099, deadline: addDays(now, 30), openedAt, openedById: "u-ministry" } });
    try {
      const national = (await asUser(testUsers.ministry)).campaign;
      expect(national.ended).toBe(false);
      signInAs(testUsers.ministry);
      expect(national.progress).toEqual((await loadCampaign()).progress);
      for (const row of national.progress) {
        const [{ total, confirmed }] = await t.client.$queryRawUnsafe<{ total: number; confirmed: number }[]>(
          `SELECT count(*)::int AS total, (count(*) FILTER (WHERE s."lastConfirmedAt" >= $2))::int AS confirmed FROM "School" s WHERE ${REG} AND s."authorityId" = $1`,
          row.id,
          openedAt,
        );
        expect([row.id, row.total, row.confirmed]).toEqual([row.id, total, confirmed]);
      }
      expect((await asUser(testUsers.gdOfficer)).campaign.progress.map((r) => r.id)).toEqual(["guangdong"]);
    } finally {
      await t.client.confirmationCampaign.delete({ where: { id: "q-camp" } });
    }
  });

  it("an officer gets their own authority's numbers, the same as the ministry's for it; another authority is refused", async () => {
    const national = await asUser(testUsers.ministry);
    const gd = await asUser(testUsers.gdOfficer);
    expect(gd.rows.map((r) => r.id)).toEqual(["guangdong"]);
    expect(gd.rows[0]).toEqual(national.rows[0]);
    const chosen = await asUser(testUsers.ministry, "guangdong");
    expect(chosen.rows).toEqual(gd.rows);
    await expect(asUser(testUsers.gdOfficer, "zhejiang")).rejects.toThrow();
    signInAs(testUsers.expert);
    await expect(loadQualityList("stale")).rejects.toThrow();
  });

  it("each drill-down lists exactly the records its number counts, per authority and nationally", async () => {
    const data = await asUser(testUsers.ministry);
    const quarters = quartersOf(data.measures.map((m) => m.key));
    for (const { key } of data.measures) {
      for (const authority of [undefined, "guangdong", "zhejiang"]) {
        const list = await loadQualityList(key, authority);
        const expected = await idsOf(key, quarters, authority);
        expect([key, authority, list.rows.map((r) => r.id).sort()]).toEqual([key, authority, expected.sort()]);
        expect(list.total).toBe(expected.length);
        const count = authority ? data.rows.find((r) => r.id === authority)!.counts[key] : data.rows.reduce((n, r) => n + r.counts[key], 0);
        expect(list.total).toBe(count);
      }
    }
    signInAs(testUsers.zjOfficer);
    const own = await loadQualityList("missingRequired");
    expect(own.rows.every((r) => r.authority.id === "zhejiang")).toBe(true);
    await expect(loadQualityList("missingRequired", "guangdong")).rejects.toThrow();
  });

  it("the inbox items count and list by the same measures: the officer's own, the ministry's authorities behind", async () => {
    const page = (await asUser(testUsers.gdOfficer)).rows[0].counts;
    const inbox = await loadInbox();
    const item = (key: string) => inbox.items.find((i) => i.key === key)!;
    expect([item("belowStandard").count, item("missingRequired").count, item("duplicates").count]).toEqual([
      page.belowAny,
      page.missingRequired,
      page.duplicates,
    ]);
    expect(
      item("duplicates")
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual(["q-gd-a", "q-gd-b"]);
    expect(item("belowStandard").href).toBe("/console/quality/belowAny");
    const national = await asUser(testUsers.ministry);
    const ministry = await loadInbox();
    const behind = ministry.items.find((i) => i.key === "qualityByAuthority")!;
    const expected = national.rows.filter((r) => r.counts.problems > 0).sort((a, b) => b.counts.problems - a.counts.problems || a.id.localeCompare(b.id));
    expect(behind.rows.map((r) => [r.id, r.note?.params?.n])).toEqual(expected.map((r) => [r.id, r.counts.problems]));
    expect(behind.rows[0].href).toBe(`/console/quality/problems?authority=${expected[0].id}`);
  });
});
