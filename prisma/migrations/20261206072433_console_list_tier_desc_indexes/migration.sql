-- CreateIndex
CREATE INDEX "School_tier_desc_namePinyin_nameZh_id_idx" ON "School"("tier" DESC, "namePinyin", "nameZh", "id");

-- CreateIndex
CREATE INDEX "School_authorityId_tier_desc_namePinyin_nameZh_id_idx" ON "School"("authorityId", "tier" DESC, "namePinyin", "nameZh", "id");
