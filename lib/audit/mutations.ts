import "server-only";
import { insertJson, newId } from "@/lib/db/bulk-insert";
import type { Prisma, Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";

export type AuditSource = "web" | "import" | "seed" | "system" | "api";

export type AuditInput = {
  actor: { id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  authorityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  source?: AuditSource;
  /** The client's address (lib/request/client-address.ts); absent for the seed and scripts. */
  clientAddress?: string | null;
};

const json = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** The row of one event (the columns both writers below fill). */
function auditRow(e: AuditInput) {
  return {
    actorId: e.actor.id,
    actorLabel: e.actor.label,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    authorityId: e.authorityId ?? null,
    before: json(e.before),
    after: json(e.after),
    reason: e.reason ?? null,
    source: e.source ?? "web",
    clientAddress: e.clientAddress ?? null,
  };
}

/** Every write records one audit event in the same transaction (conventions rule 5). */
export async function recordAudit(tx: Tx, e: AuditInput) {
  await tx.auditEvent.create({ data: auditRow(e), select: { id: true } });
}

const AUDIT_COLUMNS: [string, string][] = [
  ["id", "text"],
  ["actorId", "text"],
  ["actorLabel", "text"],
  ["action", "text"],
  ["entityType", "text"],
  ["entityId", "text"],
  ["authorityId", "text"],
  ["before", "jsonb"],
  ["after", "jsonb"],
  ["reason", "text"],
  ["source", "text"],
  ["clientAddress", "text"],
];

/** Many events at once (a confirmed import), with exactly the fields recordAudit writes. */
export async function recordAudits(tx: Tx, events: AuditInput[]) {
  await insertJson(
    tx,
    "AuditEvent",
    AUDIT_COLUMNS,
    events.map((e) => {
      const row = auditRow(e);
      return { id: newId(), ...row, before: row.before ?? null, after: row.after ?? null };
    }),
  );
}

/** Reading the audit log out of the system is itself recorded (who exported what, from where). */
export async function recordAuditExport(ctx: WriteContext, input: { filter: Record<string, unknown> }) {
  await ctx.audit({ action: "audit.export", entityType: "AuditLog", entityId: "export", after: { filter: input.filter } });
}
