import type { Ownership, SchoolTier } from "@/lib/kernel/enums";
import type { Issue } from "@/lib/validation/issues";
import { settingStandardWarnings, type Figures } from "./standards";
import { usccCategoryHint } from "./uscc";

export type FieldWarning = Issue & { field: string };

/**
 * Everything about a school record that deserves a second look but never blocks saving:
 * annual figures below the tier's setting standard, and a credit code whose category prefix does
 * not fit the ownership (public institutions mostly start 12, private ones 52 — a hint, not a rule).
 */
export function schoolWarnings(s: Figures & { tier: SchoolTier; ownership?: Ownership | null; uscc?: string | null }): FieldWarning[] {
  const out = settingStandardWarnings(s.tier, s);
  if (s.uscc && s.ownership) {
    const hint = usccCategoryHint(s.uscc);
    if ((s.ownership === "PUBLIC" && hint === "private") || (s.ownership === "PRIVATE" && hint === "public")) {
      out.push({ field: "uscc", key: "usccOwnershipHint", params: { prefix: s.uscc.slice(0, 2) } });
    }
  }
  return out;
}
