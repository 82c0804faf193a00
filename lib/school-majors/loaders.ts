import "server-only";
import { notFound } from "next/navigation";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { getCurrentCatalogue } from "@/lib/majors/data";
import { ON_REGISTER } from "@/lib/schools/rules";
import { LEVELS_BY_TIER, majorStatusTargets } from "./rules";
import { getMajorsSchool, listSchoolMajors } from "./data";

/**
 * The majors page of a school: officers of its authority and the ministry may change them;
 * auditors see them read-only; experts are refused; another authority's school is "not found".
 */
export async function loadSchoolMajorsPage(id: string) {
  const user = await requirePolicy("loadSchoolMajorsPage");
  const scope = requireAuthorityScope(user);
  const school = await getMajorsSchool(scope, id);
  if (!school) notFound();
  const canEdit = may(user, "changeSchoolMajorStatusAction");
  const [rows, catalogue] = await Promise.all([
    listSchoolMajors(school.id),
    canEdit && ON_REGISTER.includes(school.status) ? getCurrentCatalogue() : Promise.resolve(null),
  ]);
  return {
    school: { ...school, statusSince: school.statusSince?.toISOString().slice(0, 10) ?? null },
    canEdit,
    canAdd: may(user, "addSchoolMajorAction") && ON_REGISTER.includes(school.status),
    typicalLevels: LEVELS_BY_TIER[school.tier],
    majors: rows.map((r) => ({ ...r, targets: canEdit ? majorStatusTargets(r.status) : [] })),
    catalogue,
  };
}

export type SchoolMajorsPage = Awaited<ReturnType<typeof loadSchoolMajorsPage>>;
