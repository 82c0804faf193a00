import type { ChangeKind, SchoolStatus, SchoolTier } from "../../lib/kernel/enums";
import type { Prisma } from "../../lib/db/generated/client";
import { REGISTRABLE_FIELDS as FORM_REGISTRABLE_FIELDS } from "../../lib/schools/form-schema";
import { ymd } from "./random";
import type { DemoSchool, SchoolSeed } from "./schools";

/**
 * SchoolChange rows and audit events for a demo school, following the audit convention for
 * schools: "school.create" holds every registrable field as it was at establishment, and each later
 * event holds only the fields it changed (dates as "YYYY-MM-DD"), so that replaying the events
 * ends at the row as seeded.
 */
// The form's registrable fields, and the lineage a real school may already carry when its demo history begins.
export const REGISTRABLE_FIELDS = [...FORM_REGISTRABLE_FIELDS, "formerNames", "successorId"] as const satisfies readonly (keyof SchoolSeed)[];

export type ChangeSeed = {
  id: string;
  schoolId: string;
  kind: ChangeKind;
  effectiveDate: Date;
  documentNo: string | null;
  fromName: string | null;
  toName: string | null;
  fromTier: SchoolTier | null;
  toTier: SchoolTier | null;
  fromStatus: SchoolStatus | null;
  toStatus: SchoolStatus | null;
  relatedSchoolId: string | null;
};

export type AuditSeed = {
  id: string;
  at: Date;
  actorId: null;
  actorLabel: string;
  action: string;
  entityType: "School";
  entityId: string;
  authorityId: string;
  before?: Prisma.InputJsonObject;
  after: Prisma.InputJsonObject;
  source: "seed";
};

export const SEED_ACTOR = "demo seed";

const jsonValue = (v: unknown) => (v instanceof Date ? ymd(v) : v);
const toJson = (o: Partial<SchoolSeed>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, jsonValue(v)])) as Prisma.InputJsonObject;
/** Date-only events are recorded at 10:00 in Beijing on their day. */
const atOf = (d: Date) => (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? new Date(d.getTime() + 2 * 3600_000) : d);

export function initialState(s: DemoSchool): SchoolSeed {
  const state = { ...s.school };
  for (const e of [...s.events].reverse()) Object.assign(state, e.before);
  return state;
}

export function historyOf(s: DemoSchool): { changes: ChangeSeed[]; audits: AuditSeed[] } {
  const { school } = s;
  const start = initialState(s);
  const established = start.establishedDate ?? start.approvalDate!;
  const base = { schoolId: school.id, fromName: null, toName: null, fromTier: null, toTier: null, fromStatus: null, toStatus: null, relatedSchoolId: null };
  const changes: ChangeSeed[] = [
    {
      ...base,
      id: `${school.id}-c0`,
      kind: "ESTABLISH",
      effectiveDate: established,
      documentNo: start.approvalDocNo,
      toName: start.nameZh,
      toTier: start.tier,
      toStatus: start.status,
    },
  ];
  const common = {
    actorId: null,
    actorLabel: SEED_ACTOR,
    entityType: "School" as const,
    entityId: school.id,
    authorityId: school.authorityId,
    source: "seed" as const,
  };
  const audits: AuditSeed[] = [{ ...common, id: `${school.id}-a0`, at: atOf(established), action: "school.create", after: toJson(pickFields(start)) }];
  s.events.forEach((e, i) => {
    if (e.kind) {
      const { before: b, after: a } = e;
      changes.push({
        ...base,
        id: `${school.id}-c${i + 1}`,
        kind: e.kind,
        effectiveDate: e.at,
        documentNo: e.documentNo ?? null,
        fromName: b.nameZh ?? null,
        toName: a.nameZh ?? null,
        fromTier: b.tier ?? null,
        toTier: a.tier ?? null,
        fromStatus: b.status ?? null,
        toStatus: a.status ?? null,
        relatedSchoolId: e.relatedSchoolId ?? null,
      });
    }
    if (e.action) audits.push({ ...common, id: `${school.id}-a${i + 1}`, at: atOf(e.at), action: e.action, before: toJson(e.before), after: toJson(e.after) });
  });
  return { changes, audits };
}

function pickFields(s: SchoolSeed): Partial<SchoolSeed> {
  return Object.fromEntries(REGISTRABLE_FIELDS.map((k) => [k, s[k]])) as Partial<SchoolSeed>;
}
