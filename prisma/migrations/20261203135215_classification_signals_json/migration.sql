-- AlterTable
ALTER TABLE "Classification" ALTER COLUMN "signals" SET DATA TYPE JSON;
