/**
 * The review list: filtered, sorted, keyset-paginated pages of review items, per-status counts, and
 * one item with everything a reviewer needs to decide (post, latest classification with signal
 * spans, claim, duplicates), each read with one SQL statement (review/sql.ts). Plain functions
 * over a `Db` so the API, the review page and the CLI share them.
 */
import { join, sql, type Db, type PoolDb } from '../core/db/index.ts';
import type { Signal as DetectorSignal } from '../detector/types.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import { queueCountsCache } from './counts-cache.ts';
import { badCursor, decodeCursor, encodeCursor } from '../core/cursor.ts';
import { itemNotFound } from './errors.ts';
import { filterSql, planFitsAnyValues, REVIEW_STATUSES, type QueueFilters, type Sort } from './filters.ts';
import { afterCursor, countByStatus, selectItems, type ItemRow, type ItemSummary } from './sql.ts';

/** A detector signal as stored with its classification (JSON): older rows lack `gloss`; other fields pass through. */
export type Signal = DetectorSignal & { [k: string]: unknown };

export interface ReviewItemView extends ItemSummary {
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
  post: {
    id: string;
    text: string;
    url: string;
    platform: string;
    author: string | null;
    language: string | null;
    postedAt: string | null;
    ingestedAt: string;
  };
  /** `languageTag`: BCP 47 with the script when unusual ("fa-Latn"); the base language on older rows. */
  classification: {
    modelVersion: string;
    score: number;
    category: string;
    language: string;
    languageTag: string;
    signals: Signal[];
    createdAt: string;
  } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getReviewItem(db: Db, id: string): Promise<ReviewItemView> {
  // Not shaped like an id: no such item (rather than a cast error from the database).
  if (!UUID.test(id)) throw itemNotFound(id);
  const [row] = await selectItems(db, { where: sql`id = ${id}::uuid`, sort: 'priority', limit: 1, planFitsAnyValues: true });
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
export async function listReviewItems(db: PoolDb, opts: ListOptions, countsCacheMs = 0): Promise<ListResult> {
  const where = [filterSql({ ...opts, status: opts.status ?? 'open' })];
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, opts.sort);
    if (!UUID.test(c.id)) throw badCursor('not a cursor');
    if (opts.sort === 'priority') {
      if (typeof c.v !== 'number') throw badCursor('not a cursor');
      where.push(afterCursor('priority', c.v, c.id));
    } else {
      const t = new Date(String(c.v));
      if (Number.isNaN(t.getTime())) throw badCursor('not a cursor');
      where.push(afterCursor('oldest', t, c.id));
    }
  }
  const [rows, groups] = await Promise.all([
    selectItems(db, {
      where: join(where, ' AND '),
      sort: opts.sort,
      limit: opts.limit + 1,
      planFitsAnyValues: planFitsAnyValues(opts, opts.sort),
    }),
    queueCountsCache<{ status: ReviewStatus; n: number }[]>(db, countsCacheMs).get(
      JSON.stringify([opts.language, opts.platformId, opts.category, opts.referralCandidate, opts.minScore, opts.maxScore]),
      () => countByStatus(db, opts),
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

/** A row as the API shows it; `now` decides whether a claim's lease is still live. */
function itemView(r: ItemRow, now: Date): ReviewItemView {
  const live = r.claimedBy && r.leaseExpiresAt && Date.parse(r.leaseExpiresAt) > now.getTime();
  return {
    id: r.id,
    status: r.status,
    priority: r.priority,
    score: r.score,
    referralCandidate: r.referralCandidate,
    language: r.language,
    category: r.category,
    platform: r.platform,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    decidedAt: r.decidedAt,
    claim: live ? { holder: r.claimedBy!, leaseExpiresAt: r.leaseExpiresAt! } : null,
    duplicates: r.duplicates,
    nearDuplicateOf:
      r.ndEarlierPostId === null
        ? null
        : {
            postId: r.ndEarlierPostId,
            similarity: r.ndSimilarity!,
            reviewItemId: r.ndItemId,
            status: r.ndItemStatus,
            decision:
              r.ndAction === null
                ? null
                : { action: r.ndAction, reasonCode: r.ndReasonCode!, actor: r.ndActor!, decidedAt: r.ndDecidedAt! },
          },
    network: r.networkId === null ? null : { id: r.networkId, size: r.networkSize!, vouched: r.networkVouched! },
    post: {
      id: r.postId,
      text: r.postText,
      url: r.postUrl,
      platform: r.postPlatform,
      author: r.postAuthor,
      language: r.postLanguage,
      postedAt: r.postedAt,
      ingestedAt: r.ingestedAt,
    },
    classification:
      r.clsModelVersion === null
        ? null
        : {
            modelVersion: r.clsModelVersion,
            score: r.clsScore!,
            category: r.clsCategory!,
            language: r.clsLanguage!,
            languageTag: r.clsLanguageTag ?? r.clsLanguage!,
            signals: Array.isArray(r.clsSignals) ? (r.clsSignals as Signal[]) : [],
            createdAt: r.clsCreatedAt!,
          },
  };
}
