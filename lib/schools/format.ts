import { timeZone } from "@/lib/i18n/config";
import { DATE_FIELDS } from "./form-schema";

/**
 * Turning stored field values into text a person reads, the same way on the server (timeline) and
 * in the browser (the "changed by X" notice). `t` is a next-intl translator over the root
 * namespace, so both getTranslations() and useTranslations() fit.
 */
export type RootT = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** Which enum catalog a field's values come from, by the entity the audit event is about. */
const ENUM_FIELDS: Record<string, Record<string, string>> = {
  School: { tier: "tier", status: "status", ownership: "ownership", sponsorType: "sponsorType", fromTier: "tier", toTier: "tier" },
  SchoolMajor: { level: "level", startingPoint: "startingPoint", status: "schoolMajorStatus" },
  Designation: { kind: "designationKind", level: "designationLevel", status: "designationStatus" },
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields holding a calendar year: shown as written (2025), never as a quantity with separators (2,025). */
const YEAR_FIELDS = new Set<string>(["figuresYear", "year"]);

/** A number as a person reads it: a year as it is, any other quantity with the locale's separators. */
export function formatNumber(field: string, value: number, locale: string): string {
  return YEAR_FIELDS.has(field) ? String(value) : new Intl.NumberFormat(locale).format(value);
}

// One formatter per locale: building an Intl.DateTimeFormat costs far more than formatting with it,
// and the console list formats two timestamps a row (a tenth of its server time, issue 15).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(value: Date | string, locale: string): string {
  let f = dateTimeFormats.get(locale);
  if (!f) dateTimeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" })));
  return f.format(new Date(value));
}

/** A date column (stored at UTC midnight) as the calendar date it is, whatever the time zone. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * A value with the date it holds since ("技工学校（自 2024-03-01）"), or the value alone when the
 * date is unknown — never "技工学校（自 —）". `withDate` words it with the date (a catalog message).
 */
export function sinceText(value: string, date: Date | string | null | undefined, withDate: (date: string) => string): string {
  return date ? withDate(formatDate(date)) : value;
}

export function fieldLabel(t: RootT, field: string): string {
  return t.has(`schools.fields.${field}`) ? t(`schools.fields.${field}`) : field;
}

/** Names for stored codes (authority ids, division codes), keyed "field:value". */
export type ValueLabels = Record<string, string>;

export function formatValue(t: RootT, locale: string, entityType: string, field: string, value: unknown, labels: ValueLabels = {}): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return DATE_FIELDS.has(field) ? formatDate(value) : formatDateTime(value, locale);
  if (typeof value === "string" && labels[`${field}:${value}`]) return labels[`${field}:${value}`];
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(t, locale, entityType, field, v)).join("、") : "—";
  if (typeof value === "boolean") return t(value ? "schools.yes" : "schools.no");
  const enumNs = ENUM_FIELDS[entityType]?.[field];
  if (enumNs && typeof value === "string" && t.has(`enums.${enumNs}.${value}`)) return t(`enums.${enumNs}.${value}`);
  if (typeof value === "number") return formatNumber(field, value, locale);
  if (typeof value === "string" && ISO_TIMESTAMP.test(value)) return formatDateTime(value, locale);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Audit actions have catalog labels (`schools.history.action.school_update`); unknown ones show as stored. */
export function actionLabel(t: RootT, action: string): string {
  const key = `schools.history.action.${action.replace(/\./g, "_")}`;
  return t.has(key) ? t(key) : action;
}
