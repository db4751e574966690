-- AlterTable
ALTER TABLE "Platform" ADD COLUMN     "holdForActionDay" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "heldForActionDay" BOOLEAN NOT NULL DEFAULT false;
