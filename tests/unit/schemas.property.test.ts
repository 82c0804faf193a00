import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as accounts from "@/lib/accounts/schema";
import { securityPolicySchema } from "@/lib/accounts/policy";
import * as accountRequests from "@/lib/accounts/requests/schema";
import { credentialsSchema } from "@/lib/accounts/sign-in";
import { auditFilterSchema } from "@/lib/audit/schema";
import * as schoolChanges from "@/lib/school-changes/schema";
import * as schoolMajors from "@/lib/school-majors/schema";
import * as schoolForms from "@/lib/schools/form-schema";
import { schoolListFiltersSchema } from "@/lib/schools/list-filters";
import * as schools from "@/lib/schools/schema";
import * as selection from "@/lib/selection/schema";
import { parseInput } from "@/lib/actions/result";
import { fieldIssues } from "@/lib/validation/issues";
import { hostileRecord, hostileString, hostileValue, prototypePolluted, stringsIn, VALIDATION_KEYS } from "@/tests/support/hostile-input";

/**
 * Every input schema of the server actions and forms, fed random and malicious input:
 * it never throws, a refusal names fields with catalog keys, an acceptance is normalised and
 * carries nothing but the schema's own keys, and no prototype is polluted.
 */
const RUNS = Number(process.env.FC_RUNS ?? 60);

const school = {
  nameZh: "广州市示例技师学院",
  tier: "TECHNICIAN_COLLEGE",
  ownership: "PUBLIC",
  sponsorType: "HR_DEPARTMENT",
  authorityId: "guangdong",
  website: "https://www.example.edu.cn",
  fullTimeStudents: "6200",
  approvalDate: "2020-03-15",
};
/** A valid input for each schema where one is easy to write (the others start from {}). */
const bases: Record<string, Record<string, unknown>> = {
  schoolFieldsSchema: school,
  createSchoolSchema: school,
  updateSchoolSchema: { ...school, id: "s1", version: "3" },
  createSchoolFormSchema: { ...school, altNames: "旧名一\n旧名二" },
  editSchoolFormSchema: { ownership: "PUBLIC", sponsorType: "HR_DEPARTMENT", id: "s1", version: "1" },
  confirmSchoolSchema: { id: "s1", version: "1" },
  statusChangeSchema: { schoolId: "s1", version: "1", toStatus: "RECTIFYING", reasonCode: "x", documentNo: "粤人社〔2026〕1号", effectiveDate: "2026-01-02" },
  tierChangeSchema: { schoolId: "s1", version: "1", toTier: "TECHNICIAN_COLLEGE", approvalDate: "2026-01-01", effectiveDate: "2026-01-02" },
  renameSchema: { schoolId: "s1", version: "1", newNameZh: "广州市新名技师学院", documentNo: "文号1", effectiveDate: "2026-01-02" },
  addSchoolMajorSchema: { schoolId: "s1", majorId: "m1", level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: "3" },
  changeSchoolMajorStatusSchema: { schoolMajorId: "sm1", fromStatus: "FILED", toStatus: "ENROLLING", note: "说明" },
  createAccountSchema: { username: "gd-officer2", displayName: "广东 officer", role: "PROVINCE_OFFICER", authorityId: "guangdong" },
  changePasswordSchema: { currentPassword: "Old#password2026", newPassword: "New#password2026x", confirmPassword: "New#password2026x" },
  objectionSchema: { applicationId: "a1", name: "张三", contact: "13800000000", text: "这是一条足够长的异议内容说明。" },
  credentialsSchema: { username: "admin", password: "Admin#2026demo" },
};

function schemasOf(mod: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(mod).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType && /Schema$/.test(e[0]));
}
const all: [string, z.ZodType][] = [
  ...schemasOf(schools),
  ...schemasOf(schoolForms),
  ...schemasOf(schoolChanges),
  ...schemasOf(schoolMajors),
  ...schemasOf(selection),
  ...schemasOf(accounts),
  ...schemasOf(accountRequests),
  ["securityPolicySchema", securityPolicySchema],
  ["credentialsSchema", credentialsSchema],
  ["auditFilterSchema", auditFilterSchema],
  ["schoolListFiltersSchema", schoolListFiltersSchema],
];

/** The object keys a schema reads (through refinements, pipes and preprocessing). */
function shapeKeys(s: z.ZodType): string[] | null {
  const def = (s as unknown as { def: Record<string, unknown> }).def;
  if ("shape" in s && s.shape && typeof s.shape === "object") return Object.keys(s.shape as object);
  if (def?.type === "pipe") return shapeKeys(def.in as z.ZodType);
  return null;
}

afterAll(() => expect(prototypePolluted()).toBe(false));

