import { describe, expect, it } from "vitest";
import { createSchoolFormSchema, editSchoolFormSchema } from "@/lib/schools/form-schema";
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
    const out = editSchoolFormSchema.parse({ id: "s1", version: "3", ownership: "PUBLIC", sponsorType: "ENTERPRISE", nameZh: "改名", tier: "TECHNICIAN_COLLEGE" });
    expect(out).not.toHaveProperty("nameZh");
    expect(out).not.toHaveProperty("tier");
    expect(out.version).toBe(3);
  });
});
