/**
 * The pipeline's hot-path SQL, set-based: a chunk of posts (INGEST_CHUNK) costs a fixed handful of
 * statements instead of a few per post or per group. Each statement binds one array per column
 * (unnest), in PostgreSQL's binary array format (core/db/binary-array.ts), keeps the idempotency
 * guards (ON CONFLICT DO NOTHING, deterministic ids, `outcome = 'pending'`), and is atomic on its
 * own, so a retried or concurrently re-run job converges on the same rows.
 */
import { v7 as uuidv7 } from 'uuid';
import { timestampText } from '../core/db/array-literal.ts';
import { pgArray } from '../core/db/binary-array.ts';
import { sql, type Db } from '../core/db/index.ts';
import type { RoutedOutcome } from './route.ts';

// Every statement reaches a batch's posts by id, whatever the planner's statistics say about `pending`
// (docs/database.md, "Why every statement reaches posts by id"; pipeline-sql.test.ts counts the rows read).
/** The updates' guard: still pending when locked (not indexable, so rows are found by id). */
const STILL_PENDING = sql`(p.outcome = 'pending') IS TRUE`;

/** A post as ingest writes it. */
export interface PostRow {
  id: string;
  platformId: number;
  platformPostId: string;
  url: string;
  authorHandle: string | null;
  text: string;
  language: string | null;
  postedAt: Date | null;
  ingestedAt: Date;
  source: string | null;
  contentHash: string;
}

export interface PersistedChunk {
  /** Posts that were new (not there by id or by platform + platform post id). */
  persisted: number;
  /** Posts of this chunk now linked to an earlier post with the same content. */
  duplicatesByContent: number;
  /** Posts of this chunk still `pending`: the ones to classify. */
  pending: string[];
}

/**
 * Ingest's writes for one chunk in two statements: (1) the posts and their content fingerprints
 * (the first writer of a hash becomes canonical; ON CONFLICT DO NOTHING for both); (2) posts whose
 * hash belongs to another post become `duplicate` (only while still `pending`), and the ids left
 * pending are returned. The second statement runs after the first has committed, so it sees every
 * fingerprint, including one a concurrent worker won.
 */
export async function persistChunk(db: Db, rows: readonly PostRow[], routedAt = new Date()): Promise<PersistedChunk> {
  const ids = rows.map((r) => r.id);
  const hashes = rows.map((r) => r.contentHash);
  const col = <K extends keyof PostRow>(k: K) => rows.map((r) => r[k]);
  const at = timestampText(routedAt);
  // Both inserts read the same input; the fingerprint table has no foreign key to Post, so they
  // need not see each other. Within one statement a later row with an already-inserted hash is
  // skipped, so the chunk's first post with a text is its canonical one.
  const [ins] = await db.query<{ persisted: number }>`
    WITH input AS (
      SELECT * FROM unnest(
        ${pgArray.uuid(ids)}::uuid[], ${pgArray.int4(col('platformId'))}::int[], ${pgArray.text(col('platformPostId'))}::text[], ${pgArray.text(col('url'))}::text[],
        ${pgArray.text(col('authorHandle'))}::text[], ${pgArray.text(col('text'))}::text[], ${pgArray.text(col('language'))}::text[],
        ${pgArray.timestamp(col('postedAt'))}::timestamp(3)[], ${pgArray.timestamp(col('ingestedAt'))}::timestamp(3)[],
        ${pgArray.text(col('source'))}::text[], ${pgArray.text(hashes)}::text[])
        AS u(id, "platformId", "platformPostId", url, "authorHandle", text, language, "postedAt", "ingestedAt", source, "contentHash")),
    posts AS (
      INSERT INTO "Post" (id, "platformId", "platformPostId", url, "authorHandle", text, language, "postedAt", "ingestedAt", source, "contentHash")
      SELECT * FROM input ON CONFLICT DO NOTHING RETURNING 1),
    fingerprints AS (
      INSERT INTO "ContentFingerprint" ("contentHash", "canonicalPostId", "createdAt")
      SELECT "contentHash", id, ${at}::timestamp(3) FROM input ON CONFLICT DO NOTHING)
    SELECT count(*)::int AS persisted FROM posts`;
  const persisted = ins!.persisted;
  const [res] = await db.query<{ duplicates: number; pending: string[] }>`
    WITH input AS (SELECT * FROM unnest(${pgArray.uuid(ids)}::uuid[], ${pgArray.text(hashes)}::text[]) AS u(id, hash)),
    dup AS (
      UPDATE "Post" p SET "duplicateOfId" = f."canonicalPostId", outcome = 'duplicate', "routedAt" = ${at}::timestamp(3)
      FROM input JOIN "ContentFingerprint" f ON f."contentHash" = input.hash
      WHERE p.id = input.id AND f."canonicalPostId" <> input.id AND ${STILL_PENDING}
      RETURNING p.id)
    SELECT (SELECT count(*)::int FROM dup) AS duplicates,
      ARRAY(SELECT p.id::text FROM input CROSS JOIN LATERAL (SELECT id, outcome FROM "Post" WHERE id = input.id LIMIT 1) p
        WHERE p.outcome = 'pending' AND p.id NOT IN (SELECT id FROM dup)) AS pending`;
  return { persisted, duplicatesByContent: res!.duplicates, pending: res!.pending };
}

