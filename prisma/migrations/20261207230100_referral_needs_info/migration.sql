-- AlterEnum
ALTER TYPE "ReferralStatus" ADD VALUE 'needs_info';

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "infoRequest" JSONB;
