-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('SCHOOLS', 'SCHOOL_MAJORS');

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('DRY_RUN', 'COMMITTED');

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "authorityId" TEXT,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "encoding" VARCHAR(20),
    "status" "ImportJobStatus" NOT NULL DEFAULT 'DRY_RUN',
    "rowCount" INTEGER NOT NULL,
    "fields" TEXT[],
    "payload" BYTEA NOT NULL,
    "summary" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_createdById_createdAt_idx" ON "ImportJob"("createdById", "createdAt");
