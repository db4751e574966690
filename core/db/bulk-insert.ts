/**
 * Hot-path inserts as one statement over `unnest`ed arrays. Prisma's `createMany` binds one
 * parameter per cell (13 × 250 for an ingest chunk) and costs several times more per row; these
 * bind one array per column. Both keep ON CONFLICT DO NOTHING, so retries stay idempotent.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Prisma, PrismaClient } from './client.ts';

type Sql = Pick<PrismaClient, '$executeRaw'> | Prisma.TransactionClient;

/** Timestamps as the naive UTC text Prisma stores in TIMESTAMP(3) columns (no session-zone shift). */
const ts = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').replace('Z', '') : null);

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

/** Inserts posts that are not there yet (by id or by platform + platform post id); returns how many were new. */
export function insertPosts(db: Sql, rows: readonly PostRow[]): Promise<number> {
  const col = <K extends keyof PostRow>(k: K) => rows.map((r) => r[k]);
  return db.$executeRaw`
    INSERT INTO "Post" (id, "platformId", "platformPostId", url, "authorHandle", text, language, "postedAt", "ingestedAt", source, "contentHash")
    SELECT * FROM unnest(
      ${col('id')}::uuid[], ${col('platformId')}::int[], ${col('platformPostId')}::text[], ${col('url')}::text[],
      ${col('authorHandle')}::text[], ${col('text')}::text[], ${col('language')}::text[],
      ${rows.map((r) => ts(r.postedAt))}::timestamp(3)[], ${rows.map((r) => ts(r.ingestedAt))}::timestamp(3)[],
      ${col('source')}::text[], ${col('contentHash')}::text[])
    ON CONFLICT DO NOTHING`;
}

export interface ClassificationRow {
  postId: string;
  modelVersion: string;
  score: number;
  decision: 'refer' | 'review' | 'dismiss';
  category: string;
  language: string;
  signals: unknown;
}

/** One classification per post and model version; an existing one is kept (a retry rewrites nothing). */
export function insertClassifications(db: Sql, rows: readonly ClassificationRow[]): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Classification" (id, "postId", "modelVersion", score, decision, category, language, signals)
    SELECT id, "postId", "modelVersion", score, decision::"Verdict", category, language, signals::jsonb FROM unnest(
      ${rows.map(() => uuidv7())}::uuid[], ${rows.map((r) => r.postId)}::uuid[], ${rows.map((r) => r.modelVersion)}::text[],
      ${rows.map((r) => r.score)}::float8[], ${rows.map((r) => r.decision)}::text[], ${rows.map((r) => r.category)}::text[],
      ${rows.map((r) => r.language)}::text[], ${rows.map((r) => JSON.stringify(r.signals))}::text[])
      AS u(id, "postId", "modelVersion", score, decision, category, language, signals)
    ON CONFLICT DO NOTHING`;
}
