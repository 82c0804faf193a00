import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/roles";
import { testUsers } from "../support/session";

/** Rows the selection tests need: authorities, users (session users must exist as rows), schools, majors. */
export const experts = {
  gd: testUsers.expert,
  zj: { id: "u-expert2", username: "expert2", displayName: "专家二", role: "EXPERT", authorityId: "zhejiang" },
  bj: { id: "u-expert3", username: "expert3", displayName: "专家三", role: "EXPERT", authorityId: "beijing" },
  sh: { id: "u-expert4", username: "expert4", displayName: "专家四", role: "EXPERT", authorityId: "shanghai" },
} satisfies Record<string, SessionUser>;

export const S = {
  gd1: "s-gd1",
  gd2: "s-gd2",
  gd3: "s-gd3",
  gdDesignated: "s-gd4",
  gdTechSchool: "s-gd5",
  gdRectifying: "s-gd6",
  zj1: "s-zj1",
} as const;

export async function seedSelectionFixtures(c: PrismaClient) {
  const auths = [
    ["guangdong", "440000", "广东省", "Guangdong"],
    ["zhejiang", "330000", "浙江省", "Zhejiang"],
    ["beijing", "110000", "北京市", "Beijing"],
    ["shanghai", "310000", "上海市", "Shanghai"],
  ];
  await c.authority.createMany({
    data: auths.map(([id, gbCode, nameZh, nameEn], i) => ({
      id,
      gbCode,
      nameZh,
      nameEn,
      shortZh: nameZh.slice(0, 2),
      kind: "PROVINCE" as const,
      sortOrder: i + 1,
    })),
  });
  const users: SessionUser[] = [testUsers.admin, testUsers.ministry, testUsers.gdOfficer, testUsers.zjOfficer, testUsers.auditor, ...Object.values(experts)];
  await c.user.createMany({
    data: users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, authorityId: u.authorityId, passwordHash: "x" })),
  });
  const school = (id: string, nameZh: string, authorityId: string, tier = "TECHNICIAN_COLLEGE" as const, status = "OPERATING" as const) => ({
    id,
    publicCode: id.toUpperCase().replace(/-/g, ""),
    nameZh,
    tier,
    status,
    ownership: "PUBLIC" as const,
    sponsorType: "HR_DEPARTMENT" as const,
    authorityId,
  });
  await c.school.createMany({
    data: [
      school(S.gd1, "广州市工贸技师学院", "guangdong"),
      school(S.gd2, "广东省机械技师学院", "guangdong"),
      school(S.gd3, "深圳技师学院", "guangdong"),
      school(S.gdDesignated, "东莞技师学院", "guangdong"),
      { ...school(S.gdTechSchool, "茂名市高级技工学校", "guangdong"), tier: "SENIOR_TECHNICAL_SCHOOL" as const },
      { ...school(S.gdRectifying, "中山市技师学院", "guangdong"), status: "RECTIFYING" as const },
      school(S.zj1, "杭州技师学院", "zhejiang"),
    ],
  });
  await c.designation.create({
    data: { schoolId: S.gdDesignated, kind: "QUALITY_SCHOOL", level: "NATIONAL", startDate: new Date("2023-01-01T00:00:00Z"), batchLabel: "2023" },
  });
}

/** Batch settings as a form would send them (China time), window open around `now`. */
export function batchForm(over: Record<string, unknown> = {}) {
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
  const now = Date.now();
  return {
    year: "2025",
    nameZh: "2025年度优质技工院校（测试）",
    nameEn: "2025 quality schools (test)",
    kind: "SCHOOL",
    targetCount: "2",
    eligibleTiers: ["TECHNICIAN_COLLEGE"],
    eligibleStatuses: ["OPERATING"],
    defaultQuota: "1",
    windowOpensAt: fmt(new Date(now - 24 * 3600_000)),
    windowClosesAt: fmt(new Date(now + 10 * 24 * 3600_000)),
    noticeDays: "5",
    minExperts: "2",
    spreadThreshold: "15",
    ...over,
  };
}

export const INDICATORS = [
  { code: "Q1", nameZh: "办学条件", nameEn: "Conditions", weight: 50, maxScore: 10 },
  { code: "Q2", nameZh: "培养质量", nameEn: "Quality", weight: 50, maxScore: 20 },
];
