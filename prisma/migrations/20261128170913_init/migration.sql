-- CreateEnum
CREATE TYPE "AuthorityKind" AS ENUM ('PROVINCE', 'MUNICIPALITY', 'AUTONOMOUS_REGION', 'CORPS');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MINISTRY_ADMIN', 'MINISTRY_STAFF', 'EXPERT', 'PROVINCE_OFFICER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "SchoolTier" AS ENUM ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL');

-- CreateEnum
CREATE TYPE "Ownership" AS ENUM ('PUBLIC', 'PRIVATE');

-- CreateEnum
CREATE TYPE "SponsorType" AS ENUM ('HR_DEPARTMENT', 'OTHER_GOVERNMENT', 'INDUSTRY', 'ENTERPRISE', 'PRIVATE_ENTITY');

-- CreateEnum
CREATE TYPE "SchoolStatus" AS ENUM ('PREPARING', 'OPERATING', 'ENROLMENT_SUSPENDED', 'RECTIFYING', 'REVOKED', 'MERGED', 'CONVERTED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('ESTABLISH', 'RENAME', 'TIER_CHANGE', 'STATUS_CHANGE', 'MERGE', 'CONVERSION', 'CLOSURE');

-- CreateEnum
CREATE TYPE "TrainingLevel" AS ENUM ('INTERMEDIATE', 'ADVANCED', 'PRE_TECHNICIAN');

-- CreateEnum
CREATE TYPE "StartingPoint" AS ENUM ('JUNIOR_SECONDARY', 'SENIOR_SECONDARY');

-- CreateEnum
CREATE TYPE "SchoolMajorStatus" AS ENUM ('FILED', 'ENROLLING', 'SUSPENDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DesignationKind" AS ENUM ('QUALITY_SCHOOL', 'QUALITY_MAJOR', 'EVALUATION_ORGANISATION', 'KEY_SCHOOL', 'TRAINING_BASE', 'WORLDSKILLS_BASE');

-- CreateEnum
CREATE TYPE "DesignationLevel" AS ENUM ('NATIONAL', 'PROVINCIAL');

-- CreateEnum
CREATE TYPE "DesignationStatus" AS ENUM ('ACTIVE', 'ACCEPTED', 'FAILED', 'REVOKED', 'EXPIRED');

-- CreateTable
CREATE TABLE "Authority" (
    "id" TEXT NOT NULL,
    "gbCode" VARCHAR(6),
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "shortZh" TEXT NOT NULL,
    "kind" "AuthorityKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Division" (
    "code" VARCHAR(6) NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,

    CONSTRAINT "Division_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL,
    "publicCode" VARCHAR(10) NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "namePinyin" TEXT NOT NULL DEFAULT '',
    "nameInitials" TEXT NOT NULL DEFAULT '',
    "altNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "formerNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tier" "SchoolTier" NOT NULL,
    "tierSince" DATE,
    "ownership" "Ownership" NOT NULL,
    "sponsorType" "SponsorType" NOT NULL,
    "sponsorName" TEXT,
    "authorityId" TEXT NOT NULL,
    "divisionCode" VARCHAR(6),
    "address" TEXT,
    "website" TEXT,
    "uscc" VARCHAR(18),
    "approvalDocNo" TEXT,
    "approvalDate" DATE,
    "establishedDate" DATE,
    "status" "SchoolStatus" NOT NULL DEFAULT 'OPERATING',
    "statusSince" DATE,
    "figuresYear" INTEGER,
    "fullTimeStudents" INTEGER,
    "trainingPersonTimes" INTEGER,
    "campusArea" INTEGER,
    "buildingArea" INTEGER,
    "equipmentValue" INTEGER,
    "teachers" INTEGER,
    "majorCount" INTEGER,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "successorId" TEXT,
    "lastConfirmedAt" TIMESTAMP(3),
    "lastConfirmedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolChange" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "documentNo" TEXT,
    "reasonCode" TEXT,
    "note" TEXT,
    "fromName" TEXT,
    "toName" TEXT,
    "fromTier" "SchoolTier",
    "toTier" "SchoolTier",
    "fromStatus" "SchoolStatus",
    "toStatus" "SchoolStatus",
    "relatedSchoolId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MajorCatalogEdition" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "publishedOn" DATE,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "MajorCatalogEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MajorCategory" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "MajorCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Major" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Major_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolMajor" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "majorId" TEXT NOT NULL,
    "level" "TrainingLevel" NOT NULL,
    "startingPoint" "StartingPoint" NOT NULL,
    "years" INTEGER NOT NULL,
    "status" "SchoolMajorStatus" NOT NULL DEFAULT 'FILED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolMajor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Designation" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "majorId" TEXT,
    "kind" "DesignationKind" NOT NULL,
    "level" "DesignationLevel" NOT NULL,
    "title" TEXT,
    "batchLabel" TEXT,
    "status" "DesignationStatus" NOT NULL DEFAULT 'ACTIVE',
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "documentNo" TEXT,
    "issuer" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Designation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "authorityId" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "authorityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "source" TEXT NOT NULL DEFAULT 'web',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Authority_gbCode_key" ON "Authority"("gbCode");

-- CreateIndex
CREATE INDEX "Division_authorityId_idx" ON "Division"("authorityId");

-- CreateIndex
CREATE UNIQUE INDEX "School_publicCode_key" ON "School"("publicCode");

-- CreateIndex
CREATE UNIQUE INDEX "School_uscc_key" ON "School"("uscc");

-- CreateIndex
CREATE INDEX "School_authorityId_tier_status_idx" ON "School"("authorityId", "tier", "status");

-- CreateIndex
CREATE INDEX "School_tier_status_idx" ON "School"("tier", "status");

-- CreateIndex
CREATE INDEX "School_status_idx" ON "School"("status");

-- CreateIndex
CREATE INDEX "School_divisionCode_idx" ON "School"("divisionCode");

-- CreateIndex
CREATE INDEX "School_lastConfirmedAt_idx" ON "School"("lastConfirmedAt");

-- CreateIndex
CREATE INDEX "School_namePinyin_idx" ON "School"("namePinyin");

-- CreateIndex
CREATE INDEX "School_nameInitials_idx" ON "School"("nameInitials");

-- CreateIndex
CREATE INDEX "School_updatedAt_idx" ON "School"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "School_authorityId_nameZh_key" ON "School"("authorityId", "nameZh");

-- CreateIndex
CREATE INDEX "SchoolChange_schoolId_effectiveDate_idx" ON "SchoolChange"("schoolId", "effectiveDate");

-- CreateIndex
CREATE INDEX "SchoolChange_createdAt_idx" ON "SchoolChange"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MajorCatalogEdition_code_key" ON "MajorCatalogEdition"("code");

-- CreateIndex
CREATE UNIQUE INDEX "MajorCategory_editionId_code_key" ON "MajorCategory"("editionId", "code");

-- CreateIndex
CREATE INDEX "Major_categoryId_idx" ON "Major"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Major_editionId_code_key" ON "Major"("editionId", "code");

-- CreateIndex
CREATE INDEX "SchoolMajor_majorId_level_idx" ON "SchoolMajor"("majorId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolMajor_schoolId_majorId_level_startingPoint_key" ON "SchoolMajor"("schoolId", "majorId", "level", "startingPoint");

-- CreateIndex
CREATE INDEX "Designation_schoolId_idx" ON "Designation"("schoolId");

-- CreateIndex
CREATE INDEX "Designation_kind_status_idx" ON "Designation"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_authorityId_idx" ON "User"("authorityId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_authorityId_at_idx" ON "AuditEvent"("authorityId", "at");

-- AddForeignKey
ALTER TABLE "Division" ADD CONSTRAINT "Division_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_divisionCode_fkey" FOREIGN KEY ("divisionCode") REFERENCES "Division"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolChange" ADD CONSTRAINT "SchoolChange_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolChange" ADD CONSTRAINT "SchoolChange_relatedSchoolId_fkey" FOREIGN KEY ("relatedSchoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MajorCategory" ADD CONSTRAINT "MajorCategory_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "MajorCatalogEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Major" ADD CONSTRAINT "Major_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "MajorCatalogEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Major" ADD CONSTRAINT "Major_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "MajorCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolMajor" ADD CONSTRAINT "SchoolMajor_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolMajor" ADD CONSTRAINT "SchoolMajor_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;
