import { SCHOOL_PARTICULARS } from "@/lib/schools/form-schema";
import type { PublicSchool } from "./types";

/**
 * How complete a public record is: the share of the public fields a registration should fill
 * that are filled. Optional-by-nature fields (alternative names, former names, successor) are not
 * counted. `missing` lists the field keys (schoolPage.fields.<key>) for the page to name.
 */
export const COMPLETENESS_FIELDS = ["nameEn", "tierSince", "statusSince", "sponsorName", "city", ...SCHOOL_PARTICULARS, "majors", "lastConfirmedAt"] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export type Completeness = { filled: number; total: number; percent: number; missing: CompletenessField[] };

function isFilled(s: PublicSchool, f: CompletenessField): boolean {
  if (f === "majors") return s.majorsByLevel.some((g) => g.majors.length > 0);
  const v = s[f];
  return v !== null && v !== undefined && v !== "";
}

export function completenessOf(s: PublicSchool): Completeness {
  const missing = COMPLETENESS_FIELDS.filter((f) => !isFilled(s, f));
  const total = COMPLETENESS_FIELDS.length;
  const filled = total - missing.length;
  return { filled, total, percent: Math.round((filled / total) * 100), missing };
}
