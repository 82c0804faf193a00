import type { SchoolMajorStatus, SchoolStatus, SchoolTier, StartingPoint, TrainingLevel } from "@/lib/kernel/enums";
import { canChangeMajorStatus, levelWarnings } from "@/lib/school-majors/rules";
import { addSchoolMajorSchema, schoolMajorStatusSchema } from "@/lib/school-majors/schema";
import { ON_REGISTER } from "@/lib/schools/rules";
import type { AuditValue } from "@/lib/schools/diff";
import { normaliseUscc } from "@/lib/schools/uscc";
import type { FieldIssues } from "@/lib/validation/issues";
import { schoolMajorColumns } from "./columns";
import { emptyCounts, type ChangeSample, type DryRun } from "./dry-run";
import { rowIssues, type RowIssue } from "./issues";
import { addIssue, addSchemaIssues, prepareRows, type PreparedRow } from "./prepare";
import type { ParsedRow } from "./read";

/**
 * The dry run of a file of school majors (院校专业): each row names a school (登记编号 or
 * 统一社会信用代码), a major of the current catalogue edition by code, a training level and a
 * starting point — together the key of a SchoolMajor — plus years and status. The rules of the
 * form (lib/school-majors/schema.ts, rules.ts, mutations.ts): years within bounds, a new major only
 * for a school on the register, status changes along the transition table, a level that does not
 * fit the tier is a warning (the upload's confirmation stands for the form's confirm box).
 * A new major may be imported as 备案 or directly as 招生 (existing enrolment being registered).
 */
export const schoolMajorRowSchema = addSchoolMajorSchema
  .pick({ level: true, startingPoint: true, years: true })
  .extend({ status: schoolMajorStatusSchema.nullish() });

export type SchoolRef = { id: string; authorityId: string; nameZh: string; tier: SchoolTier; status: SchoolStatus };
export type ExistingSchoolMajor = { id: string; years: number; status: SchoolMajorStatus };
export type MajorLookup = {
  schoolsById: Map<string, SchoolRef>;
  schoolsByUscc: Map<string, SchoolRef>;
  majorsByCode: Map<string, { id: string; nameZh: string }>;
  /** key: schoolMajorKey(...) */
  existing: Map<string, ExistingSchoolMajor>;
};

export const schoolMajorKey = (schoolId: string, majorId: string, level: string, startingPoint: string) => `${schoolId}|${majorId}|${level}|${startingPoint}`;

export type MajorCreatePlan = {
  row: number;
  schoolId: string;
  name: string;
  authorityId: string;
  majorId: string;
  level: TrainingLevel;
  startingPoint: StartingPoint;
  years: number;
  status: SchoolMajorStatus;
};
export type MajorUpdatePlan = {
  row: number;
  id: string;
  schoolId: string;
  majorId: string;
  name: string;
  authorityId: string;
  before: Record<string, AuditValue>;
  after: Record<string, AuditValue>;
  data: { years?: number; status?: SchoolMajorStatus };
};
export type SchoolMajorPlan = { creates: MajorCreatePlan[]; updates: MajorUpdatePlan[] };

export function prepareMajorRows(rows: ParsedRow[], fields: string[]): PreparedRow[] {
  return prepareRows(rows, schoolMajorColumns, fields, (values) => {
    if (typeof values.schoolUscc === "string") values.schoolUscc = normaliseUscc(values.schoolUscc);
    if (typeof values.majorCode === "string") values.majorCode = values.majorCode.trim();
  });
}

export function majorLookupKeys(prepared: PreparedRow[]) {
  const ids = new Set<string>();
  const usccs = new Set<string>();
  const codes = new Set<string>();
  for (const { values: v } of prepared) {
    if (typeof v.schoolId === "string") ids.add(v.schoolId);
    if (typeof v.schoolUscc === "string") usccs.add(v.schoolUscc);
    if (typeof v.majorCode === "string") codes.add(v.majorCode);
  }
  return { ids: [...ids], usccs: [...usccs], codes: [...codes] };
}

const NEW_STATUSES: SchoolMajorStatus[] = ["FILED", "ENROLLING"];

