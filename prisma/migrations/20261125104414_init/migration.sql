-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PostOutcome" AS ENUM ('pending', 'dismissed', 'review', 'referral_candidate', 'duplicate');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('refer', 'review', 'dismiss');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'escalated', 'needs_translation', 'confirmed', 'rejected');

-- CreateEnum
CREATE TYPE "DecisionAction" AS ENUM ('confirm', 'reject', 'escalate', 'needs_translation', 'reverse');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('queued', 'sent', 'acknowledged', 'actioned', 'declined', 'confirmed_offline', 'still_online', 'reappeared', 'failed');

-- CreateTable
CREATE TABLE "Platform" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "autoRefer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" UUID NOT NULL,
    "platformId" INTEGER NOT NULL,
    "platformPostId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "authorHandle" TEXT,
    "text" TEXT NOT NULL,
    "language" TEXT,
    "postedAt" TIMESTAMP(3),
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT,
    "contentHash" TEXT NOT NULL,
    "duplicateOfId" UUID,
    "outcome" "PostOutcome" NOT NULL DEFAULT 'pending',
    "routedAt" TIMESTAMP(3),

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentFingerprint" (
    "contentHash" TEXT NOT NULL,
    "canonicalPostId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentFingerprint_pkey" PRIMARY KEY ("contentHash")
);

-- CreateTable
CREATE TABLE "Classification" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "decision" "Verdict" NOT NULL,
    "category" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "signals" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Classification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "priority" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "referralCandidate" BOOLEAN NOT NULL DEFAULT false,
    "platformId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "claimedBy" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "reviewItemId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" "DecisionAction" NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "platformId" INTEGER NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'queued',
    "idempotencyKey" TEXT NOT NULL,
    "automated" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Platform_name_key" ON "Platform"("name");

-- CreateIndex
CREATE INDEX "Post_contentHash_idx" ON "Post"("contentHash");

-- CreateIndex
CREATE INDEX "Post_outcome_ingestedAt_idx" ON "Post"("outcome", "ingestedAt");

-- CreateIndex
CREATE INDEX "Post_ingestedAt_idx" ON "Post"("ingestedAt");

-- CreateIndex
CREATE INDEX "Post_language_ingestedAt_idx" ON "Post"("language", "ingestedAt");

-- CreateIndex
CREATE INDEX "Post_duplicateOfId_idx" ON "Post"("duplicateOfId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_platformId_platformPostId_key" ON "Post"("platformId", "platformPostId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentFingerprint_canonicalPostId_key" ON "ContentFingerprint"("canonicalPostId");

-- CreateIndex
CREATE INDEX "Classification_createdAt_idx" ON "Classification"("createdAt");

-- CreateIndex
CREATE INDEX "Classification_decision_createdAt_idx" ON "Classification"("decision", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Classification_postId_modelVersion_key" ON "Classification"("postId", "modelVersion");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewItem_postId_key" ON "ReviewItem"("postId");

-- CreateIndex
CREATE INDEX "ReviewItem_status_priority_idx" ON "ReviewItem"("status", "priority" DESC);

-- CreateIndex
CREATE INDEX "ReviewItem_status_createdAt_idx" ON "ReviewItem"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewItem_status_language_priority_idx" ON "ReviewItem"("status", "language", "priority" DESC);

-- CreateIndex
CREATE INDEX "ReviewItem_status_platformId_priority_idx" ON "ReviewItem"("status", "platformId", "priority" DESC);

-- CreateIndex
CREATE INDEX "ReviewItem_status_referralCandidate_priority_idx" ON "ReviewItem"("status", "referralCandidate", "priority" DESC);

-- CreateIndex
CREATE INDEX "ReviewItem_claimedBy_idx" ON "ReviewItem"("claimedBy");

-- CreateIndex
CREATE INDEX "Decision_reviewItemId_createdAt_idx" ON "Decision"("reviewItemId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_actor_createdAt_idx" ON "Decision"("actor", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_action_createdAt_idx" ON "Decision"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_createdAt_idx" ON "AuditEvent"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actor_createdAt_idx" ON "AuditEvent"("actor", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_idempotencyKey_key" ON "Referral"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Referral_platformId_status_createdAt_idx" ON "Referral"("platformId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_status_createdAt_idx" ON "Referral"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_postId_idx" ON "Referral"("postId");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_reviewItemId_fkey" FOREIGN KEY ("reviewItemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
