-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('webhook', 'export', 'none');

-- AlterTable
ALTER TABLE "Platform" ADD COLUMN     "deliveryMode" "DeliveryMode" NOT NULL DEFAULT 'none',
ADD COLUMN     "offlinePatterns" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "signingSecret" TEXT,
ADD COLUMN     "webhookUrl" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "batchId" UUID,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "evidence" JSONB,
ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "livenessChecks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notice" JSONB,
ADD COLUMN     "offlineAt" TIMESTAMP(3),
ADD COLUMN     "outcome" JSONB,
ADD COLUMN     "reappearedAt" TIMESTAMP(3),
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "ticketId" TEXT;

-- CreateTable
CREATE TABLE "ReferralBatch" (
    "id" UUID NOT NULL,
    "platformId" INTEGER NOT NULL,
    "since" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralBatch_platformId_createdAt_idx" ON "ReferralBatch"("platformId", "createdAt");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ReferralBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
