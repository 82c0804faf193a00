-- CreateIndex
CREATE INDEX "School_successorId_idx" ON "School"("successorId");

-- CreateIndex
CREATE INDEX "School_id_authorityId_tier_idx" ON "School"("id", "authorityId", "tier");
