-- AlterTable
ALTER TABLE "SelectionBatch" ADD COLUMN     "reviewClosesAt" TIMESTAMP(3);
