-- The model registry (model-registry/): detector versions with their artifacts and metrics, and
-- which one classify workers run. At most one row is live: promotions and rollbacks take an
-- advisory lock, so no partial unique index (the schema language cannot express one).
-- CreateEnum
CREATE TYPE "DetectorModelStatus" AS ENUM ('candidate', 'live', 'retired');

-- CreateTable
CREATE TABLE "DetectorModel" (
    "version" TEXT NOT NULL,
    "status" "DetectorModelStatus" NOT NULL DEFAULT 'candidate',
    "modelJson" TEXT NOT NULL,
    "metaJson" TEXT NOT NULL,
    "weights" BYTEA NOT NULL,
    "metrics" JSONB,
    "source" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "promotedAt" TIMESTAMP(3),
    "promotedBy" TEXT,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "previousLive" TEXT,
    "retiredAt" TIMESTAMP(3),
    "shadow" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DetectorModel_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "ShadowComparison" (
    "postId" UUID NOT NULL,
    "shadowVersion" TEXT NOT NULL,
    "liveVersion" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "liveScore" DOUBLE PRECISION NOT NULL,
    "shadowScore" DOUBLE PRECISION NOT NULL,
    "liveDecision" "Verdict" NOT NULL,
    "shadowDecision" "Verdict" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShadowComparison_pkey" PRIMARY KEY ("shadowVersion","postId")
);

-- CreateIndex
CREATE INDEX "DetectorModel_status_idx" ON "DetectorModel"("status");

-- CreateIndex
CREATE INDEX "DetectorModel_createdAt_idx" ON "DetectorModel"("createdAt");

-- CreateIndex
CREATE INDEX "ShadowComparison_createdAt_idx" ON "ShadowComparison"("createdAt");