describe("every action/form schema under hostile input", () => {
  it("covers the schemas it should (a new schema file export is picked up)", () => {
    expect(all.length).toBeGreaterThan(35);
  });

  for (const [name, schema] of all) {
    const keys = shapeKeys(schema) ?? [];
    it(`${name}: never throws; refusals name its fields with catalog keys; acceptances carry only its keys`, () => {
      fc.assert(
        fc.property(fc.oneof(hostileRecord(bases[name] ?? {}, keys), hostileValue), (input) => {
          const r = schema.safeParse(input);
          if (!r.success) {
            const issues = fieldIssues(r.error);
            expect(Object.keys(issues).length).toBeGreaterThan(0);
            for (const [field, list] of Object.entries(issues)) {
              if (keys.length && field !== "_form") expect(keys, `${name}: issue on unknown field ${field}`).toContain(field.split(".")[0]);
              for (const i of list) expect(VALIDATION_KEYS, `${name}.${field}: message key ${i.key}`).toContain(i.key);
            }
            return;
          }
          if (r.data && typeof r.data === "object" && keys.length) {
            for (const k of Object.keys(r.data)) expect(keys).toContain(k);
            expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
          }
          expect(prototypePolluted()).toBe(false);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("school schema: what is accepted is normalised", () => {
  const fields = Object.keys(schools.schoolFieldsSchema.shape);
  it("accepted strings are trimmed, within their limits, and parsing the output again changes nothing", () => {
    fc.assert(
      fc.property(hostileRecord(school, fields), (input) => {
        const r = schools.createSchoolSchema.safeParse(input);
        if (!r.success) return;
        for (const s of stringsIn(r.data)) expect(s).toBe(s.trim());
        expect(r.data.nameZh.length).toBeGreaterThanOrEqual(4);
        expect(r.data.nameZh.length).toBeLessThanOrEqual(60);
        if (r.data.website) expect(r.data.website).toMatch(/^https?:\/\//);
        for (const n of [r.data.fullTimeStudents, r.data.teachers, r.data.campusArea])
          if (n !== null && n !== undefined) expect(Number.isInteger(n) && n >= 0).toBe(true);
        expect(schools.createSchoolSchema.parse(r.data)).toEqual(r.data);
      }),
      { numRuns: 200 },
    );
  });

  it("a 100k-character name, address or note is refused as too long, not accepted cut", () => {
    for (const v of ["院".repeat(100_000), `${"x".repeat(100_000)}  `]) {
      for (const f of ["nameZh", "nameEn", "address", "sponsorName", "approvalDocNo", "contactName"]) {
        const r = schools.createSchoolSchema.safeParse({ ...school, [f]: v });
        expect(r.success).toBe(false);
        expect(fieldIssues(r.error!)[f]?.[0]?.key).toBe("tooLong");
      }
    }
  });

  it("numbers as strings: digits are coerced, anything else is a field issue (never 0 for blank)", () => {
    fc.assert(
      fc.property(fc.constantFrom("fullTimeStudents", "teachers", "equipmentValue"), hostileString, (f, v) => {
        const r = schools.createSchoolSchema.safeParse({ ...school, [f]: v });
        if (r.success) {
          const n = (r.data as Record<string, unknown>)[f];
          if (v.trim() === "") expect(n).toBeNull();
          else expect(Number(v)).toBe(n);
        } else expect(Object.keys(fieldIssues(r.error))).toEqual([f]);
      }),
      { numRuns: 200 },
    );
  });

  it("a __proto__ key in the input is dropped, never copied onto the result's prototype", () => {
    const input = JSON.parse(
      `{"nameZh":"广州市示例技师学院","tier":"TECHNICIAN_COLLEGE","ownership":"PUBLIC","sponsorType":"HR_DEPARTMENT","authorityId":"guangdong","__proto__":{"polluted":1,"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}`,
    );
    const r = schools.createSchoolSchema.parse(input);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect((r as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypePolluted()).toBe(false);
  });
});

describe("parseInput (every server action): NUL never reaches the database", () => {
  it("property: a NUL anywhere in a text field is a field issue (controlCharacter) on that field", () => {
    const fd = fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.constantFrom("nameZh", "address", "sponsorName", "altNames"), fd, (field, [a, b]) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(school)) form.set(k, v);
        form.set(field, `${a}\u0000${b}`);
        try {
          parseInput(schools.createSchoolSchema, form);
          expect.unreachable("accepted a NUL");
        } catch (e) {
          expect(e).toBeInstanceOf(z.ZodError);
          expect(fieldIssues(e as z.ZodError)).toEqual({ [field]: [{ key: "controlCharacter", params: {} }] });
        }
      }),
      { numRuns: 50 },
    );
  });

  it("counterexample kept: 'abcd\\u0000efgh' as a school name passed the schema and failed in PostgreSQL (22021) with a 500", () => {
    // Names now refuse control characters in the schema itself; parseInput's own NUL check covers every other text field.
    expect(() => parseInput(schools.createSchoolSchema, { ...school, nameZh: "abcd\u0000efgh" })).toThrow(z.ZodError);
    // Every free-text field now refuses it in the schema too (lib/validation/safe-text.ts); parseInput stays the net for the rest.
    expect(schools.createSchoolSchema.safeParse({ ...school, address: "abcd\u0000efgh" }).success).toBe(false);
    expect(() => parseInput(schools.createSchoolSchema, { ...school, address: "abcd\u0000efgh" })).toThrow(z.ZodError);
    expect(() => parseInput(selection.saveApplicationSchema, { evidenceLinks: ["https://a.example/\u0000"] })).toThrow(z.ZodError);
  });
});
