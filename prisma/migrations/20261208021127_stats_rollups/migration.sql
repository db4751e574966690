-- CreateTable
CREATE TABLE "StatsDirtyPost" (
    "id" BIGSERIAL NOT NULL,
    "postId" UUID NOT NULL,

    CONSTRAINT "StatsDirtyPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatsPostFact" (
    "id" BIGSERIAL NOT NULL,
    "postId" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "platformId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT '',
    "hoursBin" INTEGER,
    "account" SMALLINT,
    "page" SMALLINT,

    CONSTRAINT "StatsPostFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatsCell" (
    "day" DATE NOT NULL,
    "stage" TEXT NOT NULL,
    "platformId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT '',
    "posts" INTEGER NOT NULL,
    "accounts" BYTEA,
    "pages" BYTEA,
    "hist" JSONB,

    CONSTRAINT "StatsCell_pkey" PRIMARY KEY ("day","stage","platformId","language","category","actor")
);

-- CreateIndex
CREATE INDEX "StatsPostFact_postId_idx" ON "StatsPostFact"("postId");

-- CreateIndex
CREATE INDEX "StatsPostFact_day_stage_idx" ON "StatsPostFact"("day", "stage");

-- CreateIndex
CREATE INDEX "StatsCell_platformId_language_category_day_idx" ON "StatsCell"("platformId", "language", "category", "day");

-- CreateIndex
CREATE INDEX "StatsCell_language_category_day_idx" ON "StatsCell"("language", "category", "day");

-- CreateIndex
CREATE INDEX "StatsCell_platformId_category_day_idx" ON "StatsCell"("platformId", "category", "day");

-- CreateIndex
CREATE INDEX "StatsCell_platformId_language_day_idx" ON "StatsCell"("platformId", "language", "day");

-- CreateIndex
CREATE INDEX "Decision_postId_idx" ON "Decision"("postId");
