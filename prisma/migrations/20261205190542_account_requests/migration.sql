-- CreateEnum
CREATE TYPE "AccountRequestKind" AS ENUM ('CREATE', 'RESET_PASSWORD', 'DISABLE', 'ENABLE', 'END_SESSIONS');

-- CreateEnum
CREATE TYPE "AccountRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED');

-- CreateTable
CREATE TABLE "AccountRequest" (
    "id" TEXT NOT NULL,
    "kind" "AccountRequestKind" NOT NULL,
    "status" "AccountRequestStatus" NOT NULL DEFAULT 'PENDING',
    "targetId" TEXT,
    "role" "Role" NOT NULL,
    "username" VARCHAR(32),
    "displayName" VARCHAR(60),
    "personId" VARCHAR(64),
    "reason" VARCHAR(500) NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "halfHash" TEXT,
    "halfLength" INTEGER,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" VARCHAR(500),

    CONSTRAINT "AccountRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountRequest_status_expiresAt_idx" ON "AccountRequest"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "AccountRequest_targetId_status_idx" ON "AccountRequest"("targetId", "status");

-- CreateIndex
CREATE INDEX "AccountRequest_requestedAt_idx" ON "AccountRequest"("requestedAt");

-- AddForeignKey
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Person ids are compared normalised (lib/accounts/separation.ts normalisePersonId: NFKC, no
-- spaces, hyphens or other dashes, upper case): bring the stored ones to the same form, so that
-- `PT-0001` stored before this rule and `pt0001` typed after it are one person.
UPDATE "User"
SET "personId" = upper(regexp_replace(normalize("personId", NFKC), '[[:space:]\-‐‑‒–—―−﹘﹣－ー]', '', 'g'))
WHERE "personId" IS NOT NULL;
