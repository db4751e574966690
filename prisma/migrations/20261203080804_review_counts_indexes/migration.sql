-- CreateIndex
CREATE INDEX "ReviewItem_status_category_priority_idx" ON "ReviewItem"("status", "category", "priority" DESC);

-- CreateIndex
CREATE INDEX "ReviewItem_status_score_idx" ON "ReviewItem"("status", "score");
