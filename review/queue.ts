/**
 * Reading the review queue: filtered, sorted, keyset-paginated listings, per-status counts, and
 * one item with everything a reviewer needs to decide (post, latest classification with signal
 * spans, claim, duplicates). Plain functions over Prisma so the API, the review page and the CLI
 * share them.
 */
import type { Prisma, PrismaClient } from '../core/db/client.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import { queueCountsCache } from './counts-cache.ts';
import { badCursor, decodeCursor, encodeCursor } from './cursor.ts';
import { itemNotFound } from './errors.ts';
import { filterSql, filterWhere, REVIEW_STATUSES, type QueueFilters, type Sort } from './filters.ts';

export interface Signal {
  type: string;
  value: string;
  start: number;
  end: number;
  [k: string]: unknown;
}

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
  network: { id: string; size: number } | null;
  post: { id: string; text: string; url: string; platform: string; author: string | null; language: string | null; postedAt: string | null; ingestedAt: string };
  classification: { modelVersion: string; score: number; category: string; language: string; signals: Signal[]; createdAt: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const include = {
  platform: { select: { name: true } },
  post: {
    include: {
      platform: { select: { name: true } },
      classifications: { orderBy: { createdAt: 'desc' }, take: 1 },
      nearDuplicate: {
        select: {
          similarity: true,
          earlierPost: {
            select: {
              id: true,
              reviewItem: {
                select: { id: true, status: true, decisions: { orderBy: { createdAt: 'desc' }, take: 1, select: { action: true, reasonCode: true, actor: true, createdAt: true } } },
              },
            },
          },
        },
      },
      networkMember: { select: { network: { select: { id: true, postCount: true } } } },
    },
  },
} satisfies Prisma.ReviewItemInclude;

type Row = Prisma.ReviewItemGetPayload<{ include: typeof include }>;

function nearDuplicateView(n: Row['post']['nearDuplicate']): ReviewItemView['nearDuplicateOf'] {
  if (!n) return null;
  const item = n.earlierPost.reviewItem;
  const d = item?.decisions[0];
  return {
    postId: n.earlierPost.id,
    similarity: n.similarity,
    reviewItemId: item?.id ?? null,
    status: item?.status ?? null,
    decision: d ? { action: d.action, reasonCode: d.reasonCode, actor: d.actor, decidedAt: d.createdAt.toISOString() } : null,
  };
}

/**
 * Re-uploads per post, by the `duplicateOfId` index. (Prisma's `_count` in an include joins an
 * aggregate over the whole Post table: a full scan per page, ~2 s at 1,000,000 posts.)
 */
async function duplicateCounts(db: PrismaClient | Prisma.TransactionClient, postIds: string[]): Promise<Map<string, number>> {
  if (!postIds.length) return new Map();
  const groups = await db.post.groupBy({ by: ['duplicateOfId'], where: { duplicateOfId: { in: postIds } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.duplicateOfId!, g._count._all]));
}

function toView(r: Row, now = new Date(), duplicates = 0): ReviewItemView {
  const c = r.post.classifications[0];
  const live = r.claimedBy && r.leaseExpiresAt && r.leaseExpiresAt > now;
  return {
    id: r.id,
    status: r.status,
    priority: r.priority,
    score: r.score,
    referralCandidate: r.referralCandidate,
    language: r.language,
    category: r.category,
    platform: r.platform.name,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    claim: live ? { holder: r.claimedBy!, leaseExpiresAt: r.leaseExpiresAt!.toISOString() } : null,
    duplicates,
    nearDuplicateOf: nearDuplicateView(r.post.nearDuplicate),
    network: r.post.networkMember ? { id: r.post.networkMember.network.id, size: r.post.networkMember.network.postCount } : null,
    post: {
      id: r.post.id,
      text: r.post.text,
      url: r.post.url,
      platform: r.post.platform.name,
      author: r.post.authorHandle,
      language: r.post.language,
      postedAt: r.post.postedAt?.toISOString() ?? null,
      ingestedAt: r.post.ingestedAt.toISOString(),
    },
    classification: c
      ? {
          modelVersion: c.modelVersion,
          score: c.score,
          category: c.category,
          language: c.language,
          signals: Array.isArray(c.signals) ? (c.signals as unknown as Signal[]) : [],
          createdAt: c.createdAt.toISOString(),
        }
      : null,
  };
}

export async function getReviewItem(db: PrismaClient | Prisma.TransactionClient, id: string): Promise<ReviewItemView> {
  const row = await db.reviewItem.findUnique({ where: { id }, include });
  if (!row) throw itemNotFound(id);
  return toView(row, new Date(), (await duplicateCounts(db, [row.postId])).get(row.postId));
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
  const base = filterWhere(opts);
  const where: Prisma.ReviewItemWhereInput = { ...base, status: opts.status ?? 'open' };
  const orderBy: Prisma.ReviewItemOrderByWithRelationInput[] =
    opts.sort === 'priority' ? [{ priority: 'desc' }, { id: 'asc' }] : [{ createdAt: 'asc' }, { id: 'asc' }];
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, opts.sort);
    if (!UUID.test(c.id)) throw badCursor('not a cursor');
    if (opts.sort === 'priority') {
      if (typeof c.v !== 'number') throw badCursor('not a cursor');
      where.OR = [{ priority: { lt: c.v } }, { priority: c.v, id: { gt: c.id } }];
    } else {
      const t = new Date(String(c.v));
      if (Number.isNaN(t.getTime())) throw badCursor('not a cursor');
      where.OR = [{ createdAt: { gt: t } }, { createdAt: t, id: { gt: c.id } }];
    }
  }
  const [rows, groups] = await Promise.all([
    db.reviewItem.findMany({ where, orderBy, take: opts.limit + 1, include }),
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
      ? encodeCursor({ s: opts.sort, v: opts.sort === 'priority' ? last.priority : last.createdAt.toISOString(), id: last.id })
      : null;
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const g of groups) counts[g.status] = g.n;
  const duplicates = await duplicateCounts(db, page.map((r) => r.postId));
  const now = new Date();
  return { items: page.map((r) => toView(r, now, duplicates.get(r.postId))), nextCursor, counts };
}
