-- CreateIndex
CREATE INDEX "School_tier_namePinyin_nameZh_id_idx" ON "School"("tier", "namePinyin", "nameZh", "id");

-- CreateIndex
CREATE INDEX "School_authorityId_tier_namePinyin_nameZh_id_idx" ON "School"("authorityId", "tier", "namePinyin", "nameZh", "id");

-- CreateIndex (NULLS FIRST, written by hand: the list's ORDER BY "lastConfirmedAt" ASC NULLS FIRST, and DESC NULLS LAST read backwards)
CREATE INDEX "School_lastConfirmedAt_id_idx" ON "School"("lastConfirmedAt" NULLS FIRST, "id");

-- CreateIndex
CREATE INDEX "School_authorityId_lastConfirmedAt_id_idx" ON "School"("authorityId", "lastConfirmedAt" NULLS FIRST, "id");
