/**
 * THE enum values of the registry, taken from the Prisma schema's generated enums (plain
 * constants, safe to import anywhere, client components included). Write `z.enum(SchoolTier)`
 * for a schema and `TIERS` for a list; never type the values out again.
 */
import { SchoolStatus, SchoolTier, TrainingLevel } from "../db/generated/enums";

export * from "../db/generated/enums";

/** The values of a generated enum, in the schema's order (the order pages list them in). */
export function valuesOf<E extends Record<string, string>>(e: E): E[keyof E][] {
  return Object.values(e) as E[keyof E][];
}

/** 技师学院, 高级技工学校, 技工学校 — highest first, as the schema lists them. */
export const TIERS = valuesOf(SchoolTier);
/** Lowest first: an upgrade moves one step to the right. */
export const TIER_ORDER: readonly SchoolTier[] = [...TIERS].reverse();
export const STATUSES = valuesOf(SchoolStatus);
export const TRAINING_LEVELS = valuesOf(TrainingLevel);
