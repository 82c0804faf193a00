import "server-only";
import { notFound } from "next/navigation";
import { requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { getBatch } from "../batches/data";
import { addDays, toShanghaiInput } from "@/lib/kernel/dates";
import { designationTable, stepsFrom } from "../states";
import { designationsOf, listPublicBatches, objectionsOf, publicNotice } from "./data";

/** Public: batches with published results. */
export async function loadPublicNotices() {
  return { batches: await listPublicBatches() };
}

/** Public: one notice, and whether objections are open right now. */
export async function loadPublicNotice(batchId: string) {
  const n = await publicNotice(batchId);
  if (!n) notFound();
  const now = new Date();
  const open = n.batch.status === "NOTICE" && !!n.batch.noticeEndsAt && now < n.batch.noticeEndsAt;
  return { ...n, objectionsOpen: open, selectable: n.entries.filter((e) => e.status === "SELECTED") };
}

/** Ministry: objections, the notice/announcement forms, designations and their follow-up. */
export async function loadNoticeAdmin(batchId: string) {
  const user = await requirePolicy("loadNoticeAdmin");
  const batch = await getBatch(batchId);
  if (!batch) notFound();
  const [objections, designations] = await Promise.all([objectionsOf(batchId), batch.status === "ANNOUNCED" ? designationsOf(batchId) : Promise.resolve([])]);
  const now = new Date();
  return {
    batch,
    canAct: may(user, "publishNoticeAction"),
    objections,
    designations: designations.map((d) => ({ ...d, steps: stepsFrom(designationTable, d.designation.status) })),
    noticeOver: !!batch.noticeEndsAt && now >= batch.noticeEndsAt,
    openObjections: objections.filter((o) => o.status === "OPEN").length,
    // An hour of slack so the default still satisfies the minimum period when the form is sent.
    defaultNoticeEnd: toShanghaiInput(new Date(addDays(now, batch.noticeDays).getTime() + 3600_000)),
  };
}
