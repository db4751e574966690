/**
 * Near-duplicate statements: the batch's band-key lookup and minima reads before routing, and the
 * one insert of signatures, band keys and links in the routing transaction (near-duplicate-store.ts
 * holds the matching). Arrays go as binary parameters (core/db/binary-array.ts).
 */
import { pgArray } from '../../core/db/binary-array.ts';
import { sql, type Db } from '../../core/db/index.ts';

/** A stored post sharing band keys with the batch. */
export interface BandMatchRow {
  postId: string;
  /** The matched band keys as comma-separated decimal text (read with parseInts). */
  bands: string;
  /** Whether a reviewer confirmed the post (its review item is `confirmed`). */
  confirmed: boolean;
}

/**
 * Posts read per band key at most. Band rows are kept for cluster representatives (and confirmed
 * posts) only, so a key is shared by distinct clusters alone, a handful in practice; the cap bounds
 * a post's candidates even if some key collects thousands (a template posted with a different
 * number each time, just under the similarity threshold). Past it, the lowest post ids are read.
 */
export const BAND_CANDIDATES_MAX = 64;

/** Stored posts carrying any of `bands` (distinct), with the keys they matched. */
export function selectBandMatches(tx: Db, bands: readonly number[]): Promise<BandMatchRow[]> {
  // One index probe per key (LATERAL), whatever the planner's statistics say: `band = ANY(keys)`
  // over a batch's ~5,000 keys, on a table not analysed yet, was planned as a sequential scan of
  // every band row, once a batch (docs/performance-log.md, 2026-12-08). Band keys come back as
  // comma-separated text, read by parseInts: pg's generic array parser (element by element
  // through strings) was a visible share of a classify job's CPU.
  const query = sql`
    SELECT b."postId", string_agg(b.band::text, ',') AS bands,
      EXISTS (SELECT 1 FROM "ReviewItem" ri WHERE ri."postId" = b."postId" AND ri.status = 'confirmed') AS confirmed
    FROM unnest(${pgArray.int4(bands)}::int[]) AS k(band)
    CROSS JOIN LATERAL (SELECT band, "postId" FROM "NearDuplicateBand" WHERE band = k.band LIMIT ${BAND_CANDIDATES_MAX}) b
    GROUP BY b."postId"`;
  return tx.query<BandMatchRow>(query, { prepared: true });
}

/** Stored MinHash minima of `postIds`, as hex of the bytes (minhashFromBytes reads them). */
export function selectMinhashes(tx: Db, postIds: readonly string[]): Promise<{ postId: string; minhash: string }[]> {
  const minima = sql`
      SELECT "postId", encode(minhash, 'hex') AS minhash FROM "PostSignature" WHERE "postId" = ANY(${pgArray.uuid(postIds)}::uuid[])`;
  return tx.query<{ postId: string; minhash: string }>(minima, { prepared: true });
}

export interface NearDuplicateRows {
  /** Signatures to store, the minima as minhashBytes writes them. */
  signatures: readonly { postId: string; minhash: Buffer }[];
  /** Band rows as two parallel columns (key, post id); stored only for posts whose signature is inserted now. */
  bandKeys: readonly number[];
  bandPosts: readonly string[];
  links: readonly { postId: string; earlierPostId: string; similarity: number }[];
}

/**
 * One statement: signatures, their band keys and the links (data-modifying CTEs all run). Band
 * rows go in without ON CONFLICT (a speculative insertion and its confirmation per row cost
 * PostgreSQL ~6 % of its CPU in the pipeline), only for posts whose signature this statement
 * inserted: a post's band rows are written with its signature, once, by whichever transaction
 * wins the signature's primary key (a concurrent one waits for it, then skips).
 */
export async function insertNearDuplicates(tx: Db, r: NearDuplicateRows): Promise<void> {
  const { signatures: kept, bandKeys, bandPosts, links } = r;
  await tx.execute`
    WITH signatures AS (
      INSERT INTO "PostSignature" ("postId", minhash)
      SELECT * FROM unnest(${pgArray.uuid(kept.map((s) => s.postId))}::uuid[], ${pgArray.bytea(kept.map((s) => s.minhash))}::bytea[])
      ON CONFLICT DO NOTHING
      RETURNING "postId"),
    bands AS (
      INSERT INTO "NearDuplicateBand" (band, "postId")
      SELECT u.band, u.id FROM unnest(${pgArray.int4(bandKeys)}::int[], ${pgArray.uuid(bandPosts)}::uuid[]) AS u(band, id)
      WHERE u.id IN (SELECT "postId" FROM signatures))
    INSERT INTO "NearDuplicate" ("postId", "earlierPostId", similarity)
    SELECT * FROM unnest(${pgArray.uuid(links.map((l) => l.postId))}::uuid[], ${pgArray.uuid(links.map((l) => l.earlierPostId))}::uuid[], ${pgArray.float8(links.map((l) => l.similarity))}::float8[])
    ON CONFLICT DO NOTHING`;
}

/** Band rows of one post (a confirmed cluster member), any already there skipped. */
export async function insertBandRows(tx: Db, postId: string, bands: readonly number[]): Promise<void> {
  await tx.execute`
    INSERT INTO "NearDuplicateBand" (band, "postId") SELECT unnest(${pgArray.int4(bands)}::int[]), ${postId}::uuid ON CONFLICT DO NOTHING`;
}
