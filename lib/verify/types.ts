import type { DesignationKind, DesignationLevel, DesignationStatus, SchoolStatus, SchoolTier } from "@/lib/kernel/enums";

/**
 * The facts a verification states about one school, at the time of the check. The same object is
 * shown on /verify/<code> and signed in GET /api/v1/verify/<code> (dates "YYYY-MM-DD", instants ISO).
 */
export type VerifyDesignation = {
  kind: DesignationKind;
  level: DesignationLevel;
  status: DesignationStatus;
  title: string | null;
  batchLabel: string | null;
  documentNo: string | null;
  startDate: string;
  endDate: string | null;
  major: { code: string; nameZh: string; nameEn: string } | null;
};

export type VerifyFacts = {
  publicCode: string;
  schoolId: string;
  nameZh: string;
  nameEn: string | null;
  formerNames: string[];
  tier: SchoolTier;
  tierSince: string | null;
  status: SchoolStatus;
  statusSince: string | null;
  /** Still on the register (preparing, operating, suspended or rectifying). */
  onRegister: boolean;
  authority: { id: string; nameZh: string; nameEn: string };
  /** Designations valid at the time of the check. */
  designations: VerifyDesignation[];
  lastConfirmedAt: string | null;
  /** Demo data: invented figures and codes, not a real registration. */
  isDemo: boolean;
  /** When the check was made (ISO 8601, UTC). */
  checkedAt: string;
};

/**
 * What a signed snapshot adds to the facts (inside the signed data, so none of it can be changed):
 * the period the person asking chose (validDays, 30–180) and its end, and the digest a verifier
 * sends to GET /api/v1/verify/{code}/status to learn whether the facts still hold.
 */
export type VerifyValidity = {
  validDays: number;
  /** checkedAt + validDays days (ISO 8601, UTC): after it, ask for a new snapshot. */
  validUntil: string;
  /** lib/verify/digest.ts: one short hash per part (name, tier, status, authority, designations). */
  digest: string;
};

export type VerifySnapshotData = VerifyFacts & VerifyValidity;
