import { SCHOOL_PARTICULARS } from "@/lib/schools/form-schema";

/**
 * What the public may see of each audited entity, by model field names: the public record, its
 * as-of reconstruction, its history, the open-data changes and releases all read these lists.
 * Contacts, annual figures, confirmers and internal notes are on none of them.
 */
export const PUBLIC_SCHOOL_FIELDS = [
  "nameZh",
  "nameEn",
  "altNames",
  "formerNames",
  "tier",
  "tierSince",
  "status",
  "statusSince",
  "ownership",
  "sponsorType",
  "sponsorName",
  "authorityId",
  "divisionCode",
  ...SCHOOL_PARTICULARS,
  "successorId",
  "lastConfirmedAt",
] as const;

/** A search result's own fields: a summary of the record (its authority, city and current designations are added). */
export const PUBLIC_SUMMARY_FIELDS = [
  "id",
  "publicCode",
  "nameZh",
  "nameEn",
  "altNames",
  "formerNames",
  "tier",
  "status",
  "ownership",
  "establishedDate",
  "lastConfirmedAt",
  "isDemo",
] as const;

export const PUBLIC_SCHOOL_MAJOR_FIELDS = ["majorId", "level", "startingPoint", "years", "status"] as const;
export const PUBLIC_DESIGNATION_FIELDS = ["majorId", "kind", "level", "title", "batchLabel", "status", "startDate", "endDate", "documentNo", "issuer"] as const;

/** A dated change as the public sees it (not its reason code, note or who recorded it). */
export const PUBLIC_CHANGE_FIELDS = [
  "id",
  "kind",
  "effectiveDate",
  "documentNo",
  "fromName",
  "toName",
  "fromTier",
  "toTier",
  "fromStatus",
  "toStatus",
] as const;

export type PublicEntityType = "School" | "SchoolMajor" | "Designation";

export const PUBLIC_FIELDS: Record<PublicEntityType, readonly string[]> = {
  School: PUBLIC_SCHOOL_FIELDS,
  SchoolMajor: PUBLIC_SCHOOL_MAJOR_FIELDS,
  Designation: PUBLIC_DESIGNATION_FIELDS,
};

export type PublicFieldChange = { name: string; before: unknown; after: unknown };

/** An audit event's `before` or `after` as an object ({} when it has none). */
export const auditSide = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The public fields an audit event changed (its `before` and `after`), in the order of the list. */
export function publicFieldChanges(entityType: PublicEntityType, before: unknown, after: unknown): PublicFieldChange[] {
  const b = auditSide(before);
  const a = auditSide(after);
  return PUBLIC_FIELDS[entityType]
    .filter((f) => (f in b || f in a) && !same(b[f], a[f]))
    .map((name) => ({ name, before: b[name] ?? null, after: a[name] ?? null }));
}
