import { describe, expect, it } from "vitest";
import { createSchoolFormSchema, editSchoolFormSchema } from "@/lib/schools/form-schema";
import { renameSchema } from "@/lib/school-changes/schema";
import { schoolFieldsSchema } from "@/lib/schools/schema";

const base = { nameZh: "广州市测试技工学校", tier: "TECHNICAL_SCHOOL", ownership: "PUBLIC", sponsorType: "HR_DEPARTMENT", authorityId: "guangdong" };

describe("school form schemas", () => {
  it("reads a blank figure or year as unknown (null), never as 0", () => {
    const out = schoolFieldsSchema.parse({ ...base, fullTimeStudents: "", campusArea: "  ", figuresYear: "", teachers: "12" });
    expect(out).toMatchObject({ fullTimeStudents: null, campusArea: null, figuresYear: null, teachers: 12 });
  });

  it("still refuses text and negative numbers with catalog keys", () => {
    const r = schoolFieldsSchema.safeParse({ ...base, fullTimeStudents: "abc", teachers: "-1", figuresYear: "1900" });
    expect(r.success).toBe(false);
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(msgs).toEqual({ fullTimeStudents: "validation.notANumber", teachers: "validation.negative", figuresYear: "validation.year" });
  });

  it("splits other names typed one per line or with commas", () => {
    expect(createSchoolFormSchema.parse({ ...base, altNames: "甲校\n乙校，丙校、 \n" }).altNames).toEqual(["甲校", "乙校", "丙校"]);
  });

  it("leaves name, tier and authority out of the edit form", () => {
    const out = editSchoolFormSchema.parse({
      id: "s1",
      version: "3",
      ownership: "PUBLIC",
      sponsorType: "ENTERPRISE",
      nameZh: "改名",
      tier: "TECHNICIAN_COLLEGE",
    });
    expect(out).not.toHaveProperty("nameZh");
    expect(out).not.toHaveProperty("tier");
    expect(out.version).toBe(3);
  });

  it("refuses names that carry invisible or text-direction characters, which make look-alike or backwards names", () => {
    const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    for (const bad of ["广州市\u202e测试技工学校", "广州市测试\u200b技工学校", "广州市\ufeff测试技工学校", "广州市测试\u2066技工学校"]) {
      expect(issue(schoolFieldsSchema.safeParse({ ...base, nameZh: bad }))).toEqual(["nameZh:validation.invisibleCharacter"]);
    }
    expect(issue(schoolFieldsSchema.safeParse({ ...base, nameEn: "Guangzhou\u200d Technical School", altNames: ["旧\u202d名"] }))).toEqual([
      "nameEn:validation.invisibleCharacter",
      "altNames.0:validation.invisibleCharacter",
    ]);
    const rename = renameSchema.safeParse({
      schoolId: "s1",
      version: "1",
      newNameZh: "新\u202e名称技工学校",
      documentNo: "粤人社函〔2026〕1号",
      effectiveDate: "2026-01-01",
    });
    expect(issue(rename)).toContain("newNameZh:validation.invisibleCharacter");
    // Ordinary Chinese, English and the middle dot of transliterated names stay accepted.
    expect(schoolFieldsSchema.safeParse({ ...base, nameZh: "新疆·伊犁技师学院", nameEn: "Yili Technician College" }).success).toBe(true);
  });
});
