-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Post_outcome_routedAt_idx" ON "Post"("outcome", "routedAt");
