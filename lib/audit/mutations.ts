import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";

export type AuditInput = {
  actor: { id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  authorityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  source?: "web" | "import" | "seed" | "system" | "api";
};

const json = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** Every write records one audit event in the same transaction (conventions rule 5). */
export async function recordAudit(tx: Tx, e: AuditInput) {
  await tx.auditEvent.create({
    data: {
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
    },
    select: { id: true },
  });
}

/** Reading the audit log out of the system is itself recorded (who exported what). */
export async function recordAuditExport(actor: { id: string; label: string }, filter: Record<string, unknown>) {
  await db().$transaction((tx) =>
    recordAudit(tx, { actor, action: "audit.export", entityType: "AuditLog", entityId: "export", after: { filter } }),
  );
}
