-- DropIndex
DROP INDEX "School_lastConfirmedAt_idx";

-- DropIndex
DROP INDEX "School_namePinyin_idx";

-- CreateIndex
CREATE INDEX "School_lastConfirmedAt_status_idx" ON "School"("lastConfirmedAt", "status");

-- CreateIndex
CREATE INDEX "School_authorityId_lastConfirmedAt_status_idx" ON "School"("authorityId", "lastConfirmedAt", "status");

-- CreateIndex
CREATE INDEX "School_namePinyin_nameZh_id_idx" ON "School"("namePinyin", "nameZh", "id");

-- CreateIndex
CREATE INDEX "School_authorityId_updatedAt_id_idx" ON "School"("authorityId", "updatedAt", "id");
