-- CreateEnum
CREATE TYPE "ErrorReportStatus" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "xid" SET DEFAULT (pg_current_xact_id())::text::bigint;

-- CreateTable
CREATE TABLE "ErrorReport" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(12) NOT NULL,
    "schoolId" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "field" VARCHAR(40) NOT NULL,
    "problem" TEXT NOT NULL,
    "proposed" TEXT NOT NULL,
    "contact" TEXT,
    "status" "ErrorReportStatus" NOT NULL DEFAULT 'OPEN',
    "ipHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "ErrorReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ErrorReport_code_key" ON "ErrorReport"("code");

-- CreateIndex
CREATE INDEX "ErrorReport_ipHash_createdAt_idx" ON "ErrorReport"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "ErrorReport_schoolId_createdAt_idx" ON "ErrorReport"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "ErrorReport_authorityId_status_createdAt_idx" ON "ErrorReport"("authorityId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "ErrorReport" ADD CONSTRAINT "ErrorReport_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
