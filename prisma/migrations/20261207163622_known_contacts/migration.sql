-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "vouchedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "NetworkMember" ADD COLUMN     "vouched" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "BenignContact" (
    "key" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenignContact_pkey" PRIMARY KEY ("key")
);

-- Backfill: members already referred or confirmed by a reviewer, and their networks' counts.
UPDATE "NetworkMember" nm SET "vouched" = true
WHERE EXISTS (SELECT 1 FROM "Referral" r WHERE r."postId" = nm."postId")
   OR EXISTS (SELECT 1 FROM "ReviewItem" ri WHERE ri."postId" = nm."postId" AND ri.status = 'confirmed');
UPDATE "Network" n SET "vouchedCount" = c.count
FROM (SELECT "networkId", count(*)::int AS count FROM "NetworkMember" WHERE "vouched" GROUP BY "networkId") c
WHERE n.id = c."networkId";
