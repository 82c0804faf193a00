import "server-only";
import { db } from "@/lib/db/client";
import { conflictOf, type Conflict } from "../conflicts";

/**
 * Conflict of interest, read from the database at the moment of access — the home authority on
 * the user row (not the session) and the declared affiliations — so a tie declared after the
 * assignment closes the application to the expert at once. Every route an expert can take to an
 * application (review page, score action, attachment download, ledger) goes through here.
 */
export type ExpertAccess =
  | { ok: true; assignment: { id: string; status: "ASSIGNED" | "SUBMITTED" | "WITHDRAWN"; applicationId: string } }
  | { ok: false; why: "notAssigned" | Conflict };

export async function expertAccessToApplication(expertId: string, applicationId: string): Promise<ExpertAccess> {
  const [expert, app, assignment] = await Promise.all([
    db().user.findUnique({ where: { id: expertId }, select: { authorityId: true, role: true, disabled: true } }),
    db().selectionApplication.findUnique({ where: { id: applicationId }, select: { authorityId: true, schoolId: true } }),
    db().reviewAssignment.findUnique({
      where: { applicationId_expertId: { applicationId, expertId } },
      select: { id: true, status: true, applicationId: true },
    }),
  ]);
  if (!expert || expert.role !== "EXPERT" || expert.disabled || !app) return { ok: false, why: "notAssigned" };
  const affiliated = await db().expertAffiliation.findMany({ where: { expertId, schoolId: app.schoolId }, select: { schoolId: true } });
  const conflict = conflictOf(
    expert,
    app,
    affiliated.map((a) => a.schoolId),
  );
  if (conflict) return { ok: false, why: conflict };
  if (!assignment || assignment.status === "WITHDRAWN") return { ok: false, why: "notAssigned" };
  return { ok: true, assignment };
}

export async function expertAccessToAssignment(expertId: string, assignmentId: string): Promise<ExpertAccess> {
  const a = await db().reviewAssignment.findUnique({ where: { id: assignmentId }, select: { applicationId: true, expertId: true } });
  if (!a || a.expertId !== expertId) return { ok: false, why: "notAssigned" };
  return expertAccessToApplication(expertId, a.applicationId);
}

/** Experts with their home authority and declared schools, for offering assignments. */
export async function listExperts() {
  const experts = await db().user.findMany({
    where: { role: "EXPERT", disabled: false },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true, authorityId: true, expertAffiliations: { select: { schoolId: true } } },
  });
  return experts.map((e) => ({
    id: e.id,
    displayName: e.displayName,
    authorityId: e.authorityId,
    affiliatedSchoolIds: e.expertAffiliations.map((x) => x.schoolId),
  }));
}

/** An expert's own assignments (never anyone else's), with what the list shows. */
export async function listAssignmentsOf(expertId: string) {
  return db().reviewAssignment.findMany({
    where: { expertId, status: { not: "WITHDRAWN" } },
    orderBy: [{ status: "asc" }, { assignedAt: "asc" }],
    select: {
      id: true,
      status: true,
      assignedAt: true,
      submittedAt: true,
      application: {
        select: {
          id: true,
          authorityId: true,
          schoolId: true,
          school: { select: { nameZh: true, tier: true, authority: { select: { nameZh: true, nameEn: true } } } },
          schoolMajor: { select: { major: { select: { nameZh: true, code: true } } } },
          batch: { select: { id: true, nameZh: true, nameEn: true, kind: true, status: true } },
        },
      },
    },
  });
}

export async function affiliationsOf(expertId: string) {
  return db().expertAffiliation.findMany({
    where: { expertId },
    orderBy: { declaredAt: "desc" },
    select: { id: true, note: true, declaredAt: true, school: { select: { id: true, nameZh: true, authorityId: true } } },
  });
}

/** One review as its expert sees it: the application, the indicators, their own scores. */
export async function reviewForExpert(assignmentId: string) {
  return db().reviewAssignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      status: true,
      internalComment: true,
      applicantFeedback: true,
      submittedAt: true,
      scores: { select: { indicatorId: true, score: true } },
      application: {
        select: {
          id: true,
          selfAssessment: true,
          evidenceText: true,
          evidenceLinks: true,
          school: { select: { nameZh: true, tier: true, authority: { select: { nameZh: true, nameEn: true } } } },
          schoolMajor: { select: { level: true, major: { select: { nameZh: true, nameEn: true, code: true } } } },
          attachments: { where: { removedAt: null }, select: { id: true, fileName: true, sizeBytes: true } },
          batch: {
            select: {
              id: true,
              nameZh: true,
              nameEn: true,
              kind: true,
              status: true,
              indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true, weight: true, maxScore: true } },
            },
          },
        },
      },
    },
  });
}

/**
 * Other experts' submitted scores on the same application — only for an expert who has submitted
 * their own (the caller checks), anonymised: no ids or names leave this function.
 */
export async function peerScores(applicationId: string, exceptAssignmentId: string) {
  const rows = await db().reviewAssignment.findMany({
    where: { applicationId, status: "SUBMITTED", id: { not: exceptAssignmentId } },
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
    select: { scores: { select: { indicatorId: true, score: true } } },
  });
  return rows.map((r) => r.scores);
}

/** The expert's home authority from the user row (the session may be stale). */
export async function expertHome(userId: string) {
  return (await db().user.findUnique({ where: { id: userId }, select: { authorityId: true } }))?.authorityId ?? null;
}

/** Schools by name fragment, for an expert declaring a tie (at most 20). */
export async function searchSchoolsForDeclaration(q: string) {
  return db().school.findMany({
    where: { OR: [{ nameZh: { contains: q } }, { altNames: { has: q } }, { formerNames: { has: q } }] },
    orderBy: { nameZh: "asc" },
    take: 20,
    select: { id: true, nameZh: true, authority: { select: { nameZh: true, nameEn: true } } },
  });
}
