import "server-only";
import { notFound } from "next/navigation";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { TRANSITIONS, isTerminal, type Transition } from "@/lib/schools/lifecycle";
import { TIER_ORDER, adjacentTiers, approvalBodyFor } from "@/lib/schools/tier-rules";
import { getChangeTarget, getLineage, listSchoolChanges, listSuccessorCandidates } from "./data";
import { ymd } from "./audit-values";

/**
 * Request-facing reads of the change pages: gate (the page's row, authority scope), then data.
 * Another authority's school is "not found" for an officer.
 */
async function gatedSchool(page: "loadStatusPage" | "loadTierPage" | "loadRenamePage", id: string) {
  const user = await requirePolicy(page);
  const scope = requireAuthorityScope(user);
  const school = await getChangeTarget(scope, id);
  if (!school) notFound();
  return {
    user,
    school: { ...school, statusSince: ymd(school.statusSince), tierSince: ymd(school.tierSince), approvalDate: ymd(school.approvalDate) },
  };
}

export type StatusOption = Pick<Transition, "to" | "reasons" | "needsSuccessor" | "needsConversionNote" | "hintMinYearsInStatus"> & {
  terminal: boolean;
};

/** The status page: the allowed targets with their reasons, merge candidates and past status changes. */
export async function loadStatusPage(id: string, only?: "MERGED") {
  const { school } = await gatedSchool("loadStatusPage", id);
  const options: StatusOption[] = TRANSITIONS.filter((t) => t.from === school.status && (!only || t.to === only)).map((t) => ({
    to: t.to,
    reasons: t.reasons,
    needsSuccessor: t.needsSuccessor,
    needsConversionNote: t.needsConversionNote,
    hintMinYearsInStatus: t.hintMinYearsInStatus,
    terminal: isTerminal(t.to),
  }));
  const needsCandidates = options.some((o) => o.needsSuccessor);
  const [candidates, changes] = await Promise.all([
    needsCandidates ? listSuccessorCandidates(school.authorityId, school.id) : Promise.resolve([]),
    listSchoolChanges(school.id, { in: ["STATUS_CHANGE", "MERGE", "CONVERSION", "CLOSURE"] }),
  ]);
  return { school, options, terminal: isTerminal(school.status), candidates, changes };
}

/** The tier page: every other tier (neighbours need no override), with the approving body of each. */
export async function loadTierPage(id: string) {
  const { school } = await gatedSchool("loadTierPage", id);
  const adjacent = adjacentTiers(school.tier);
  const targets = TIER_ORDER.filter((t) => t !== school.tier).map((t) => ({
    tier: t,
    needsOverride: !adjacent.includes(t),
    approvalBody: approvalBodyFor(t),
  }));
  const changes = await listSchoolChanges(school.id, "TIER_CHANGE");
  return { school, targets, changes, terminal: isTerminal(school.status) };
}

export async function loadRenamePage(id: string) {
  const { school } = await gatedSchool("loadRenamePage", id);
  const changes = await listSchoolChanges(school.id, "RENAME");
  return { school, changes, terminal: isTerminal(school.status) };
}

/**
 * Lineage of a school (former names, renames, predecessors, successor) for the console school
 * page and the public school page. Returns public facts only, so it needs no gate; callers that
 * show it in the console have already gated the school itself. Null when the school does not exist.
 */
export async function loadLineage(schoolId: string) {
  return getLineage(schoolId);
}
