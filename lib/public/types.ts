import type { z } from "zod";
import type { DesignationKind, DesignationLevel, TrainingLevel } from "@/lib/kernel/enums";
import type { authorityRefSchema, cityRefSchema, schoolListSchema, schoolRefSchema, schoolSchema, schoolSummarySchema } from "@/lib/opendata/schemas/response";

/**
 * The public shape of a school — what the search page, the school page and the open-data API show.
 * JSON-ready: calendar dates are "YYYY-MM-DD", instants are ISO 8601 strings (UTC). Nothing internal
 * (contacts, review notes, officers' names, annual figures) is ever part of it. The one definition
 * is the API's response schemas (lib/opendata/schemas/response.ts); these are their outputs.
 */
export type PublicAuthorityRef = z.output<typeof authorityRefSchema>;
export type PublicCityRef = z.output<typeof cityRefSchema>;
export type PublicSchoolRef = z.output<typeof schoolRefSchema>;

/** One row of the search results. */
export type PublicSchoolSummary = z.output<typeof schoolSummarySchema>;
export type PublicDesignationBrief = PublicSchoolSummary["designations"][number];
export type PublicSearchResult = z.output<typeof schoolListSchema>;

/** The full public record of one school (the school page and GET /api/v1/schools/{id}). */
export type PublicSchool = z.output<typeof schoolSchema>;
export type PublicMajor = PublicSchool["majorsByLevel"][number]["majors"][number];
export type PublicDesignation = PublicSchool["designations"][number];
export type PublicChange = PublicSchool["changes"][number];

export type NameLabel = { nameZh: string; nameEn: string | null };

/** Who made a change, as the public sees it: a role and an authority, never a person. */
export type PublicActor = { kind: "ministry" } | { kind: "province"; authority: PublicAuthorityRef | null } | { kind: "system" };

/** One dated entry of a school's public history (from the audit trail). */
export type PublicHistoryEntry = {
  id: string;
  at: string;
  action: string;
  entityType: "School" | "SchoolMajor" | "Designation";
  actor: PublicActor;
  /** For a major or designation entry: what it is about (from its current row). */
  subject:
    | { kind: "major"; code: string; nameZh: string; nameEn: string; level: TrainingLevel }
    | { kind: "designation"; designationKind: DesignationKind; level: DesignationLevel }
    | null;
  /**
   * Only public fields; values as stored in the audit event (dates "YYYY-MM-DD"). Reference
   * fields (authorityId, divisionCode, successorId) also carry the names they pointed to.
   */
  changes: { field: string; before: unknown; after: unknown; beforeLabel?: NameLabel | null; afterLabel?: NameLabel | null }[];
};