/** A post to classify, as the classify stage reads it. */
export interface PostToClassify {
  id: string;
  text: string;
  language: string | null;
  platformId: number;
  postedAt: Date | null;
  ingestedAt: Date;
  contentHash: string;
}

/**
 * One read for a classify job: the posts still `pending` (to classify) and the ids already routed
 * to `referral_candidate` by an earlier attempt (to re-queue on `refer` in case it crashed before).
 */
export async function loadClassifyBatch(db: Db, postIds: readonly string[]): Promise<{ pending: PostToClassify[]; candidates: string[] }> {
  const rows = await db.query<PostToClassify & { outcome: string }>`
    SELECT p.id::text, p.outcome::text, p."platformId", p."postedAt", p."ingestedAt", p.language, p."contentHash",
      CASE WHEN p.outcome = 'pending' THEN p.text END AS text
    FROM unnest(${pgArray.uuid(postIds)}::uuid[]) AS i(id)
    CROSS JOIN LATERAL (SELECT * FROM "Post" WHERE id = i.id LIMIT 1) p
    WHERE p.outcome IN ('pending', 'referral_candidate')`;
  return {
    pending: rows.filter((r) => r.outcome === 'pending'),
    candidates: rows.filter((r) => r.outcome === 'referral_candidate').map((r) => r.id),
  };
}

/** One classified post: its Classification, where it goes, and its review item's fields. */
export interface RoutedRow {
  postId: string;
  modelVersion: string;
  score: number;
  decision: 'refer' | 'review' | 'dismiss';
  category: string;
  /** The detector's language (stored on the Classification). */
  detectedLanguage: string;
  /** The detector's BCP 47 tag with the script ("fa-Latn"), stored on the Classification. */
  languageTag: string | null;
  signals: unknown;
  outcome: RoutedOutcome;
  /** The post's language afterwards: the one given at ingest, else the detector's. */
  language: string;
  /** Review priority (including networkBoost); unused for dismissed posts. */
  priority: number;
  /** The known-contact raise already in `priority` (networks/known-contacts.ts), else 0. */
  networkBoost: number;
  platformId: number;
}

/**
 * Classification + routing for a batch as one statement (so one transaction): posts still
 * `pending` get their outcome and language; only those posts get their Classification and, unless
 * dismissed, their ReviewItem (both ON CONFLICT DO NOTHING). A post routed meanwhile by another
 * attempt, or marked a duplicate, is left alone. Returns the posts this statement routed.
 */
export async function classifyAndRoute(
  db: Db,
  rows: readonly RoutedRow[],
  now = new Date(),
): Promise<{ id: string; outcome: RoutedOutcome }[]> {
  if (!rows.length) return [];
  const col = <K extends keyof RoutedRow>(k: K) => rows.map((r) => r[k]);
  const at = timestampText(now);
  return db.query<{ id: string; outcome: RoutedOutcome }>`
    WITH r AS (
      SELECT * FROM unnest(
        ${pgArray.uuid(col('postId'))}::uuid[], ${pgArray.uuid(rows.map(() => uuidv7()))}::uuid[], ${pgArray.uuid(rows.map(() => uuidv7()))}::uuid[],
        ${pgArray.text(col('modelVersion'))}::text[], ${pgArray.float8(col('score'))}::float8[], ${pgArray.text(col('decision'))}::text[],
        ${pgArray.text(col('category'))}::text[], ${pgArray.text(col('detectedLanguage'))}::text[], ${pgArray.text(col('languageTag'))}::text[], ${pgArray.json(rows.map((r) => JSON.stringify(r.signals)))}::json[],
        ${pgArray.text(col('outcome'))}::text[], ${pgArray.text(col('language'))}::text[], ${pgArray.float8(col('priority'))}::float8[],
        ${pgArray.int4(col('platformId'))}::int[], ${pgArray.float8(col('networkBoost'))}::float8[])
        AS u("postId", "classificationId", "reviewItemId", "modelVersion", score, decision, category, "detectedLanguage", "languageTag", signals, outcome, language, priority, "platformId", "networkBoost")),
    routed AS (
      UPDATE "Post" p SET outcome = r.outcome::"PostOutcome", language = r.language, "routedAt" = ${at}::timestamp(3)
      FROM r WHERE p.id = r."postId" AND ${STILL_PENDING}
      RETURNING p.id),
    classified AS (
      INSERT INTO "Classification" (id, "postId", "modelVersion", score, decision, category, language, "languageTag", signals, "createdAt")
      SELECT r."classificationId", r."postId", r."modelVersion", r.score, r.decision::"Verdict", r.category, r."detectedLanguage", r."languageTag", r.signals, ${at}::timestamp(3)
      FROM r JOIN routed ON routed.id = r."postId"
      ON CONFLICT DO NOTHING),
    queued AS (
      INSERT INTO "ReviewItem" (id, "postId", priority, score, "referralCandidate", "platformId", language, category, "networkBoost", "createdAt", "updatedAt")
      SELECT r."reviewItemId", r."postId", r.priority, r.score, r.outcome = 'referral_candidate', r."platformId", r.language, r.category, r."networkBoost", ${at}::timestamp(3), ${at}::timestamp(3)
      FROM r JOIN routed ON routed.id = r."postId" WHERE r.outcome <> 'dismissed'
      ON CONFLICT DO NOTHING)
    SELECT r."postId"::text AS id, r.outcome FROM r JOIN routed ON routed.id = r."postId"`;
}
