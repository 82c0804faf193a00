-- CreateEnum
CREATE TYPE "SelectionKind" AS ENUM ('SCHOOL', 'MAJOR');

-- CreateEnum
CREATE TYPE "SelectionBatchStatus" AS ENUM ('DRAFT', 'APPLYING', 'REVIEWING', 'DECIDING', 'NOTICE', 'ANNOUNCED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SelectionApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RECOMMENDED', 'NOT_RECOMMENDED', 'SELECTED', 'NOT_SELECTED', 'REMOVED', 'DESIGNATED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReviewAssignmentStatus" AS ENUM ('ASSIGNED', 'SUBMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SelectionObjectionStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- CreateTable
CREATE TABLE "SelectionBatch" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "SelectionKind" NOT NULL,
    "status" "SelectionBatchStatus" NOT NULL DEFAULT 'DRAFT',
    "targetCount" INTEGER NOT NULL,
    "eligibleTiers" "SchoolTier"[],
    "eligibleStatuses" "SchoolStatus"[],
    "defaultQuota" INTEGER NOT NULL DEFAULT 0,
    "windowOpensAt" TIMESTAMP(3) NOT NULL,
    "windowClosesAt" TIMESTAMP(3) NOT NULL,
    "noticeDays" INTEGER NOT NULL DEFAULT 5,
    "minExperts" INTEGER NOT NULL DEFAULT 2,
    "spreadThreshold" DOUBLE PRECISION NOT NULL DEFAULT 15,
    "cutLine" DOUBLE PRECISION,
    "noticeStartsAt" TIMESTAMP(3),
    "noticeEndsAt" TIMESTAMP(3),
    "announcedAt" TIMESTAMP(3),
    "documentNo" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelectionBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionIndicator" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "maxScore" DOUBLE PRECISION NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "SelectionIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionQuota" (
    "batchId" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "quota" INTEGER NOT NULL,

    CONSTRAINT "SelectionQuota_pkey" PRIMARY KEY ("batchId","authorityId")
);

-- CreateTable
CREATE TABLE "SelectionApplication" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolMajorId" TEXT,
    "authorityId" TEXT NOT NULL,
    "status" "SelectionApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "selfAssessment" JSONB NOT NULL DEFAULT '{}',
    "evidenceText" TEXT,
    "evidenceLinks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "provinceRank" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "recommendedAt" TIMESTAMP(3),
    "recommendedById" TEXT,
    "designationId" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelectionApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionAttachment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "SelectionAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertAffiliation" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "note" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "status" "ReviewAssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "internalComment" TEXT,
    "applicantFeedback" TEXT,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "assignmentId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ReviewScore_pkey" PRIMARY KEY ("assignmentId","indicatorId")
);

-- CreateTable
CREATE TABLE "SelectionDecision" (
    "applicationId" TEXT NOT NULL,
    "selected" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "finalScore" DOUBLE PRECISION,
    "rank" INTEGER,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedReason" TEXT,

    CONSTRAINT "SelectionDecision_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "SelectionObjection" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ipHash" VARCHAR(64) NOT NULL,
    "status" "SelectionObjectionStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelectionObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SelectionBatch_status_idx" ON "SelectionBatch"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SelectionBatch_year_nameZh_key" ON "SelectionBatch"("year", "nameZh");

-- CreateIndex
CREATE UNIQUE INDEX "SelectionIndicator_batchId_code_key" ON "SelectionIndicator"("batchId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SelectionApplication_designationId_key" ON "SelectionApplication"("designationId");

-- CreateIndex
CREATE INDEX "SelectionApplication_batchId_authorityId_status_idx" ON "SelectionApplication"("batchId", "authorityId", "status");

-- CreateIndex
CREATE INDEX "SelectionApplication_schoolId_idx" ON "SelectionApplication"("schoolId");

-- CreateIndex
CREATE INDEX "SelectionApplication_status_idx" ON "SelectionApplication"("status");

-- CreateIndex
CREATE INDEX "SelectionAttachment_applicationId_idx" ON "SelectionAttachment"("applicationId");

-- CreateIndex
CREATE INDEX "ExpertAffiliation_schoolId_idx" ON "ExpertAffiliation"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertAffiliation_expertId_schoolId_key" ON "ExpertAffiliation"("expertId", "schoolId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_expertId_status_idx" ON "ReviewAssignment"("expertId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_applicationId_expertId_key" ON "ReviewAssignment"("applicationId", "expertId");

-- CreateIndex
CREATE INDEX "SelectionObjection_batchId_status_idx" ON "SelectionObjection"("batchId", "status");

-- CreateIndex
CREATE INDEX "SelectionObjection_ipHash_createdAt_idx" ON "SelectionObjection"("ipHash", "createdAt");

-- AddForeignKey
ALTER TABLE "SelectionIndicator" ADD CONSTRAINT "SelectionIndicator_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SelectionBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionQuota" ADD CONSTRAINT "SelectionQuota_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SelectionBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionQuota" ADD CONSTRAINT "SelectionQuota_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionApplication" ADD CONSTRAINT "SelectionApplication_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SelectionBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionApplication" ADD CONSTRAINT "SelectionApplication_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionApplication" ADD CONSTRAINT "SelectionApplication_schoolMajorId_fkey" FOREIGN KEY ("schoolMajorId") REFERENCES "SchoolMajor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionApplication" ADD CONSTRAINT "SelectionApplication_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionAttachment" ADD CONSTRAINT "SelectionAttachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SelectionApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAffiliation" ADD CONSTRAINT "ExpertAffiliation_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAffiliation" ADD CONSTRAINT "ExpertAffiliation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SelectionApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "SelectionIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionDecision" ADD CONSTRAINT "SelectionDecision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SelectionApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionObjection" ADD CONSTRAINT "SelectionObjection_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SelectionBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionObjection" ADD CONSTRAINT "SelectionObjection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SelectionApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
