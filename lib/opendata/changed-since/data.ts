import "server-only";
import { Prisma, db } from "@/lib/db/client";
import { designationSelect } from "../data";
import type { Position } from "./cursor";

/**
 * The change log behind changedSince: audit events, in (xid, id) order, of transactions older than
 * the reading snapshot's xmin. Every transaction below xmin has ended, so no event can later appear
 * behind a position already handed out — a cursor never skips, and (strictly after) never repeats.
 * A transaction that started earlier but commits later simply waits until it is below xmin.
 * Not cached: the answer depends on the snapshot, not only on the data version. On the primary,
 * every read here: a replica's snapshot and rows lag the primary's (decision 0073), and a cursor
 * handed out by one must not be continued against the other.
 */
export type ChangedEntity = { xid: bigint; id: string; entityType: string; entityId: string };
export type ChangeWindow = { rows: ChangedEntity[]; next: Position; more: boolean };

/** Where a reader stands: events of transactions at or above `xmin` are not handed out yet. */
const XMIN = Prisma.sql`(pg_snapshot_xmin(pg_current_snapshot()))::text::bigint`;

export async function changedEntities(q: { entityTypes: string[]; after: Position | null; since: Date | null; limit: number }): Promise<ChangeWindow> {
  const after = q.after ? Prisma.sql`AND (a."xid", a."id") > (${q.after.xid}::bigint, ${q.after.id})` : Prisma.empty;
  const since = q.since ? Prisma.sql`AND a."at" > ${q.since}` : Prisma.empty;
  const types = Prisma.join(q.entityTypes.map((t) => Prisma.sql`${t}`));
  // One statement: the events and the xmin come from the same snapshot. The (xid, id) index serves
  // the row comparison and the order, so the scan stops at LIMIT.
  const rows = await db().$queryRaw<{ xid: bigint | null; id: string | null; entityType: string; entityId: string; xmin: bigint }[]>(Prisma.sql`
    WITH w AS (SELECT ${XMIN} AS xmin)
    SELECT e."xid", e."id", e."entityType", e."entityId", w.xmin
    FROM w LEFT JOIN LATERAL (
      SELECT a."xid", a."id", a."entityType", a."entityId" FROM "AuditEvent" a
      WHERE a."xid" < w.xmin AND a."entityType" IN (${types}) ${after} ${since}
      ORDER BY a."xid", a."id"
      LIMIT ${q.limit + 1}
    ) e ON TRUE`);
  const xmin = BigInt(rows[0]?.xmin ?? 0);
  const found = rows.flatMap((r) => (r.id === null ? [] : [{ xid: BigInt(r.xid!), id: r.id, entityType: r.entityType, entityId: r.entityId }]));
  const more = found.length > q.limit;
  const page = found.slice(0, q.limit);
  // A full page continues after its last event; otherwise every ended transaction below xmin has
  // been read, and the next answer starts at xmin (never before the position asked for).
  const last = page.at(-1);
  const floor = q.after ?? { xid: 0n, id: "" };
  const atXmin = { xid: xmin, id: "" };
  const next = more && last ? last : later(later(floor, last ?? floor), atXmin);
  return { rows: page, next, more };
}

function later(a: Position, b: Position): Position {
  return a.xid > b.xid || (a.xid === b.xid && a.id >= b.id) ? a : b;
}

/** The position a release read after this call can promise (on the primary, where releases read): every transaction below this xmin is in it. */
export async function currentPosition(): Promise<Position> {
  const [r] = await db().$queryRaw<{ xmin: bigint }[]>(Prisma.sql`SELECT ${XMIN} AS xmin`);
  return { xid: BigInt(r.xmin), id: "" };
}

/** The records the change log names, read the same way (public fields only, by primary key). */
export const designationOwners = (ids: string[]) => db().designation.findMany({ where: { id: { in: ids } }, select: { id: true, schoolId: true } });

export const designationsByIds = (ids: string[]) => db().designation.findMany({ where: { id: { in: ids } }, select: designationSelect });

export const schoolEnds = (ids: string[]) =>
  db().school.findMany({
    where: { id: { in: ids } },
    select: { id: true, publicCode: true, status: true, statusSince: true, successor: { select: { id: true, publicCode: true } } },
  });

/** Schools' offered majors by id, with the catalogue entry they name (public fields only). */
export const schoolMajorsByIds = (ids: string[]) =>
  db().schoolMajor.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      schoolId: true,
      level: true,
      startingPoint: true,
      years: true,
      status: true,
      major: { select: { id: true, code: true, nameZh: true, nameEn: true } },
    },
  });
