/**
 * Reading the review queue: filtered, sorted, keyset-paginated listings, per-status counts, and
 * one item with everything a reviewer needs to decide (post, latest classification with signal
 * spans, claim, duplicates). Plain functions over Prisma so the API, the review page and the CLI
 * share them.
 */
import type { Prisma, PrismaClient } from '../core/db/client.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import { badCursor, decodeCursor, encodeCursor } from './cursor.ts';
import { itemNotFound } from './errors.ts';
import { filterWhere, REVIEW_STATUSES, type QueueFilters, type Sort } from './filters.ts';

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
  post: { id: string; text: string; url: string; platform: string; author: string | null; language: string | null; postedAt: string | null; ingestedAt: string };
  classification: { modelVersion: string; score: number; category: string; language: string; signals: Signal[]; createdAt: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const include = {
  platform: { select: { name: true } },
  post: {
    include: {
      platform: { select: { name: true } },
      _count: { select: { duplicates: true } },
      classifications: { orderBy: { createdAt: 'desc' }, take: 1 },
    },
  },
} satisfies Prisma.ReviewItemInclude;

type Row = Prisma.ReviewItemGetPayload<{ include: typeof include }>;

function toView(r: Row, now = new Date()): ReviewItemView {
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
    duplicates: r.post._count.duplicates,
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
  return toView(row);
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

export async function listReviewItems(db: PrismaClient, opts: ListOptions): Promise<ListResult> {
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
    db.reviewItem.groupBy({ by: ['status'], where: base, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > opts.limit && last
      ? encodeCursor({ s: opts.sort, v: opts.sort === 'priority' ? last.priority : last.createdAt.toISOString(), id: last.id })
      : null;
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  const now = new Date();
  return { items: page.map((r) => toView(r, now)), nextCursor, counts };
}
