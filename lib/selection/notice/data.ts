import "server-only";
import { db } from "@/lib/db/client";
import { batchNameSelect } from "../batches/data";

/** A batch's results are public while it is in notice and after it is announced. */
const PUBLIC_BATCH = { status: { in: ["NOTICE" as const, "ANNOUNCED" as const] } };
const publicBatchSelect = { ...batchNameSelect, noticeStartsAt: true, noticeEndsAt: true, announcedAt: true, documentNo: true } as const;

/** Batches whose results are public. */
export async function listPublicBatches() {
  return db().selectionBatch.findMany({ where: PUBLIC_BATCH, orderBy: [{ noticeStartsAt: "desc" }, { year: "desc" }], select: publicBatchSelect });
}

/**
 * The public notice of a batch: the selected list (and, after announcement, the designated one).
 * Only public facts: school, authority, major, score and rank — no contacts, no reviews, no notes.
 */
export async function publicNotice(batchId: string) {
  const batch = await db().selectionBatch.findFirst({ where: { id: batchId, ...PUBLIC_BATCH }, select: { ...publicBatchSelect, cutLine: true } });
  if (!batch) return null;
  const entries = await db().selectionApplication.findMany({
    where: { batchId, status: { in: ["SELECTED", "DESIGNATED", "REMOVED"] } },
    orderBy: [{ decision: { rank: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      school: { select: { id: true, nameZh: true, nameEn: true, publicCode: true, tier: true } },
      authority: { select: { nameZh: true, nameEn: true } },
      schoolMajor: { select: { level: true, major: { select: { nameZh: true, nameEn: true, code: true } } } },
      decision: { select: { finalScore: true, rank: true } },
    },
  });
  return { batch, entries };
}

/** Objections of a batch with the objector's contact (ministry only: the caller gates). */
export async function objectionsOf(batchId: string) {
  return db().selectionObjection.findMany({
    where: { batchId },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      status: true,
      name: true,
      contact: true,
      text: true,
      resolution: true,
      resolvedAt: true,
      createdAt: true,
      application: {
        select: { id: true, status: true, school: { select: { nameZh: true } }, schoolMajor: { select: { major: { select: { nameZh: true } } } } },
      },
    },
  });
}

/** Designations made by a batch, for acceptance and revocation. */
export async function designationsOf(batchId: string) {
  const apps = await db().selectionApplication.findMany({
    where: { batchId, designationId: { not: null } },
    select: { id: true, designationId: true, school: { select: { nameZh: true } }, schoolMajor: { select: { major: { select: { nameZh: true } } } } },
  });
  const ds = await db().designation.findMany({
    where: { id: { in: apps.map((a) => a.designationId!) } },
    select: { id: true, status: true, startDate: true, endDate: true, documentNo: true },
  });
  return apps
    .map((a) => ({ ...a, designation: ds.find((d) => d.id === a.designationId)! }))
    .sort((x, y) => x.school.nameZh.localeCompare(y.school.nameZh, "zh"));
}
