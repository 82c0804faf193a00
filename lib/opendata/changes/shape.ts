import { PUBLIC_DESIGNATION_FIELDS, PUBLIC_SCHOOL_FIELDS, PUBLIC_SCHOOL_MAJOR_FIELDS } from "@/lib/public/as-of";

/**
 * One public change, as /api/v1/changes, the Atom feeds and the release changelog describe it.
 * Two sources: audit events of public entities (reduced to public fields — contacts, figures and
 * reasons typed by officers never appear) and dated official changes (SchoolChange rows).
 */
export type ChangeEntityType = "School" | "SchoolMajor" | "Designation" | "SchoolChange";

export type PublicChangeEntry = {
  id: string;
  at: string;
  /** The audit action ("school.update", "school.tier", …) or "change.<KIND>" for an official change. */
  type: string;
  entityType: ChangeEntityType;
  entityId: string;
  school: { id: string; publicCode: string; nameZh: string; nameEn: string | null; authorityId: string };
  fields: { name: string; before: unknown; after: unknown }[];
  change: {
    kind: string;
    effectiveDate: string;
    documentNo: string | null;
    fromName: string | null;
    toName: string | null;
    fromTier: string | null;
    toTier: string | null;
    fromStatus: string | null;
    toStatus: string | null;
    relatedSchoolId: string | null;
  } | null;
};

export const PUBLIC_FIELDS: Record<Exclude<ChangeEntityType, "SchoolChange">, readonly string[]> = {
  School: PUBLIC_SCHOOL_FIELDS,
  SchoolMajor: PUBLIC_SCHOOL_MAJOR_FIELDS,
  Designation: PUBLIC_DESIGNATION_FIELDS,
};

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The public fields an audit event changed, in the order of the whitelist. */
export function publicFieldChanges(entityType: keyof typeof PUBLIC_FIELDS, before: unknown, after: unknown): PublicChangeEntry["fields"] {
  const b = obj(before);
  const a = obj(after);
  return PUBLIC_FIELDS[entityType]
    .filter((f) => (f in b || f in a) && !same(b[f], a[f]))
    .map((name) => ({ name, before: b[name] ?? null, after: a[name] ?? null }));
}
