import type { PrismaClient } from "@/lib/db/generated/client";
import { withCheckChar } from "@/lib/schools/uscc";
import { testUsers } from "../support/session";

/** Reference rows the school tests need: two authorities with a city each, and the test users. */
export async function seedSchoolReference(client: PrismaClient) {
  await client.authority.createMany({
    data: [
      { id: "guangdong", gbCode: "440000", nameZh: "广东省", nameEn: "Guangdong", shortZh: "广东", kind: "PROVINCE", sortOrder: 19 },
      { id: "zhejiang", gbCode: "330000", nameZh: "浙江省", nameEn: "Zhejiang", shortZh: "浙江", kind: "PROVINCE", sortOrder: 11 },
    ],
  });
  await client.division.createMany({
    data: [
      { code: "440100", nameZh: "广州市", nameEn: "Guangzhou", authorityId: "guangdong" },
      { code: "440300", nameZh: "深圳市", nameEn: "Shenzhen", authorityId: "guangdong" },
      { code: "330100", nameZh: "杭州市", nameEn: "Hangzhou", authorityId: "zhejiang" },
    ],
  });
  await client.user.createMany({
    data: Object.values(testUsers).map((u) => ({
      id: u.id,
      username: u.username,
      passwordHash: "x",
      displayName: u.displayName,
      role: u.role,
      authorityId: u.authorityId,
    })),
  });
}

/** A valid, clearly invented credit code (prefix 12 = public institution) from a serial number. */
export function fakeUscc(n: number, prefix = "12"): string {
  return withCheckChar(`${prefix}440100MB${String(n).padStart(7, "0")}`);
}

/** A form as the create page submits it (strings, blanks for empty fields). */
export function createForm(over: Record<string, string> = {}): FormData {
  const fd = new FormData();
  const base: Record<string, string> = {
    nameZh: "广州市测试技工学校",
    nameEn: "",
    altNames: "",
    tier: "TECHNICAL_SCHOOL",
    status: "OPERATING",
    ownership: "PUBLIC",
    sponsorType: "HR_DEPARTMENT",
    sponsorName: "广州市人社局",
    authorityId: "guangdong",
    divisionCode: "440100",
    address: "",
    website: "",
    uscc: fakeUscc(1),
    approvalDocNo: "粤人社函〔2020〕1号",
    approvalDate: "2020-06-01",
    establishedDate: "2020-09-01",
    figuresYear: "2025",
    fullTimeStudents: "500",
    trainingPersonTimes: "900",
    campusArea: "",
    buildingArea: "",
    equipmentValue: "",
    teachers: "60",
    majorCount: "5",
    contactName: "",
    contactPhone: "",
  };
  for (const [k, v] of Object.entries({ ...base, ...over })) fd.set(k, v);
  return fd;
}

/** The edit form for a school row as the edit page would prefill it, with overrides. */
export function editForm(row: Record<string, unknown>, over: Record<string, string> = {}): FormData {
  const fields = [
    "nameEn",
    "ownership",
    "sponsorType",
    "sponsorName",
    "divisionCode",
    "address",
    "website",
    "uscc",
    "approvalDocNo",
    "figuresYear",
    "fullTimeStudents",
    "trainingPersonTimes",
    "campusArea",
    "buildingArea",
    "equipmentValue",
    "teachers",
    "majorCount",
    "contactName",
    "contactPhone",
  ];
  const fd = new FormData();
  fd.set("id", String(row.id));
  fd.set("version", String(row.version));
  for (const f of fields) fd.set(f, row[f] == null ? "" : String(row[f]));
  fd.set("altNames", ((row.altNames as string[]) ?? []).join("\n"));
  for (const f of ["approvalDate", "establishedDate"]) fd.set(f, row[f] instanceof Date ? (row[f] as Date).toISOString().slice(0, 10) : "");
  for (const [k, v] of Object.entries(over)) fd.set(k, v);
  return fd;
}
