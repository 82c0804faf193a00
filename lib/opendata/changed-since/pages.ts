import "server-only";
import type { z } from "zod";
import { shanghaiToday, ymd } from "@/lib/kernel/dates";
import { ON_REGISTER } from "@/lib/schools/rules";
import { summariesOf } from "@/lib/public/data";
import { designationOut } from "../data";
import type { majorChangesSchema } from "../schemas/major-changes";
import type { designationChangesSchema, schoolChangesSchema } from "../schemas/response";
import { encodeCursor, type Position } from "./cursor";
import { changedEntities, designationOwners, designationsByIds, schoolEnds, schoolMajorsByIds, type ChangedEntity } from "./data";

/**
 * The changedSince answers: the records named by a window of the change log, as they are now —
 * those on the register in `data`, those that left it as tombstones in `removed` (each id once).
 * A record changed again later comes again later: the client upserts by id and converges.
 */
export type ChangeRequest = { since: Date | null; after: Position | null; limit: number };

const distinct = (ids: string[]) => [...new Set(ids)];

/** The schools whose public summary an event may change: the school itself, or its designation's. */
async function schoolIdsOf(rows: ChangedEntity[]): Promise<string[]> {
  const designationIds = rows.filter((r) => r.entityType === "Designation").map((r) => r.entityId);
  const owners = designationIds.length ? await designationOwners(designationIds) : [];
  const ownerOf = new Map(owners.map((d) => [d.id, d.schoolId]));
  return distinct(rows.flatMap((r) => (r.entityType === "School" ? [r.entityId] : (ownerOf.get(r.entityId) ?? []))));
}

export async function schoolChanges(q: ChangeRequest, now: Date): Promise<z.output<typeof schoolChangesSchema>> {
  const w = await changedEntities({ entityTypes: ["School", "Designation"], ...q });
  const ids = await schoolIdsOf(w.rows);
  const [summaries, ends] = await Promise.all([summariesOf(ids, shanghaiToday(now)), schoolEnds(ids)]);
  const end = new Map(ends.map((s) => [s.id, s]));
  const onRegister = (id: string) => ON_REGISTER.includes(end.get(id)!.status);
  return {
    data: summaries.filter((s) => onRegister(s.id)),
    removed: ids
      .filter((id) => !end.has(id) || !onRegister(id))
      .map((id) => {
        const s = end.get(id);
        return s
          ? { id, publicCode: s.publicCode, status: s.status, statusSince: ymd(s.statusSince), successor: s.successor }
          : { id, publicCode: null, status: null, statusSince: null, successor: null };
      }),
    nextCursor: encodeCursor(w.next),
    hasMore: w.more,
  };
}

export async function designationChanges(q: ChangeRequest): Promise<z.output<typeof designationChangesSchema>> {
  const w = await changedEntities({ entityTypes: ["Designation"], ...q });
  const ids = distinct(w.rows.map((r) => r.entityId));
  const rows = await designationsByIds(ids);
  const byId = new Map(rows.map((d) => [d.id, d]));
  const kept = ids.flatMap((id) => {
    const d = byId.get(id);
    return d && d.status !== "REVOKED" ? [designationOut(d)] : [];
  });
  return {
    data: kept,
    removed: ids
      .filter((id) => byId.get(id)?.status === "REVOKED" || !byId.has(id))
      .map((id) => {
        const d = byId.get(id);
        return { id, status: d?.status ?? null, endDate: ymd(d?.endDate ?? null) };
      }),
    nextCursor: encodeCursor(w.next),
    hasMore: w.more,
  };
}

/** Offered majors named by SchoolMajor events: withdrawn or deleted ones as tombstones. */
export async function majorChanges(q: ChangeRequest): Promise<z.output<typeof majorChangesSchema>> {
  const w = await changedEntities({ entityTypes: ["SchoolMajor"], ...q });
  const ids = distinct(w.rows.map((r) => r.entityId));
  const byId = new Map((await schoolMajorsByIds(ids)).map((m) => [m.id, m]));
  const offered = (id: string) => byId.has(id) && byId.get(id)!.status !== "WITHDRAWN";
  return {
    data: ids.filter(offered).map((id) => {
      const { major, ...m } = byId.get(id)!;
      return { ...m, majorId: major.id, code: major.code, nameZh: major.nameZh, nameEn: major.nameEn };
    }),
    removed: ids.filter((id) => !offered(id)).map((id) => ({ id, schoolId: byId.get(id)?.schoolId ?? null, status: byId.get(id)?.status ?? null })),
    nextCursor: encodeCursor(w.next),
    hasMore: w.more,
  };
}
