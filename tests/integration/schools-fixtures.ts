import type { PrismaClient } from "@/lib/db/generated/client";
import { schoolFormValues } from "@/lib/schools/form-values";
import { withCheckChar } from "@/lib/schools/uscc";
import { makeReference } from "../factories";
import { formData } from "../support/form";
import { testUsers } from "../support/session";
import { fileTestDb } from "../support/test-db";

/** Reference rows the school tests need: two authorities with a city each, and the test users. */
export async function seedSchoolReference(client: PrismaClient) {
  await makeReference(client, ["guangdong", "zhejiang"], ["440100", "440300", "330100"]);
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

/** This file's database with the school reference rows (tests/support/test-db.ts fileTestDb). */
export const schoolTestDb = () => fileTestDb(seedSchoolReference);

/** A valid, clearly invented credit code (prefix 12 = public institution) from a serial number. */
export function fakeUscc(n: number, prefix = "12"): string {
  return withCheckChar(`${prefix}440100MB${String(n).padStart(7, "0")}`);
}

/** A form as the create page submits it (strings, blanks for empty fields). */
export function createForm(over: Record<string, string> = {}): FormData {
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
  return formData({ ...base, ...over });
}

/** The edit form for a school row as the edit page prefills it (lib/schools/form-values.ts), with overrides. */
export function editForm(row: Record<string, unknown>, over: Record<string, string> = {}): FormData {
  return formData({ id: String(row.id), version: String(row.version), ...schoolFormValues(row), ...over });
}
