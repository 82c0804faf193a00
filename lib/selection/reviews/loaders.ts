import "server-only";
import { notFound } from "next/navigation";
import { requirePolicy } from "@/lib/auth/gates";
import { listAuthorities } from "@/lib/authorities/data";
import { hasControlChar, normaliseName } from "@/lib/validation/text";
import { conflictOf } from "../conflicts";
import { expertTotal } from "../scoring";
import { affiliationsOf, expertAccessToAssignment, expertHome, listAssignmentsOf, peerScores, reviewForExpert, searchSchoolsForDeclaration } from "./data";

/** The expert's task list: only their own assignments, and none they are conflicted on. */
export async function loadMyReviews(q?: string) {
  const user = await requirePolicy("loadMyReviews");
  const [assignments, affiliations, found] = await Promise.all([
    listAssignmentsOf(user.id),
    affiliationsOf(user.id),
    // Names are stored normalised (normaliseName): the query is too, so a Kangxi or full-width form finds them.
    q && q.trim().length >= 2 && !hasControlChar(q) ? searchSchoolsForDeclaration(normaliseName(q).trim()) : Promise.resolve([]),
  ]);
  const declared = affiliations.map((a) => a.school.id);
  const home = await expertHome(user.id);
  return {
    user,
    assignments: assignments.filter((a) => !conflictOf({ authorityId: home }, a.application, declared)),
    affiliations,
    found: found.filter((s) => !declared.includes(s.id)),
    q: q ?? "",
  };
}

/**
 * One review. Refused (404) unless the signed-in expert holds the assignment and has no conflict
 * with the application at this moment. Other experts' scores appear, anonymised, only once this
 * expert has submitted their own.
 */
export async function loadReview(assignmentId: string) {
  const user = await requirePolicy("loadReview");
  const access = await expertAccessToAssignment(user.id, assignmentId);
  if (!access.ok) notFound();
  const review = await reviewForExpert(assignmentId);
  if (!review) notFound();
  const indicators = review.application.batch.indicators;
  const submitted = review.status === "SUBMITTED";
  const peers = submitted ? await peerScores(review.application.id, review.id) : [];
  const authorities = await listAuthorities();
  return {
    review,
    indicators,
    canScore: review.status === "ASSIGNED" && review.application.batch.status === "REVIEWING",
    ownTotal: expertTotal(indicators, Object.fromEntries(review.scores.map((s) => [s.indicatorId, s.score]))),
    peers: peers.map((p) => {
      const scores = Object.fromEntries(p.map((s) => [s.indicatorId, s.score]));
      return { scores, total: expertTotal(indicators, scores) };
    }),
    authorities,
  };
}
