-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "clientAddress" TEXT;
