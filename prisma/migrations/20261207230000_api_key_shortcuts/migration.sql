-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "shortcutsEnabled" BOOLEAN NOT NULL DEFAULT true;
