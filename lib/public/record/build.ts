import type { PublicChange, PublicDesignation, PublicMajor, PublicSchool, PublicSchoolRef, PublicAuthorityRef, PublicCityRef } from "../types";
import type { FlatRecord } from "../as-of";
import type { TrainingLevel } from "@/lib/kernel/enums";

/**
 * Turns flat records (School model field names, audit-form values: dates "YYYY-MM-DD", instants ISO)
 * into the public record. Pure, so the current view and the as-of view share it.
 */
export const LEVEL_ORDER: TrainingLevel[] = ["INTERMEDIATE", "ADVANCED", "PRE_TECHNICIAN"];

export type MajorRef = { id: string; code: string; nameZh: string; nameEn: string; categoryZh: string; categoryEn: string };

export type BuildInput = {
  school: FlatRecord & { id: string; publicCode: string; isDemo: boolean; registeredAt: string; updatedAt: string };
  authority: PublicAuthorityRef;
  city: PublicCityRef | null;
  successor: PublicSchoolRef | null;
  predecessors: PublicSchoolRef[];
  majors: FlatRecord[];
  designations: FlatRecord[];
  majorRefs: Map<string, MajorRef>;
  changes: PublicChange[];
  /** The day the record describes: asOf, or today (Shanghai). */
  day: string;
  asOf: string | null;
};

const str = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));
const arr = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const date = (v: unknown) => {
  const s = str(v);
  return s ? s.slice(0, 10) : null;
};

export function designationValidOn(d: { status: string; startDate: string; endDate: string | null }, day: string): boolean {
  return (d.status === "ACTIVE" || d.status === "ACCEPTED") && d.startDate <= day && (d.endDate === null || d.endDate >= day);
}

export function buildPublicSchool(i: BuildInput): PublicSchool {
  const s = i.school;
  const majors: PublicMajor[] = i.majors.flatMap((m) => {
    const ref = i.majorRefs.get(String(m.majorId));
    if (!ref) return [];
    return [
      {
        majorId: ref.id,
        code: ref.code,
        nameZh: ref.nameZh,
        nameEn: ref.nameEn,
        categoryZh: ref.categoryZh,
        categoryEn: ref.categoryEn,
        level: m.level as PublicMajor["level"],
        startingPoint: m.startingPoint as PublicMajor["startingPoint"],
        years: Number(m.years),
        status: m.status as PublicMajor["status"],
      },
    ];
  });
  const majorsByLevel = LEVEL_ORDER.map((level) => ({
    level,
    majors: majors.filter((m) => m.level === level).sort((a, b) => a.code.localeCompare(b.code) || a.startingPoint.localeCompare(b.startingPoint)),
  })).filter((g) => g.majors.length > 0);

  const designations: PublicDesignation[] = i.designations
    .map((d) => {
      const ref = d.majorId ? i.majorRefs.get(String(d.majorId)) : undefined;
      const base = {
        id: String(d.id),
        kind: d.kind as PublicDesignation["kind"],
        level: d.level as PublicDesignation["level"],
        status: d.status as PublicDesignation["status"],
        startDate: date(d.startDate)!,
        endDate: date(d.endDate),
        title: str(d.title),
        batchLabel: str(d.batchLabel),
        documentNo: str(d.documentNo),
        issuer: str(d.issuer),
        major: ref ? { id: ref.id, code: ref.code, nameZh: ref.nameZh, nameEn: ref.nameEn } : null,
        isDemo: Boolean(d.isDemo),
      };
      return { ...base, validNow: designationValidOn(base, i.day) };
    })
    .sort((a, b) => Number(b.validNow) - Number(a.validNow) || a.kind.localeCompare(b.kind) || a.startDate.localeCompare(b.startDate));

  return {
    id: s.id,
    publicCode: s.publicCode,
    nameZh: String(s.nameZh),
    nameEn: str(s.nameEn),
    altNames: arr(s.altNames),
    formerNames: arr(s.formerNames),
    tier: s.tier as PublicSchool["tier"],
    tierSince: date(s.tierSince),
    status: s.status as PublicSchool["status"],
    statusSince: date(s.statusSince),
    ownership: s.ownership as PublicSchool["ownership"],
    sponsorType: s.sponsorType as PublicSchool["sponsorType"],
    sponsorName: str(s.sponsorName),
    authority: i.authority,
    city: i.city,
    address: str(s.address),
    website: str(s.website),
    uscc: str(s.uscc),
    approvalDocNo: str(s.approvalDocNo),
    approvalDate: date(s.approvalDate),
    establishedDate: date(s.establishedDate),
    majorsByLevel,
    designations,
    predecessors: i.predecessors,
    successor: i.successor,
    changes: i.changes,
    lastConfirmedAt: str(s.lastConfirmedAt),
    registeredAt: s.registeredAt,
    updatedAt: s.updatedAt,
    isDemo: s.isDemo,
    asOf: i.asOf,
  };
}
