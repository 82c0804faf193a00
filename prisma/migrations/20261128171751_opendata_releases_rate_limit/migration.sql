-- CreateTable
CREATE TABLE "OpenDataRelease" (
    "id" TEXT NOT NULL,
    "slug" VARCHAR(40) NOT NULL,
    "releaseDate" DATE NOT NULL,
    "sequence" INTEGER NOT NULL,
    "schemaVersion" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "counts" JSONB NOT NULL,
    "files" JSONB NOT NULL,
    "changeSummary" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpenDataRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" VARCHAR(200) NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "OpenDataRelease_slug_key" ON "OpenDataRelease"("slug");

-- CreateIndex
CREATE INDEX "OpenDataRelease_generatedAt_idx" ON "OpenDataRelease"("generatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OpenDataRelease_releaseDate_sequence_key" ON "OpenDataRelease"("releaseDate", "sequence");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");
