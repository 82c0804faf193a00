import { describe, expect, it } from "vitest";
import { PUBLIC_FIELDS, PUBLIC_SCHOOL_FIELDS, publicFieldChanges } from "@/lib/public/fields";
import { EDITABLE_FIELDS, SCHOOL_PARTICULARS } from "@/lib/schools/form-schema";

/** The public field lists are the one whitelist of the public record, its history and the open-data changes. */
const INTERNAL = ["contactName", "contactPhone", "figuresYear", "fullTimeStudents", "teachers", "lastConfirmedById", "version", "namePinyin"];

describe("public fields", () => {
  it("hold no contact, figure or bookkeeping column", () => {
    for (const list of Object.values(PUBLIC_FIELDS)) for (const f of INTERNAL) expect(list).not.toContain(f);
  });

  it("show every particular the edit form changes", () => {
    for (const f of SCHOOL_PARTICULARS) {
      expect(PUBLIC_SCHOOL_FIELDS).toContain(f);
      expect(EDITABLE_FIELDS).toContain(f);
    }
  });

  it("reduce an audit event to the public fields it changed, in list order", () => {
    const before = { address: "旧地址", contactPhone: "0755-1", tier: "TECHNICAL_SCHOOL", website: null };
    const after = { contactPhone: "0755-2", address: "新地址", tier: "TECHNICAL_SCHOOL", website: "https://a.example.cn" };
    expect(publicFieldChanges("School", before, after)).toEqual([
      { name: "address", before: "旧地址", after: "新地址" },
      { name: "website", before: null, after: "https://a.example.cn" },
    ]);
    expect(publicFieldChanges("SchoolMajor", null, { years: 3, note: "x" })).toEqual([{ name: "years", before: null, after: 3 }]);
  });
});
