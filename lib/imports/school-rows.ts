import type { SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { changedFields, type AuditValue } from "@/lib/schools/diff";
import { EDITABLE_FIELDS } from "@/lib/schools/form-schema";
import { createSchoolSchema, schoolFieldsSchema, type SchoolFields } from "@/lib/schools/schema";
import { normaliseUscc } from "@/lib/schools/uscc";
import { schoolWarnings } from "@/lib/schools/warnings";
import type { FieldIssues } from "@/lib/validation/issues";
import { schoolColumns } from "./columns";
import { rowIssues, type RowIssue } from "./issues";
import { addIssue, addSchemaIssues, prepareRows, type PreparedRow } from "./prepare";
import type { ParsedRow } from "./read";
import { emptyCounts, type ChangeSample, type DryRun } from "./dry-run";
import { normaliseName } from "@/lib/validation/text";

/**
 * The dry run of a school file, as pure functions: rows → (lookup keys) → validated plan.
 * The SAME rules as the console form: lib/schools/schema.ts for each field, the registry-wide
 * checks of lib/schools/mutations.ts (USCC unique across the registry, name unique within the
 * authority, city in the authority), the edit form's limits (name, tier, status and authority
 * change only through their dated procedures), plus duplicates within the file.
 */
export type ExistingSchool = {
  id: string;
  version: number;
  authorityId: string;
  publicCode: string;
  nameZh: string;
  tier: SchoolTier;
  status: SchoolStatus;
} & Record<(typeof EDITABLE_FIELDS)[number], unknown>;

export type SchoolLookup = {
  authorities: { id: string; shortZh: string; nameZh: string }[];
  divisionAuthority: Map<string, string>;
  byId: Map<string, ExistingSchool>;
  byUscc: Map<string, ExistingSchool>;
  /** key: nameKey(authorityId, nameZh) */
  byName: Map<string, ExistingSchool>;
};

export type ImportContext = {
  /** The officer's authority; null for ministry roles (every authority). */
  scopeAuthorityId: string | null;
};

export type CreatePlan = { row: number; data: SchoolFields & { status: "PREPARING" | "OPERATING" } };
export type UpdatePlan = {
  row: number;
  id: string;
  name: string;
  version: number;
  authorityId: string;
  before: Record<string, AuditValue>;
  after: Record<string, AuditValue>;
  data: Record<string, unknown>;
};
export type SchoolPlan = { creates: CreatePlan[]; updates: UpdatePlan[] };

export const nameKey = (authorityId: string, nameZh: string) => `${authorityId}\u0000${nameZh}`;

/** Cell values → field values (enum labels to codes, dates to YYYY-MM-DD), with cell-level issues. */
export function prepareSchoolRows(rows: ParsedRow[], fields: string[]): PreparedRow[] {
  return prepareRows(rows, schoolColumns, fields, (values) => {
    if (typeof values.uscc === "string") values.uscc = normaliseUscc(values.uscc);
  });
}

/** What the database must be asked for this file. */
export function schoolLookupKeys(prepared: PreparedRow[]) {
  const ids = new Set<string>();
  const usccs = new Set<string>();
  const names = new Set<string>();
  for (const p of prepared) {
    if (typeof p.values.id === "string") ids.add(p.values.id);
    if (typeof p.values.uscc === "string") usccs.add(p.values.uscc);
    // Looked up as the schema will store it (THE name normalisation: a Kangxi or full-width form is the name).
    if (typeof p.values.nameZh === "string") names.add(normaliseName(p.values.nameZh).trim());
  }
  return { ids: [...ids], usccs: [...usccs], names: [...names] };
}

export function resolveAuthority(lookup: SchoolLookup, text: string): string | null {
  const t = text.trim();
  const a = lookup.authorities.find((x) => x.id === t.toLowerCase() || x.shortZh === t || x.nameZh === t);
  return a?.id ?? null;
}

const REQUIRED = ["nameZh", "tier", "ownership", "sponsorType"] as const;
/** Changed only through a dated procedure (rename, tier change, status change), never by an import. */
const PROCEDURE_KEYS: Record<string, string> = { nameZh: "importNeedsRename", tier: "importNeedsTierChange", status: "importNeedsStatusChange" };

/** The current record in the shape the schema reads (dates as YYYY-MM-DD). */
function asInput(s: ExistingSchool): Record<string, unknown> {
  const out: Record<string, unknown> = { nameZh: s.nameZh, tier: s.tier, authorityId: s.authorityId };
  for (const f of EDITABLE_FIELDS) {
    const v = s[f];
    out[f] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  }
  return out;
}

export function validateSchoolRows(prepared: PreparedRow[], fields: string[], ctx: ImportContext, lookup: SchoolLookup): DryRun<SchoolPlan> {
  const issuesOut: RowIssue[] = [];
  const counts = emptyCounts();
  const plan: SchoolPlan = { creates: [], updates: [] };
  const sample: ChangeSample[] = [];
  const seen = { uscc: new Map<string, number>(), name: new Map<string, number>(), school: new Map<string, number>() };
  const present = new Set(fields);

  for (const p of prepared) {
    const v = p.values;
    const issues: FieldIssues = structuredClone(p.issues);
    // Which school the row is about: 登记编号 first, then 统一社会信用代码.
    let match: ExistingSchool | null = null;
    let matchField: "id" | "uscc" | null = null;
    if (typeof v.id === "string") {
      const s = lookup.byId.get(v.id);
      if (!s) addIssue(issues, "id", { key: "importSchoolNotFound" });
      else if (ctx.scopeAuthorityId && s.authorityId !== ctx.scopeAuthorityId) addIssue(issues, "id", { key: "importSchoolOtherAuthority" });
      else [match, matchField] = [s, "id"];
    } else if (typeof v.uscc === "string") {
      // A code held by a school of another name is a clash (usccTaken below), not a rename.
      const s = lookup.byUscc.get(v.uscc);
      const sameName = typeof v.nameZh !== "string" || normaliseName(v.nameZh).trim() === s?.nameZh;
      if (s && sameName && (!ctx.scopeAuthorityId || s.authorityId === ctx.scopeAuthorityId)) [match, matchField] = [s, "uscc"];
    }
    // The authority: as written, else the matched school's, else the officer's own.
    let authorityId: string | null = null;
    if (typeof v.authorityId === "string") {
      authorityId = resolveAuthority(lookup, v.authorityId);
      if (!authorityId) addIssue(issues, "authorityId", { key: "importAuthorityUnknown", params: { value: v.authorityId } });
    } else authorityId = match?.authorityId ?? ctx.scopeAuthorityId;
    if (authorityId === null && !issues.authorityId) addIssue(issues, "authorityId", { key: "required" });
    if (authorityId && ctx.scopeAuthorityId && authorityId !== ctx.scopeAuthorityId) {
      addIssue(issues, "authorityId", { key: "importAuthorityNotYours" });
    } else if (authorityId && match && authorityId !== match.authorityId) addIssue(issues, "authorityId", { key: "importAuthorityChange" });

    for (const f of REQUIRED) if (present.has(f) && (v[f] === null || v[f] === undefined) && !issues[f]) addIssue(issues, f, { key: "required" });

    // The form's schema on the whole record (for an update: the stored record with the file's cells over it).
    // An empty 办学状态 means the schema's default (正常办学), not "no status".
    const given = Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== "id" && k !== "publicCode" && !issues[k] && !(k === "status" && x === null)));
    const input = { ...(match ? asInput(match) : {}), ...given, authorityId: authorityId ?? "" };
    const parsed = match ? schoolFieldsSchema.safeParse(input) : createSchoolSchema.safeParse(input);
    if (!parsed.success) addSchemaIssues(issues, parsed.error);
    const data = parsed.success ? parsed.data : null;

    // Registry-wide rules (as in lib/schools/mutations.ts schoolConflicts) and duplicates within the file.
    const uscc = data?.uscc ?? null;
    if (uscc && !issues.uscc) {
      const holder = lookup.byUscc.get(uscc);
      if (holder && holder.id !== match?.id) addIssue(issues, "uscc", { key: "usccTaken", params: { name: holder.nameZh } });
      else if (seen.uscc.has(uscc)) addIssue(issues, "uscc", { key: "importDuplicateInFile", params: { row: seen.uscc.get(uscc)! } });
      else seen.uscc.set(uscc, p.row);
    }
    if (data && authorityId && !issues.nameZh) {
      const key = nameKey(authorityId, data.nameZh);
      const holder = lookup.byName.get(key);
      if (!match && holder) addIssue(issues, "nameZh", { key: "nameTaken" });
      else if (seen.name.has(key)) addIssue(issues, "nameZh", { key: "importDuplicateInFile", params: { row: seen.name.get(key)! } });
      else seen.name.set(key, p.row);
    }
    if (match) {
      const f = matchField!;
      if (seen.school.has(match.id)) addIssue(issues, f, { key: "importDuplicateInFile", params: { row: seen.school.get(match.id)! } });
      else seen.school.set(match.id, p.row);
    }
    if (data?.divisionCode && authorityId && !issues.divisionCode && lookup.divisionAuthority.get(data.divisionCode) !== authorityId) {
      addIssue(issues, "divisionCode", { key: "divisionNotInAuthority" });
    }
    if (match && data) {
      for (const [f, key] of Object.entries(PROCEDURE_KEYS)) {
        const next = f === "status" ? v.status : (data as Record<string, unknown>)[f];
        if (present.has(f) && next != null && next !== (match as Record<string, unknown>)[f] && !issues[f]) addIssue(issues, f, { key });
      }
    } else if (!match && v.status != null && v.status !== "PREPARING" && v.status !== "OPERATING" && !issues.status) {
      addIssue(issues, "status", { key: "importStatusOnCreate" });
    }

    if (Object.keys(issues).length) {
      counts.error++;
      issuesOut.push(...rowIssues("schools", p.row, issues, p.raw));
      continue;
    }
    const record = data!;
    if (!match) {
      counts.create++;
      plan.creates.push({ row: p.row, data: record as CreatePlan["data"] });
      issuesOut.push(...rowIssues("schools", p.row, schoolWarnings(record), p.raw, "warning"));
      continue;
    }
    const next = Object.fromEntries(EDITABLE_FIELDS.filter((f) => present.has(f)).map((f) => [f, (record as Record<string, unknown>)[f]]));
    const { before, after } = changedFields(match, next, EDITABLE_FIELDS);
    const changed = Object.keys(after);
    if (changed.length === 0) {
      counts.unchanged++;
      continue;
    }
    counts.update++;
    plan.updates.push({ row: p.row, id: match.id, name: match.nameZh, version: match.version, authorityId: match.authorityId, before, after, data: next });
    issuesOut.push(...rowIssues("schools", p.row, schoolWarnings({ ...record, tier: match.tier }), p.raw, "warning"));
    if (sample.length < 100)
      sample.push({ row: p.row, id: match.id, name: match.nameZh, changes: changed.map((f) => ({ field: f, from: before[f], to: after[f] })) });
  }
  return { kind: "schools", total: prepared.length, counts, issues: issuesOut, sample, plan };
}
