import type {
  ChangeKind,
  DesignationKind,
  DesignationLevel,
  DesignationStatus,
  Ownership,
  SchoolMajorStatus,
  SchoolStatus,
  SchoolTier,
  SponsorType,
  StartingPoint,
  TrainingLevel,
} from "@/lib/kernel/enums";

/**
 * The public shape of a school — what the search page, the school page and the open-data API show.
 * JSON-ready: calendar dates are "YYYY-MM-DD", instants are ISO 8601 strings (UTC). Nothing internal
 * (contacts, review notes, officers' names, annual figures) is ever part of it.
 */
export type PublicAuthorityRef = { id: string; nameZh: string; nameEn: string };
export type PublicCityRef = { code: string; nameZh: string; nameEn: string };
export type PublicSchoolRef = { id: string; publicCode: string; nameZh: string; nameEn: string | null; status: SchoolStatus };

export type PublicDesignationBrief = {
  kind: DesignationKind;
  level: DesignationLevel;
  status: DesignationStatus;
  startDate: string;
  endDate: string | null;
};

/** One row of the search results. */
export type PublicSchoolSummary = {
  id: string;
  publicCode: string;
  nameZh: string;
  nameEn: string | null;
  altNames: string[];
  formerNames: string[];
  tier: SchoolTier;
  status: SchoolStatus;
  ownership: Ownership;
  authority: PublicAuthorityRef;
  city: PublicCityRef | null;
  establishedDate: string | null;
  /** Designations valid today (status ACTIVE/ACCEPTED, started, not ended). */
  designations: PublicDesignationBrief[];
  lastConfirmedAt: string | null;
  isDemo: boolean;
};

export type PublicSearchResult = { data: PublicSchoolSummary[]; total: number; page: number; pageSize: number };

export type PublicMajor = {
  majorId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  categoryZh: string;
  categoryEn: string;
  level: TrainingLevel;
  startingPoint: StartingPoint;
  years: number;
  status: SchoolMajorStatus;
};

export type PublicDesignation = PublicDesignationBrief & {
  id: string;
  title: string | null;
  batchLabel: string | null;
  documentNo: string | null;
  issuer: string | null;
  major: { id: string; code: string; nameZh: string; nameEn: string } | null;
  /** Valid on the day the record describes (today, or the asOf date). */
  validNow: boolean;
  isDemo: boolean;
};

export type PublicChange = {
  id: string;
  kind: ChangeKind;
  effectiveDate: string;
  documentNo: string | null;
  fromName: string | null;
  toName: string | null;
  fromTier: SchoolTier | null;
  toTier: SchoolTier | null;
  fromStatus: SchoolStatus | null;
  toStatus: SchoolStatus | null;
  relatedSchool: PublicSchoolRef | null;
};

/** The full public record of one school (the school page and GET /api/v1/schools/{id}). */
export type PublicSchool = {
  id: string;
  publicCode: string;
  nameZh: string;
  nameEn: string | null;
  altNames: string[];
  formerNames: string[];
  tier: SchoolTier;
  tierSince: string | null;
  status: SchoolStatus;
  statusSince: string | null;
  ownership: Ownership;
  sponsorType: SponsorType;
  sponsorName: string | null;
  authority: PublicAuthorityRef;
  city: PublicCityRef | null;
  address: string | null;
  website: string | null;
  /** 统一社会信用代码; illustrative (not real) when isDemo. */
  uscc: string | null;
  approvalDocNo: string | null;
  approvalDate: string | null;
  establishedDate: string | null;
  majorsByLevel: { level: TrainingLevel; majors: PublicMajor[] }[];
  designations: PublicDesignation[];
  predecessors: PublicSchoolRef[];
  successor: PublicSchoolRef | null;
  changes: PublicChange[];
  lastConfirmedAt: string | null;
  /** When the record was first registered here (ISO). */
  registeredAt: string;
  updatedAt: string;
  isDemo: boolean;
  /** Set when the record was rebuilt as it stood at the end of this day (Asia/Shanghai). */
  asOf: string | null;
};

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
