import { TIERS, type SchoolTier } from "@/lib/kernel/enums";
import { PUBLIC_SCHOOL_FIELDS } from "@/lib/public/fields";
import { ON_REGISTER } from "@/lib/schools/rules";
import { SETTING_STANDARDS, type Figures } from "@/lib/schools/standards";
import { staleWhere } from "@/lib/schools/stale";
import type { SchoolWhere } from "./data";
import { quarterBuckets } from "./quarters";

/**
 * THE data-quality measures (docs/decisions/0061). Each is a name and a Prisma `where` on School;
 * the page's counts (groupBy authority) and the drill-down list (findMany) both read that one
 * `where`, so a number and the records behind it can never disagree. Every measure looks only at
 * schools on the register (ON_REGISTER): a revoked or merged record needs no upkeep.
 */
export type { SchoolWhere };
export type MeasureGroup = "completeness" | "upkeep" | "belowStandard" | "confirmed";
export type Measure = { key: string; group: MeasureGroup; where: SchoolWhere; params?: Record<string, string | number> };

/**
 * Public fields (lib/public/fields.ts) that a record may leave empty — the ones completeness is
 * measured on. The other public fields are NOT NULL in the schema (always complete), lists
 * (altNames, formerNames: none is a valid answer), a merged school's successor, or the
 * confirmation date (measured as stale records and by quarter below).
 */
const NOT_MEASURED = [
  "nameZh",
  "tier",
  "status",
  "ownership",
  "sponsorType",
  "authorityId",
  "altNames",
  "formerNames",
  "successorId",
  "lastConfirmedAt",
] as const;
export const COMPLETENESS_FIELDS = PUBLIC_SCHOOL_FIELDS.filter(
  (f): f is Exclude<(typeof PUBLIC_SCHOOL_FIELDS)[number], (typeof NOT_MEASURED)[number]> => !(NOT_MEASURED as readonly string[]).includes(f),
);

/** Public fields every school on the register is expected to have: a record without one is an officer's inbox item. */
export const REQUIRED_PUBLIC_FIELDS = [
  "divisionCode",
  "address",
  "uscc",
  "approvalDocNo",
  "approvalDate",
] as const satisfies readonly (typeof COMPLETENESS_FIELDS)[number][];

export const ON_REGISTER_WHERE: SchoolWhere = { status: { in: ON_REGISTER } };
const on = (where: SchoolWhere): SchoolWhere => ({ AND: [ON_REGISTER_WHERE, where] });

export const missingWhere = (field: (typeof COMPLETENESS_FIELDS)[number]): SchoolWhere => on({ [field]: null });
export const missingRequiredWhere = (): SchoolWhere => on({ OR: REQUIRED_PUBLIC_FIELDS.map((f) => ({ [f]: null })) });

/** One threshold of the 2012 setting standards (lib/schools/standards.ts): a reported figure below it. */
export const belowWhere = (tier: SchoolTier, field: keyof Figures, min: number): SchoolWhere => on({ tier, [field]: { lt: min } });
export const THRESHOLDS = TIERS.flatMap((tier) => SETTING_STANDARDS[tier].map(({ field, min }) => ({ tier, field, min })));
export const anyBelowWhere = (): SchoolWhere => ({ OR: THRESHOLDS.map((t) => belowWhere(t.tier, t.field, t.min)) });

export const noMajorsWhere = (): SchoolWhere => on({ majors: { none: {} } });

/** The measures whose `where` needs nothing but the clock; suspected duplicates are added from the database (./duplicates.ts). */
export function measures(now: Date): Measure[] {
  return [
    ...COMPLETENESS_FIELDS.map((field): Measure => ({ key: `missing.${field}`, group: "completeness", where: missingWhere(field), params: { field } })),
    { key: "stale", group: "upkeep", where: staleWhere(now) },
    { key: "noMajors", group: "upkeep", where: noMajorsWhere() },
    { key: "missingRequired", group: "upkeep", where: missingRequiredWhere() },
    ...THRESHOLDS.map(({ tier, field, min }): Measure => ({
      key: `below.${tier}.${field}`,
      group: "belowStandard",
      where: belowWhere(tier, field, min),
      params: { tier, field, min },
    })),
    ...quarterBuckets(now).map((b): Measure => ({ key: `confirmed.${b.key}`, group: "confirmed", where: on(b.where), params: { label: b.key } })),
  ];
}
