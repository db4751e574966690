-- PostSignature.minhash: int[] → bytea (60 big-endian int32s, int4send order), keeping the
-- signatures already stored. Written by hand: the generated form dropped and re-added the column.
ALTER TABLE "PostSignature" ADD COLUMN "minhash_bytes" BYTEA;

UPDATE "PostSignature" s SET "minhash_bytes" = (
  SELECT string_agg(int4send(u.v), ''::bytea ORDER BY u.o) FROM unnest(s."minhash") WITH ORDINALITY AS u(v, o)
);

ALTER TABLE "PostSignature" DROP COLUMN "minhash";
ALTER TABLE "PostSignature" RENAME COLUMN "minhash_bytes" TO "minhash";
ALTER TABLE "PostSignature" ALTER COLUMN "minhash" SET NOT NULL;
