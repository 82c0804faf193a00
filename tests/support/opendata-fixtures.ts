import type { PrismaClient } from "@/lib/db/generated/client";
import { makeReference } from "../factories";

/**
 * A small registry for the open-data tests: two authorities, two cities, a catalogue edition,
 * three schools (with their create audit events, as the registration mutations write them),
 * majors offered, designations and one official change. Dates are fixed so outputs are stable.
 */
export const T0 = new Date("2026-01-10T02:00:00Z");

export async function seedOpenData(c: PrismaClient) {
  await makeReference(c, ["guangdong", "zhejiang"], ["440300", "440100", "330100"]);
  await c.majorCatalogEdition.create({
    data: { id: "ed1", code: "demo-2026", nameZh: "专业目录（演示）", nameEn: "Catalogue (demo)", isCurrent: true, isDemo: true },
  });
  await c.majorCategory.create({ data: { id: "cat1", editionId: "ed1", code: "D01", nameZh: "机械类", nameEn: "Machinery" } });
  await c.major.createMany({
    data: [
      { id: "m1", editionId: "ed1", categoryId: "cat1", code: "D0101", nameZh: "数控加工（数控车工）", nameEn: "CNC turning" },
      { id: "m2", editionId: "ed1", categoryId: "cat1", code: "D0102", nameZh: "=焊接加工", nameEn: "Welding" },
    ],
  });
  const schools = [
    {
      id: "s-sz",
      publicCode: "SZJS234V",
      nameZh: "深圳技师学院",
      namePinyin: "shenzhenjishixueyuan",
      nameInitials: "szjsxy",
      tier: "TECHNICIAN_COLLEGE",
      authorityId: "guangdong",
      divisionCode: "440300",
      contactPhone: "0755-1234567",
      contactName: "张三",
    },
    {
      id: "s-gz",
      publicCode: "GZGM235Y",
      nameZh: "广州市工贸技师学院",
      namePinyin: "guangzhoushigongmaojishixueyuan",
      nameInitials: "gzsgmjsxy",
      tier: "TECHNICIAN_COLLEGE",
      authorityId: "guangdong",
      divisionCode: "440100",
      contactPhone: null,
      contactName: null,
    },
    {
      id: "s-hz",
      publicCode: "HZQC236V",
      nameZh: "杭州汽车高级技工学校",
      namePinyin: "hangzhouqichegaojijigongxuexiao",
      nameInitials: "hzqcgjjgxx",
      tier: "SENIOR_TECHNICAL_SCHOOL",
      authorityId: "zhejiang",
      divisionCode: "330100",
      contactPhone: null,
      contactName: null,
    },
  ] as const;
  for (const s of schools) {
    await c.school.create({
      data: {
        ...s,
        ownership: "PUBLIC",
        sponsorType: "HR_DEPARTMENT",
        establishedDate: new Date("1990-09-01T00:00:00Z"),
        status: "OPERATING",
        createdAt: T0,
        isDemo: true,
      },
    });
    const { contactPhone: _p, contactName: _n, id, publicCode: _c, namePinyin: _py, nameInitials: _in, ...registrable } = s;
    await c.auditEvent.create({
      data: {
        at: T0,
        actorLabel: "seed",
        action: "school.create",
        entityType: "School",
        entityId: id,
        authorityId: s.authorityId,
        after: {
          ...registrable,
          ownership: "PUBLIC",
          sponsorType: "HR_DEPARTMENT",
          establishedDate: "1990-09-01",
          status: "OPERATING",
          contactPhone: s.contactPhone,
        },
        source: "seed",
      },
    });
  }
  await c.schoolMajor.create({
    data: { id: "sm1", schoolId: "s-sz", majorId: "m1", level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5, status: "ENROLLING" },
  });
  await c.designation.createMany({
    data: [
      {
        id: "d1",
        schoolId: "s-sz",
        kind: "QUALITY_SCHOOL",
        level: "NATIONAL",
        status: "ACTIVE",
        startDate: new Date("2022-01-01T00:00:00Z"),
        title: "优质技工院校",
        isDemo: true,
      },
      {
        id: "d2",
        schoolId: "s-hz",
        kind: "KEY_SCHOOL",
        level: "PROVINCIAL",
        status: "EXPIRED",
        startDate: new Date("2010-01-01T00:00:00Z"),
        endDate: new Date("2015-12-31T00:00:00Z"),
        isDemo: true,
      },
    ],
  });
  await c.schoolChange.create({
    data: {
      id: "c1",
      schoolId: "s-gz",
      kind: "RENAME",
      effectiveDate: new Date("2025-06-01T00:00:00Z"),
      fromName: "广州市工贸高级技工学校",
      toName: "广州市工贸技师学院",
      documentNo: "粤人社函〔2025〕1号",
      note: "内部备注",
      createdAt: new Date("2026-01-11T00:00:00Z"),
    },
  });
}

/** An edit of one school, as the edit mutation records it: the row (version +1) and a school.update event. */
export async function editSchool(c: PrismaClient, id: string, changes: Record<string, string | null>, at = new Date()) {
  const before = await c.school.findUniqueOrThrow({ where: { id } });
  await c.school.update({ where: { id }, data: { ...changes, version: { increment: 1 } } });
  await c.auditEvent.create({
    data: {
      at,
      actorLabel: "test",
      action: "school.update",
      entityType: "School",
      entityId: id,
      authorityId: before.authorityId,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k] ?? null])) as object,
      after: changes,
    },
  });
}
