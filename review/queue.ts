/**
 * Reading the review queue: filtered, sorted, keyset-paginated listings, per-status counts, and
 * one item with everything a reviewer needs to decide (post, latest classification with signal
 * spans, claim, duplicates), read with one SQL statement (review/item-sql.ts). Plain functions
 * over Prisma so the API, the review page and the CLI share them.
 */
import { Prisma, type PrismaClient } from '../core/db/client.ts';
import type { Signal as DetectorSignal } from '../detector/types.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import { queueCountsCache } from './counts-cache.ts';
import { badCursor, decodeCursor, encodeCursor } from './cursor.ts';
import { itemNotFound } from './errors.ts';
import { filterSql, planFitsAnyValues, REVIEW_STATUSES, type QueueFilters, type Sort } from './filters.ts';
import { itemView, selectItems } from './item-sql.ts';

/** A detector signal as stored with its classification (JSON): older rows lack `gloss`; other fields pass through. */
export type Signal = DetectorSignal & { [k: string]: unknown };

export interface ReviewItemView {
  id: string;
  status: ReviewStatus;
  priority: number;
  score: number;
  referralCandidate: boolean;
  language: string;
  category: string;
  platform: string;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  /** Present while a lease is live; an expired lease is shown as no claim. */
  claim: { holder: string; leaseExpiresAt: string } | null;
  /** Re-uploads of the same content (posts linked to this one). */
  duplicates: number;
  /** The earlier post this one nearly duplicates (networks/near-duplicate.ts), with that post's last review decision. */
  nearDuplicateOf: {
    postId: string;
    similarity: number;
    reviewItemId: string | null;
    status: ReviewStatus | null;
    decision: { action: string; reasonCode: string; actor: string; decidedAt: string } | null;
  } | null;
  /** The network of posts sharing a contact point with this one (networks/), when it has one. */
  network: { id: string; size: number; vouched: number } | null;
  post: { id: string; text: string; url: string; platform: string; author: string | null; language: string | null; postedAt: string | null; ingestedAt: string };
  /** `languageTag`: BCP 47 with the script when unusual ("fa-Latn"); the base language on older rows. */
  classification: { modelVersion: string; score: number; category: string; language: string; languageTag: string; signals: Signal[]; createdAt: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getReviewItem(db: PrismaClient | Prisma.TransactionClient, id: string): Promise<ReviewItemView> {
  // Not shaped like an id: no such item (rather than a cast error from the database).
  const [row] = UUID.test(id) ? await selectItems(db, { where: Prisma.sql`id = ${id}::uuid`, sort: 'priority', limit: 1, planFitsAnyValues: true }) : [];
  if (!row) throw itemNotFound(id);
  return itemView(row, new Date());
}

export interface ListOptions extends QueueFilters {
  sort: Sort;
  limit: number;
  cursor?: string | undefined;
}

export interface ListResult {
  items: ReviewItemView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Items per status under the same filters (status itself ignored). */
  counts: Record<ReviewStatus, number>;
}

/**
 * A page of the queue with its per-status counts. `countsCacheMs` > 0 lets counts under the same
 * filters be reused for that long (review/counts-cache.ts); 0 counts every time.
 */
export async function listReviewItems(db: PrismaClient, opts: ListOptions, countsCacheMs = 0): Promise<ListResult> {
  const where = [filterSql({ ...opts, status: opts.status ?? 'open' })];
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, opts.sort);
    if (!UUID.test(c.id)) throw badCursor('not a cursor');
    // After the cursor's row in sort order; the redundant `<=` / `>=` bound lets the index scan
    // start at the cursor instead of filtering every earlier row.
    if (opts.sort === 'priority') {
      if (typeof c.v !== 'number') throw badCursor('not a cursor');
      where.push(Prisma.sql`priority <= ${c.v}::float8 AND (priority < ${c.v}::float8 OR id > ${c.id}::uuid)`);
    } else {
      const t = new Date(String(c.v));
      if (Number.isNaN(t.getTime())) throw badCursor('not a cursor');
      // Columns hold UTC without a zone (Prisma's DateTime).
      const at = Prisma.sql`(${t.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
      where.push(Prisma.sql`"createdAt" >= ${at} AND ("createdAt" > ${at} OR id > ${c.id}::uuid)`);
    }
  }
  const [rows, groups] = await Promise.all([
    selectItems(db, { where: Prisma.join(where, ' AND '), sort: opts.sort, limit: opts.limit + 1, planFitsAnyValues: planFitsAnyValues(opts, opts.sort) }),
    queueCountsCache<{ status: ReviewStatus; n: number }[]>(db, countsCacheMs).get(
      JSON.stringify([opts.language, opts.platformId, opts.category, opts.referralCandidate, opts.minScore, opts.maxScore]),
      // One count per status, each an index range scan on (status, …) (GROUP BY status reads every item).
      () => db.$queryRaw<{ status: ReviewStatus; n: number }[]>`
        SELECT s::text AS status, (SELECT count(*)::int FROM "ReviewItem" WHERE status = s AND ${filterSql({ ...opts, status: undefined })}) AS n
        FROM unnest(enum_range(NULL::"ReviewStatus")) s`,
    ),
  ]);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > opts.limit && last
      ? encodeCursor({ s: opts.sort, v: opts.sort === 'priority' ? last.priority : last.createdAt, id: last.id })
      : null;
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const g of groups) counts[g.status] = g.n;
  const now = new Date();
  return { items: page.map((r) => itemView(r, now)), nextCursor, counts };
}
