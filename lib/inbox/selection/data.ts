import "server-only";
import { db } from "@/lib/db/client";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { batchPhaseOf } from "@/lib/selection/states";
import type { SelectionBatchStatus } from "@/lib/kernel/enums";

/**
 * Selection work for the inbox: counts and the first rows only. Phases come from the state tables
 * (lib/selection/states.ts), so "what can still be done" is the rule the mutations apply.
 */
const school = { select: { nameZh: true, nameEn: true } } as const;
const authority = { select: { nameZh: true, nameEn: true } } as const;
const batch = { select: { id: true, nameZh: true, nameEn: true, windowClosesAt: true } } as const;

/** An authority's applications still to submit (draft) or to recommend (submitted) while the batch takes them. */
export async function applicationsDue(scope: AuthorityScope, take: number) {
  const where = {
    ...inScope(scope),
    status: { in: ["DRAFT" as const, "SUBMITTED" as const] },
    batch: { status: { in: [...batchPhaseOf.recommendation] } },
  };
  const [count, rows] = await Promise.all([
    db().selectionApplication.count({ where }),
    db().selectionApplication.findMany({
      where,
      orderBy: [{ batch: { windowClosesAt: "asc" } }, { id: "asc" }],
      take,
      select: { id: true, status: true, school, batch },
    }),
  ]);
  return { count, rows };
}

/** Batches still in progress, earliest deadline first: the ministry's next step on each. */
const ACTIVE: SelectionBatchStatus[] = ["DRAFT", "APPLYING", "REVIEWING", "DECIDING", "NOTICE"];
export async function activeBatches(take: number) {
  const where = { status: { in: ACTIVE } };
  const [count, rows] = await Promise.all([
    db().selectionBatch.count({ where }),
    db().selectionBatch.findMany({
      where,
      orderBy: [{ windowClosesAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, nameZh: true, nameEn: true, status: true, windowOpensAt: true, windowClosesAt: true, reviewClosesAt: true, noticeEndsAt: true },
    }),
  ]);
  return { count, rows };
}

const openReview = { status: "ASSIGNED" as const, application: { batch: { status: { in: [...batchPhaseOf.scoring] } } } };

/** Reviews assigned and not yet submitted in batches under review, per batch. */
export async function openReviewsByBatch(take: number) {
  const [count, batches] = await Promise.all([
    db().reviewAssignment.count({ where: openReview }),
    db().selectionBatch.findMany({
      where: { status: { in: [...batchPhaseOf.scoring] }, applications: { some: { assignments: { some: { status: "ASSIGNED" } } } } },
      orderBy: [{ reviewClosesAt: { sort: "asc", nulls: "last" } }, { windowClosesAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, nameZh: true, nameEn: true, reviewClosesAt: true },
    }),
  ]);
  const rows = await Promise.all(
    batches.map(async (b) => ({ ...b, open: await db().reviewAssignment.count({ where: { ...openReview, application: { batchId: b.id } } }) })),
  );
  return { count, rows };
}

/** Objections lodged during a notice and not yet answered, per batch (the notice's end is the due date). */
export async function openObjectionsByBatch(take: number) {
  const where = { status: "OPEN" as const };
  const [count, groups] = await Promise.all([
    db().selectionObjection.count({ where }),
    db().selectionObjection.groupBy({ by: ["batchId"], where, _count: { _all: true }, orderBy: { batchId: "asc" }, take }),
  ]);
  const batches = await db().selectionBatch.findMany({
    where: { id: { in: groups.map((g) => g.batchId) } },
    select: { id: true, nameZh: true, nameEn: true, noticeEndsAt: true },
  });
  return { count, rows: groups.map((g) => ({ ...batches.find((b) => b.id === g.batchId)!, open: g._count._all })) };
}

/**
 * An expert's reviews still to score, newest first: assigned, in a batch under review, and without
 * a conflict (the same rule as lib/selection/conflicts.ts, read from the user row and declarations).
 */
export async function pendingReviewsOf(expertId: string, take: number) {
  const expert = await db().user.findUnique({ where: { id: expertId }, select: { authorityId: true } });
  const where = {
    expertId,
    ...openReview,
    application: {
      batch: { status: { in: [...batchPhaseOf.scoring] } },
      ...(expert?.authorityId ? { authorityId: { not: expert.authorityId } } : {}),
      school: { expertAffiliations: { none: { expertId } } },
    },
  };
  const [count, rows] = await Promise.all([
    db().reviewAssignment.count({ where }),
    db().reviewAssignment.findMany({
      where,
      orderBy: [{ assignedAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        assignedAt: true,
        application: { select: { school, authority, batch: { select: { nameZh: true, nameEn: true, reviewClosesAt: true } } } },
      },
    }),
  ]);
  return { count, rows };
}
