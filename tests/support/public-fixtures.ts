import type { PrismaClient } from "@/lib/db/generated/client";
import { schoolNamePinyin } from "@/lib/schools/pinyin";
import { makePublicCode } from "@/lib/schools/public-code";
import type { SchoolTier, SchoolStatus } from "@/lib/kernel/enums";
import { makeReference } from "../factories";

/**
 * A small public registry for the public search / school page / verify tests: two authorities,
 * four cities, a catalogue edition, five schools with majors, designations and a lineage.
 */
export type PublicFixture = Awaited<ReturnType<typeof seedPublicFixture>>;

let codeSeed = 1;
const seededRandom = () => {
  codeSeed = (codeSeed * 16807) % 2147483647;
  return (codeSeed - 1) / 2147483646;
};

type SchoolInput = {
  nameZh: string;
  nameEn?: string;
  authorityId: string;
  divisionCode: string;
  tier: SchoolTier;
  status?: SchoolStatus;
  altNames?: string[];
  formerNames?: string[];
  established?: string;
  contactName?: string;
  contactPhone?: string;
  isDemo?: boolean;
};

export async function createFixtureSchool(client: PrismaClient, s: SchoolInput) {
  return client.school.create({
    data: {
      nameZh: s.nameZh,
      nameEn: s.nameEn ?? null,
      ...schoolNamePinyin(s.nameZh),
      publicCode: makePublicCode(seededRandom),
      altNames: s.altNames ?? [],
      formerNames: s.formerNames ?? [],
      tier: s.tier,
      tierSince: new Date("2015-06-01T00:00:00Z"),
      ownership: "PUBLIC",
      sponsorType: "HR_DEPARTMENT",
      authorityId: s.authorityId,
      divisionCode: s.divisionCode,
      address: "示例地址 1 号",
      website: "https://example.edu.cn",
      establishedDate: s.established ? new Date(`${s.established}T00:00:00Z`) : null,
      status: s.status ?? "OPERATING",
      statusSince: new Date("2015-06-01T00:00:00Z"),
      contactName: s.contactName ?? null,
      contactPhone: s.contactPhone ?? null,
      isDemo: s.isDemo ?? false,
    },
    select: { id: true, publicCode: true, nameZh: true, authorityId: true },
  });
}

export async function seedPublicFixture(client: PrismaClient) {
  await makeReference(client, ["guangdong", "zhejiang"], ["440100", "440300", "330100", "331000"]);
  const edition = await client.majorCatalogEdition.create({
    data: { code: "2018", nameZh: "技工院校专业目录（2018年修订）", nameEn: "Catalogue 2018", isCurrent: true },
  });
  const old = await client.majorCatalogEdition.create({ data: { code: "2013", nameZh: "旧目录", nameEn: "Old", isCurrent: false } });
  const cat = await client.majorCategory.create({ data: { editionId: edition.id, code: "01", nameZh: "机械类", nameEn: "Mechanical" } });
  const oldCat = await client.majorCategory.create({ data: { editionId: old.id, code: "01", nameZh: "机械类", nameEn: "Mechanical" } });
  const cnc = await client.major.create({ data: { editionId: edition.id, categoryId: cat.id, code: "0101", nameZh: "数控加工", nameEn: "CNC machining" } });
  const robot = await client.major.create({
    data: { editionId: edition.id, categoryId: cat.id, code: "0105", nameZh: "工业机器人应用与维护", nameEn: "Industrial robots" },
  });
  // Same code in an old edition: a filter by code must only use the current edition.
  const oldMajor = await client.major.create({ data: { editionId: old.id, categoryId: oldCat.id, code: "0109", nameZh: "旧专业", nameEn: "Old major" } });

  const shenzhen = await createFixtureSchool(client, {
    nameZh: "深圳技师学院",
    nameEn: "Shenzhen Institute of Technology",
    authorityId: "guangdong",
    divisionCode: "440300",
    tier: "TECHNICIAN_COLLEGE",
    formerNames: ["深圳市高级技工学校"],
    established: "1978-09-01",
    contactName: "张联系",
    contactPhone: "0755-12345678",
    isDemo: true,
  });
  const gzjd = await createFixtureSchool(client, {
    nameZh: "广州市机电技师学院",
    authorityId: "guangdong",
    divisionCode: "440100",
    tier: "TECHNICIAN_COLLEGE",
    established: "1956-03-01",
  });
  const gzold = await createFixtureSchool(client, {
    nameZh: "广州市第二技工学校",
    authorityId: "guangdong",
    divisionCode: "440100",
    tier: "TECHNICAL_SCHOOL",
    status: "MERGED",
    established: "1980-01-01",
  });
  const hz = await createFixtureSchool(client, {
    nameZh: "杭州技师学院",
    authorityId: "zhejiang",
    divisionCode: "330100",
    tier: "TECHNICIAN_COLLEGE",
    altNames: ["杭州市职业技术培训中心"],
    established: "1993-07-01",
  });
  const tz = await createFixtureSchool(client, {
    nameZh: "台州第一技师学院",
    authorityId: "zhejiang",
    divisionCode: "331000",
    tier: "SENIOR_TECHNICAL_SCHOOL",
  });
  await client.school.update({ where: { id: gzold.id }, data: { successorId: gzjd.id } });
  await client.schoolMajor.createMany({
    data: [
      { schoolId: shenzhen.id, majorId: cnc.id, level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5, status: "ENROLLING" },
      { schoolId: shenzhen.id, majorId: robot.id, level: "PRE_TECHNICIAN", startingPoint: "SENIOR_SECONDARY", years: 4, status: "ENROLLING" },
      { schoolId: hz.id, majorId: robot.id, level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3, status: "FILED" },
      { schoolId: tz.id, majorId: oldMajor.id, level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3, status: "FILED" },
    ],
  });
  await client.designation.createMany({
    data: [
      {
        schoolId: shenzhen.id,
        kind: "QUALITY_SCHOOL",
        level: "NATIONAL",
        status: "ACTIVE",
        startDate: new Date("2022-01-01T00:00:00Z"),
        endDate: new Date("2099-12-31T00:00:00Z"),
      },
      {
        schoolId: hz.id,
        kind: "QUALITY_SCHOOL",
        level: "NATIONAL",
        status: "ACTIVE",
        startDate: new Date("2019-01-01T00:00:00Z"),
        endDate: new Date("2020-12-31T00:00:00Z"),
      },
      { schoolId: hz.id, kind: "KEY_SCHOOL", level: "PROVINCIAL", status: "ACTIVE", startDate: new Date("2010-01-01T00:00:00Z") },
      { schoolId: gzjd.id, kind: "QUALITY_SCHOOL", level: "NATIONAL", status: "REVOKED", startDate: new Date("2022-01-01T00:00:00Z") },
    ],
  });
  await client.schoolChange.create({
    data: { schoolId: gzjd.id, kind: "MERGE", effectiveDate: new Date("2019-09-01T00:00:00Z"), relatedSchoolId: gzold.id, note: "内部备注：不公开" },
  });
  return { shenzhen, gzjd, gzold, hz, tz, majors: { cnc, robot, oldMajor } };
}
