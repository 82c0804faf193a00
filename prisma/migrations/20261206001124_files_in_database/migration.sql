-- AlterTable
ALTER TABLE "SelectionAttachment" ADD COLUMN     "fileId" TEXT;

-- CreateTable
CREATE TABLE "OpenDataReleaseFile" (
    "releaseId" TEXT NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "OpenDataReleaseFile_pkey" PRIMARY KEY ("releaseId","name")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFileChunk" (
    "fileId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "StoredFileChunk_pkey" PRIMARY KEY ("fileId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "OpenDataReleaseFile_fileId_key" ON "OpenDataReleaseFile"("fileId");

-- CreateIndex
CREATE INDEX "SelectionAttachment_fileId_idx" ON "SelectionAttachment"("fileId");

-- AddForeignKey
ALTER TABLE "OpenDataReleaseFile" ADD CONSTRAINT "OpenDataReleaseFile_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "OpenDataRelease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenDataReleaseFile" ADD CONSTRAINT "OpenDataReleaseFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFileChunk" ADD CONSTRAINT "StoredFileChunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionAttachment" ADD CONSTRAINT "SelectionAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
