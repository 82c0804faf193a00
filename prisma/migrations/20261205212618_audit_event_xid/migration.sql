-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint;

-- CreateIndex
CREATE INDEX "AuditEvent_xid_id_idx" ON "AuditEvent"("xid", "id");
