import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { dayAfter, dayStart, type AuditFilter } from "./schema";

/**
 * Reads of the audit log (the audit administrator and auditors). The application only ever
 * inserts AuditEvent rows; a database trigger refuses UPDATE, DELETE and TRUNCATE.
 */
const select = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  authorityId: true,
  before: true,
  after: true,
  reason: true,
  source: true,
} as const;

export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof select }>;

async function whereOf(f: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) {
    // A username names the account (indexed by actorId); otherwise match the label as written.
    const user = await db().user.findUnique({ where: { username: f.actor.toLowerCase() }, select: { id: true } });
    and.push({ OR: [...(user ? [{ actorId: user.id }] : []), { actorId: f.actor }, { actorLabel: { contains: f.actor, mode: "insensitive" } }] });
  }
  // "auth." matches every sign-in event; "auth.lockout" exactly that one.
  if (f.action) and.push(f.action.endsWith(".") ? { action: { startsWith: f.action } } : { action: f.action });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.authorityId) and.push({ authorityId: f.authorityId });
  if (f.from) and.push({ at: { gte: dayStart(f.from) } });
  if (f.to) and.push({ at: { lt: dayAfter(f.to) } });
  return and.length ? { AND: and } : {};
}

const order: Prisma.AuditEventOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

export async function listAuditEvents(f: AuditFilter, pageSize: number) {
  const where = await whereOf(f);
  const [total, rows] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where, select, orderBy: order, skip: (f.page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, rows };
}

/** The export, in batches (newest first), so that a large log is never held in memory whole. */
export async function* auditEventBatches(f: AuditFilter, batchSize = 1000, limit = 200_000): AsyncGenerator<AuditRow[]> {
  const where = await whereOf(f);
  let cursor: string | undefined;
  let sent = 0;
  while (sent < limit) {
    const rows = await db().auditEvent.findMany({
      where,
      select,
      orderBy: order,
      take: Math.min(batchSize, limit - sent),
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!rows.length) return;
    yield rows;
    sent += rows.length;
    cursor = rows[rows.length - 1].id;
    if (rows.length < batchSize) return;
  }
}

/** The entity types present, for the filter's suggestions (a loose index scan: one probe per type). */
export async function auditEntityTypes(): Promise<string[]> {
  const rows = await db().$queryRaw<{ t: string }[]>`
    WITH RECURSIVE types AS (
      (SELECT "entityType" AS t FROM "AuditEvent" ORDER BY "entityType" LIMIT 1)
      UNION ALL
      SELECT (SELECT "entityType" FROM "AuditEvent" WHERE "entityType" > types.t ORDER BY "entityType" LIMIT 1)
      FROM types WHERE types.t IS NOT NULL
    )
    SELECT t FROM types WHERE t IS NOT NULL`;
  return rows.map((r) => r.t);
}

export async function auditAuthorities() {
  return db().authority.findMany({ select: { id: true, nameZh: true, nameEn: true }, orderBy: { sortOrder: "asc" } });
}

/**
 * The audit events of one record, newest first (at most `take`): what a STALE_VERSION answer
 * reports as "changed by … at …" (refuseStale in lib/errors.ts). Reads through the caller's
 * transaction so that it sees the row the write lost against.
 */
export async function latestEvents(tx: Tx, entityType: string, entityId: string, take = 1) {
  return tx.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(take, 1), 50),
    select: { actorLabel: true, at: true, after: true },
  });
}
