/**
 * The review listing as it was built before review/sql.ts: Prisma's nested include, mapped in
 * TypeScript. Kept only as a test oracle, so the SQL path is checked against an independent
 * implementation of the same view (review/review-list.test.ts). Counts are not part of it.
 */
import type { Prisma, PoolDb } from '../core/db/index.ts';
import { badCursor, decodeCursor, encodeCursor } from '../core/cursor.ts';
import type { QueueFilters } from '../review/filters.ts';
import type { ListOptions, ListResult, ReviewItemView, Signal } from '../review/review-list.ts';

/** The filters minus status, as a Prisma where (the listing's filter before review/filters.ts's SQL). */
function filterWhere(f: QueueFilters): Prisma.ReviewItemWhereInput {
  const where: Prisma.ReviewItemWhereInput = {};
  if (f.language) where.language = f.language;
  if (f.platformId !== undefined) where.platformId = f.platformId;
  if (f.category) where.category = f.category;
  if (f.referralCandidate !== undefined) where.referralCandidate = f.referralCandidate;
  if (f.minScore !== undefined || f.maxScore !== undefined) where.score = { gte: f.minScore, lte: f.maxScore };
  return where;
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
                select: {
                  id: true,
                  status: true,
                  decisions: {
                    orderBy: { createdAt: 'desc' },
                    take: 1,
                    select: { action: true, reasonCode: true, actor: true, createdAt: true },
                  },
                },
              },
            },
          },
        },
      },
      networkMember: { select: { network: { select: { id: true, postCount: true, vouchedCount: true } } } },
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
async function duplicateCounts(db: PoolDb, postIds: string[]): Promise<Map<string, number>> {
  if (!postIds.length) return new Map();
  const groups = await db.prisma.post.groupBy({ by: ['duplicateOfId'], where: { duplicateOfId: { in: postIds } }, _count: { _all: true } });
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
    network: r.post.networkMember
      ? {
          id: r.post.networkMember.network.id,
          size: r.post.networkMember.network.postCount,
          vouched: r.post.networkMember.network.vouchedCount,
        }
      : null,
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
          languageTag: c.languageTag ?? c.language,
          signals: Array.isArray(c.signals) ? (c.signals as unknown as Signal[]) : [],
          createdAt: c.createdAt.toISOString(),
        }
      : null,
  };
}

export async function referenceItem(db: PoolDb, id: string): Promise<ReviewItemView | null> {
  const row = await db.prisma.reviewItem.findUnique({ where: { id }, include });
  return row && toView(row, new Date(), (await duplicateCounts(db, [row.postId])).get(row.postId));
}

export async function referenceList(db: PoolDb, opts: ListOptions): Promise<Omit<ListResult, 'counts'>> {
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
  const rows = await db.prisma.reviewItem.findMany({ where, orderBy, take: opts.limit + 1, include });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > opts.limit && last
      ? encodeCursor({ s: opts.sort, v: opts.sort === 'priority' ? last.priority : last.createdAt.toISOString(), id: last.id })
      : null;
  const duplicates = await duplicateCounts(
    db,
    page.map((r) => r.postId),
  );
  const now = new Date();
  return { items: page.map((r) => toView(r, now, duplicates.get(r.postId))), nextCursor };
}
