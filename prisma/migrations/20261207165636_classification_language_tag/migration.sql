-- BCP 47 language tag of the classifying detector (fa-Latn for Persian in Latin letters), shown on
-- the review item page. The base language stays in "language". Null on older classifications.
-- AlterTable
ALTER TABLE "Classification" ADD COLUMN     "languageTag" TEXT;
