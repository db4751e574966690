-- DropIndex
DROP INDEX "Post_contentHash_idx";
