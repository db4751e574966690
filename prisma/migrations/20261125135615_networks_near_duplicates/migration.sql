-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "networkBoost" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Network" (
    "id" UUID NOT NULL,
    "mergedIntoId" UUID,
    "postCount" INTEGER NOT NULL DEFAULT 0,
    "entityCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkEntity" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "networkId" UUID NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkEntity_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PostEntity" (
    "postId" UUID NOT NULL,
    "entityKey" TEXT NOT NULL,

    CONSTRAINT "PostEntity_pkey" PRIMARY KEY ("postId","entityKey")
);

-- CreateTable
CREATE TABLE "NetworkMember" (
    "postId" UUID NOT NULL,
    "networkId" UUID NOT NULL,

    CONSTRAINT "NetworkMember_pkey" PRIMARY KEY ("postId")
);

-- CreateTable
CREATE TABLE "PostSignature" (
    "postId" UUID NOT NULL,
    "minhash" INTEGER[],

    CONSTRAINT "PostSignature_pkey" PRIMARY KEY ("postId")
);

-- CreateTable
CREATE TABLE "NearDuplicateBand" (
    "band" INTEGER NOT NULL,
    "postId" UUID NOT NULL,

    CONSTRAINT "NearDuplicateBand_pkey" PRIMARY KEY ("band","postId")
);

-- CreateTable
CREATE TABLE "NearDuplicate" (
    "postId" UUID NOT NULL,
    "earlierPostId" UUID NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NearDuplicate_pkey" PRIMARY KEY ("postId")
);

-- CreateIndex
CREATE INDEX "Network_mergedIntoId_idx" ON "Network"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Network_postCount_id_idx" ON "Network"("postCount" DESC, "id");

-- CreateIndex
CREATE INDEX "NetworkEntity_networkId_idx" ON "NetworkEntity"("networkId");

-- CreateIndex
CREATE INDEX "PostEntity_entityKey_idx" ON "PostEntity"("entityKey");

-- CreateIndex
CREATE INDEX "NetworkMember_networkId_idx" ON "NetworkMember"("networkId");

-- CreateIndex
CREATE INDEX "NearDuplicate_earlierPostId_idx" ON "NearDuplicate"("earlierPostId");

-- AddForeignKey
ALTER TABLE "NetworkEntity" ADD CONSTRAINT "NetworkEntity_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostEntity" ADD CONSTRAINT "PostEntity_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostEntity" ADD CONSTRAINT "PostEntity_entityKey_fkey" FOREIGN KEY ("entityKey") REFERENCES "NetworkEntity"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostSignature" ADD CONSTRAINT "PostSignature_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearDuplicate" ADD CONSTRAINT "NearDuplicate_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearDuplicate" ADD CONSTRAINT "NearDuplicate_earlierPostId_fkey" FOREIGN KEY ("earlierPostId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