export function validateMajorRows(prepared: PreparedRow[], fields: string[], scopeAuthorityId: string | null, lookup: MajorLookup): DryRun<SchoolMajorPlan> {
  const out: RowIssue[] = [];
  const counts = emptyCounts();
  const plan: SchoolMajorPlan = { creates: [], updates: [] };
  const sample: ChangeSample[] = [];
  const seen = new Map<string, number>();
  const present = new Set(fields);

  for (const p of prepared) {
    const v = p.values;
    const issues: FieldIssues = structuredClone(p.issues);
    let school: SchoolRef | null = null;
    const schoolField = typeof v.schoolId === "string" ? "schoolId" : typeof v.schoolUscc === "string" ? "schoolUscc" : null;
    if (!schoolField) addIssue(issues, present.has("schoolId") ? "schoolId" : "schoolUscc", { key: "importSchoolRequired" });
    else {
      const found = schoolField === "schoolId" ? lookup.schoolsById.get(v.schoolId as string) : lookup.schoolsByUscc.get(v.schoolUscc as string);
      if (!found) addIssue(issues, schoolField, { key: "importSchoolNotFound" });
      else if (scopeAuthorityId && found.authorityId !== scopeAuthorityId) addIssue(issues, schoolField, { key: "importSchoolOtherAuthority" });
      else school = found;
    }
    const code = typeof v.majorCode === "string" ? v.majorCode : null;
    const major = code ? lookup.majorsByCode.get(code) : undefined;
    if (!code) addIssue(issues, "majorCode", { key: "required" });
    else if (!major) addIssue(issues, "majorCode", { key: "importMajorUnknown", params: { code } });

    for (const f of ["level", "startingPoint", "years"]) if ((v[f] === null || v[f] === undefined) && !issues[f]) addIssue(issues, f, { key: "required" });
    const given = Object.fromEntries(Object.entries(v).filter(([k]) => !issues[k]));
    const parsed = schoolMajorRowSchema.safeParse(given);
    if (!parsed.success) addSchemaIssues(issues, parsed.error);

    let existing: ExistingSchoolMajor | undefined;
    if (parsed.success && school && major) {
      const key = schoolMajorKey(school.id, major.id, parsed.data.level, parsed.data.startingPoint);
      if (seen.has(key)) addIssue(issues, "majorCode", { key: "importDuplicateInFile", params: { row: seen.get(key)! } });
      else seen.set(key, p.row);
      existing = lookup.existing.get(key);
      const status = parsed.data.status;
      if (existing && status && status !== existing.status && !canChangeMajorStatus(existing.status, status)) {
        addIssue(issues, "status", { key: "importMajorStatusTransition", params: { from: existing.status, to: status } });
      }
      if (!existing && status && !NEW_STATUSES.includes(status)) addIssue(issues, "status", { key: "importMajorStatusOnCreate" });
      if (!existing && !ON_REGISTER.includes(school.status)) addIssue(issues, schoolField!, { key: "schoolNotOnRegister" });
    }

    if (Object.keys(issues).length) {
      counts.error++;
      out.push(...rowIssues("schoolMajors", p.row, issues, p.raw));
      continue;
    }
    const d = parsed.data!;
    const s = school!;
    const warnings = rowIssues("schoolMajors", p.row, levelWarnings(s.tier, d.level), p.raw, "warning");
    if (!existing) {
      counts.create++;
      plan.creates.push({
        row: p.row,
        schoolId: s.id,
        name: `${s.nameZh} · ${major!.nameZh}`,
        authorityId: s.authorityId,
        majorId: major!.id,
        level: d.level,
        startingPoint: d.startingPoint,
        years: d.years,
        status: d.status ?? "FILED",
      });
      out.push(...warnings);
      continue;
    }
    const before: Record<string, AuditValue> = {};
    const after: Record<string, AuditValue> = {};
    if (d.years !== existing.years) [before.years, after.years] = [existing.years, d.years];
    if (d.status && d.status !== existing.status) [before.status, after.status] = [existing.status, d.status];
    if (Object.keys(after).length === 0) {
      counts.unchanged++;
      continue;
    }
    counts.update++;
    plan.updates.push({
      row: p.row,
      id: existing.id,
      schoolId: s.id,
      majorId: major!.id,
      name: `${s.nameZh} · ${major!.nameZh}`,
      authorityId: s.authorityId,
      before,
      after,
      data: after as MajorUpdatePlan["data"],
    });
    out.push(...warnings);
    if (sample.length < 100) {
      sample.push({
        row: p.row,
        id: existing.id,
        name: `${s.nameZh} · ${major!.nameZh}`,
        changes: Object.keys(after).map((f) => ({ field: f, from: before[f], to: after[f] })),
      });
    }
  }
  return { kind: "schoolMajors", total: prepared.length, counts, issues: out, sample, plan };
}
