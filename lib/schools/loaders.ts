import "server-only";
import { notFound } from "next/navigation";
import { listAuthorities } from "@/lib/authorities/data";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { getSchoolForEdit, getUserLabel, labelsForHistory, listDivisions, listFilterChoices, listSchoolHistory, listSchools, lookAlikeWarnings } from "./data";
import { parseSchoolListFilters, type SearchParamsLike } from "./list-filters";
import { isStale } from "./stale";
import { unreportedStandardFields } from "./standards";
import { schoolWarnings } from "./warnings";

/** /console/schools: the list within the user's scope; bad filter values are dropped and reported. */
export async function loadSchoolList(params: SearchParamsLike) {
  const user = await requirePolicy("loadSchoolList");
  const scope = requireAuthorityScope(user);
  const { filters, invalid } = parseSchoolListFilters(params);
  // An officer's own authority always applies; an authority filter in the URL means nothing to them.
  if (scope.authorityId && filters.authority) filters.authority = undefined;
  const divisionAuthority = scope.authorityId ?? filters.authority ?? null;
  const [{ rows, total }, [authorities, divisions]] = await Promise.all([
    listSchools(scope, filters),
    listFilterChoices(!scope.authorityId, divisionAuthority),
  ]);
  return { user, scope: scope.authorityId, canWrite: may(user, "loadNewSchoolForm"), filters, invalid, rows, total, authorities, divisions };
}

/** /console/schools/new: the choices the form needs (an officer sees only their own authority). */
export async function loadNewSchoolForm() {
  const user = await requirePolicy("loadNewSchoolForm");
  const scope = requireAuthorityScope(user);
  const [authorities, divisions] = await Promise.all([listAuthorities(), listDivisions(scope.authorityId)]);
  return {
    user,
    authorities: scope.authorityId ? authorities.filter((a) => a.id === scope.authorityId) : authorities,
    divisions,
  };
}

/** /console/schools/[id]/edit: the record with its version; another authority's school is "not found". */
export async function loadSchoolEdit(id: string) {
  const user = await requirePolicy("loadSchoolEdit");
  const school = await getSchoolForEdit(requireAuthorityScope(user), id);
  if (!school) notFound();
  const divisions = await listDivisions(school.authorityId);
  return { user, school, divisions };
}

/** /console/schools/[id]: identity, figures with warnings, confirmation, and the history timeline. */
export async function loadSchoolPage(id: string, historyPage = 1) {
  const user = await requirePolicy("loadSchoolPage");
  const school = await getSchoolForEdit(requireAuthorityScope(user), id);
  if (!school) notFound();
  const page = Number.isInteger(historyPage) && historyPage >= 1 ? historyPage : 1;
  const [history, confirmedBy, lookAlike] = await Promise.all([
    listSchoolHistory(school.id, page),
    getUserLabel(school.lastConfirmedById),
    lookAlikeWarnings(school.authorityId, school.nameZh, "nameZh", school.id),
  ]);
  const majorIds = history.events.filter((e) => e.entityType === "SchoolMajor").map((e) => e.entityId);
  const [majorLabels, divisions] = await Promise.all([labelsForHistory([...new Set(majorIds)]), listDivisions(school.authorityId)]);
  // Names for the codes stored in audit events, in both languages (the page picks one).
  const valueLabels = {
    "zh-CN": { [`authorityId:${school.authorityId}`]: school.authority.nameZh } as Record<string, string>,
    en: { [`authorityId:${school.authorityId}`]: school.authority.nameEn } as Record<string, string>,
  };
  for (const d of divisions) {
    valueLabels["zh-CN"][`divisionCode:${d.code}`] = d.nameZh;
    valueLabels.en[`divisionCode:${d.code}`] = d.nameEn;
  }
  return {
    user,
    canWrite: may(user, "updateSchoolAction"),
    school,
    stale: isStale(school),
    confirmedBy,
    warnings: [...lookAlike, ...schoolWarnings(school)],
    unreported: unreportedStandardFields(school.tier, school),
    history: { ...history, events: history.events.map((e) => ({ ...e, subject: majorLabels.get(e.entityId) ?? null })), valueLabels },
  };
}
