-- AlterTable
ALTER TABLE "User" ALTER COLUMN "sessionsValidAfter" DROP NOT NULL,
ALTER COLUMN "sessionsValidAfter" DROP DEFAULT;
