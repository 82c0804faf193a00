import { EDITABLE_FIELDS } from "./form-schema";

/**
 * A stored school as the strings an HTML form shows (dates "YYYY-MM-DD", other names one per
 * line, unknown numbers blank), so the edit form starts from exactly what is stored.
 */
export type FormValues = Record<string, string>;

export function toFormValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.join("\n");
  return String(v);
}

export function schoolFormValues(school: Record<string, unknown>): FormValues {
  return Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, toFormValue(school[f])]));
}

export const emptyCreateValues: FormValues = {
  ...Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, ""])),
  nameZh: "",
  tier: "",
  status: "OPERATING",
  authorityId: "",
  ownership: "PUBLIC",
  sponsorType: "HR_DEPARTMENT",
};
