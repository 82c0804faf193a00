import type { SchoolMajorStatus, SchoolStatus, SchoolTier, StartingPoint, TrainingLevel } from "@/lib/kernel/enums";
import { canChangeMajorStatus, levelWarnings } from "@/lib/school-majors/rules";
import { addSchoolMajorSchema, schoolMajorStatusSchema } from "@/lib/school-majors/schema";
import { ON_REGISTER } from "@/lib/schools/rules";
import type { AuditValue } from "@/lib/schools/diff";
import { normaliseUscc } from "@/lib/schools/uscc";
import { fieldIssues, type FieldIssues, type Issue } from "@/lib/validation/issues";
import { normaliseCell } from "./cells";
import { schoolMajorColumns } from "./columns";
import { emptyCounts, type ChangeSample, type DryRun } from "./dry-run";
import { rowIssues, type RowIssue } from "./issues";
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

type Prepared = { row: number; values: Record<string, unknown>; raw: ParsedRow["values"]; issues: FieldIssues };

export function prepareMajorRows(rows: ParsedRow[], fields: string[]): Prepared[] {
  const cols = schoolMajorColumns.filter((c) => fields.includes(c.field));
  return rows.map((r) => {
    const values: Record<string, unknown> = {};
    const issues: FieldIssues = {};
    for (const col of cols) {
      const { value, issue } = normaliseCell(col, r.values[col.field] ?? null);
      values[col.field] = value;
      if (issue) issues[col.field] = [issue];
    }
    if (typeof values.schoolUscc === "string") values.schoolUscc = normaliseUscc(values.schoolUscc);
    if (typeof values.majorCode === "string") values.majorCode = values.majorCode.trim();
    return { row: r.row, values, raw: r.values, issues };
  });
}

export function majorLookupKeys(prepared: Prepared[]) {
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

const add = (issues: FieldIssues, field: string, issue: Issue) => (issues[field] ??= []).push(issue);
const NEW_STATUSES: SchoolMajorStatus[] = ["FILED", "ENROLLING"];

export function validateMajorRows(prepared: Prepared[], fields: string[], scopeAuthorityId: string | null, lookup: MajorLookup): DryRun<SchoolMajorPlan> {
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
    if (!schoolField) add(issues, present.has("schoolId") ? "schoolId" : "schoolUscc", { key: "importSchoolRequired" });
    else {
      const found = schoolField === "schoolId" ? lookup.schoolsById.get(v.schoolId as string) : lookup.schoolsByUscc.get(v.schoolUscc as string);
      if (!found) add(issues, schoolField, { key: "importSchoolNotFound" });
      else if (scopeAuthorityId && found.authorityId !== scopeAuthorityId) add(issues, schoolField, { key: "importSchoolOtherAuthority" });
      else school = found;
    }
    const code = typeof v.majorCode === "string" ? v.majorCode : null;
    const major = code ? lookup.majorsByCode.get(code) : undefined;
    if (!code) add(issues, "majorCode", { key: "required" });
    else if (!major) add(issues, "majorCode", { key: "importMajorUnknown", params: { code } });

    for (const f of ["level", "startingPoint", "years"]) if ((v[f] === null || v[f] === undefined) && !issues[f]) add(issues, f, { key: "required" });
    const given = Object.fromEntries(Object.entries(v).filter(([k]) => !issues[k]));
    const parsed = schoolMajorRowSchema.safeParse(given);
    if (!parsed.success) for (const [f, list] of Object.entries(fieldIssues(parsed.error))) if (!issues[f]) for (const i of list) add(issues, f, i);

    let existing: ExistingSchoolMajor | undefined;
    if (parsed.success && school && major) {
      const key = schoolMajorKey(school.id, major.id, parsed.data.level, parsed.data.startingPoint);
      if (seen.has(key)) add(issues, "majorCode", { key: "importDuplicateInFile", params: { row: seen.get(key)! } });
      else seen.set(key, p.row);
      existing = lookup.existing.get(key);
      const status = parsed.data.status;
      if (existing && status && status !== existing.status && !canChangeMajorStatus(existing.status, status)) {
        add(issues, "status", { key: "importMajorStatusTransition", params: { from: existing.status, to: status } });
      }
      if (!existing && status && !NEW_STATUSES.includes(status)) add(issues, "status", { key: "importMajorStatusOnCreate" });
      if (!existing && !ON_REGISTER.includes(school.status)) add(issues, schoolField!, { key: "schoolNotOnRegister" });
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
