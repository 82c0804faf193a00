/**
 * Conflict of interest, enforced (not trusted): an expert is never offered, and can never open,
 * an application from their own home authority or from a school they declared a tie with.
 * An expert without a home authority conflicts only through declarations.
 */
export type Conflict = "sameAuthority" | "affiliation";

export function conflictOf(
  expert: { authorityId: string | null },
  application: { authorityId: string; schoolId: string },
  affiliatedSchoolIds: ReadonlySet<string> | readonly string[],
): Conflict | null {
  if (expert.authorityId && expert.authorityId === application.authorityId) return "sameAuthority";
  const has = Array.isArray(affiliatedSchoolIds)
    ? (affiliatedSchoolIds as readonly string[]).includes(application.schoolId)
    : (affiliatedSchoolIds as ReadonlySet<string>).has(application.schoolId);
  return has ? "affiliation" : null;
}

/** The experts that may be offered for an application, in the given order. */
export function eligibleExperts<E extends { id: string; authorityId: string | null; affiliatedSchoolIds: readonly string[] }>(
  experts: readonly E[],
  application: { authorityId: string; schoolId: string },
): E[] {
  return experts.filter((e) => conflictOf(e, application, e.affiliatedSchoolIds) === null);
}
