-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "xid" SET DEFAULT (pg_current_xact_id())::text::bigint;

-- CreateTable
CREATE TABLE "ConfirmationCampaign" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "ConfirmationCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConfirmationCampaign_year_key" ON "ConfirmationCampaign"("year");

-- CreateIndex
CREATE INDEX "ConfirmationCampaign_openedAt_idx" ON "ConfirmationCampaign"("openedAt");
