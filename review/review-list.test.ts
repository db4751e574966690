/**
 * The SQL listing (review/review-list.ts, review/sql.ts) against the Prisma include it replaced
 * (test/review-list-reference.ts): the same items, field for field, in the same order, with the
 * same cursors, for every filter and sort and across cursor pages, over a queue with re-uploads,
 * near-duplicates (with and without an earlier item and decisions), networks, live and expired
 * claims, several classifications per post, and ties in priority and creation time.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedReviewItems, type SeedItem } from '../test/review-fixtures.ts';
import { referenceItem, referenceList } from '../test/review-list-reference.ts';
import { REVIEW_STATUSES, type QueueFilters, type Sort } from './filters.ts';
import { getReviewItem, listReviewItems } from './review-list.ts';

const PLATFORMS = ['facebook', 'tiktok', 'telegram'];
const LANGUAGES = ['en', 'ar', 'fa'];
const CATEGORIES = ['small_boat', 'lorry', 'boat_crossing'];
const T0 = Date.parse('2026-11-01T00:00:00Z');

const STATUS_MIX = ['open', 'open', 'open', 'open', 'open', 'escalated', 'needs_translation', 'confirmed', 'rejected', 'rejected'] as const;

/**
 * 90 items spread over every status and filter (fields from different bits of a multiplicative
 * hash, so filters do not line up); priorities and creation times repeat so ties break by id.
 */
function specs(): SeedItem[] {
  return Array.from({ length: 90 }, (_, i) => {
    const h = Math.imul(i + 1, 2654435761) >>> 0;
    return {
      platform: PLATFORMS[h % 3],
      language: LANGUAGES[(h >>> 4) % 3],
      category: CATEGORIES[(h >>> 8) % 3],
      score: 0.4 + ((h >>> 12) % 7) / 10,
      priority: ((h >>> 16) % 5) / 2,
      referralCandidate: (h >>> 20) % 4 === 0,
      status: STATUS_MIX[i % 10]!,
      createdAt: new Date(T0 + ((h >>> 24) % 9) * 60_000),
    };
  });
}

describe('review listing in one SQL statement', () => {
  let iso: Isolated;
  let items: { id: string; postId: string }[];
  let platformIds: Map<string, number>;
  beforeAll(async () => {
    iso = await isolate();
    const db = iso.db;
    items = await seedReviewItems(db, specs());
    platformIds = new Map((await db.prisma.platform.findMany()).map((p) => [p.name, p.id]));
    const post = (i: number) => items[i]!.postId;
    // A newer classification by another model on some posts: the latest one is shown.
    for (const i of [0, 5, 10]) {
      await db.prisma.classification.create({
        // Post 0's in Persian written in Latin letters: the tag carries the script.
        data: {
          postId: post(i),
          modelVersion: 'test-2',
          score: 0.99,
          decision: 'refer',
          category: 'lorry',
          language: i === 0 ? 'fa' : 'en',
          languageTag: i === 0 ? 'fa-Latn' : 'en',
          signals: [],
          createdAt: new Date(Date.now() + 60_000),
        },
      });
    }
    // Re-uploads: two of post 1, one of post 2.
    for (const [n, of] of [
      [1, 1],
      [2, 1],
      [3, 2],
    ] as const) {
      await db.prisma.post.create({
        data: {
          platformId: platformIds.get('facebook')!,
          platformPostId: `reupload-${n}`,
          url: `https://example.com/r/${n}`,
          text: 'again',
          contentHash: `r-${n}`,
          duplicateOfId: post(of),
          outcome: 'duplicate',
        },
      });
    }
    // Decisions on item 3 (the latest counts) and item 4; none on item 6.
    const decide = (i: number, action: 'confirm' | 'reject', at: number) =>
      db.prisma.decision.create({
        data: {
          reviewItemId: items[i]!.id,
          postId: post(i),
          actor: 'k-lead',
          action,
          reasonCode: 'smuggling_offer',
          createdAt: new Date(T0 + at),
        },
      });
    await decide(3, 'reject', 1_000);
    await decide(3, 'confirm', 2_000);
    await decide(4, 'confirm', 3_000);
    // Near-duplicates of: a decided item, another decided item, an undecided item, and a post with no item.
    const loner = await db.prisma.post.create({
      data: {
        platformId: platformIds.get('x')!,
        platformPostId: 'loner',
        url: 'https://example.com/loner',
        text: 'earlier',
        contentHash: 'loner',
        outcome: 'dismissed',
      },
    });
    for (const [i, earlier, similarity] of [
      [7, post(3), 0.91],
      [8, post(4), 0.75],
      [9, post(6), 0.8],
      [11, loner.id, 0.7],
    ] as const) {
      await db.prisma.nearDuplicate.create({ data: { postId: post(i), earlierPostId: earlier, similarity } });
    }
    // Two networks.
    for (const [size, members] of [
      [3, [0, 12, 13]],
      [2, [14, 20]],
    ] as const) {
      const network = await db.prisma.network.create({
        data: { id: randomUUID(), postCount: size, firstSeenAt: new Date(T0), lastSeenAt: new Date(T0) },
      });
      for (const i of members) await db.prisma.networkMember.create({ data: { postId: post(i), networkId: network.id } });
    }
    // A live claim and an expired one.
    await db.prisma.reviewItem.update({
      where: { id: items[0]!.id },
      data: { claimedBy: 'k-rev', leaseExpiresAt: new Date(Date.now() + 3_600_000) },
    });
    await db.prisma.reviewItem.update({
      where: { id: items[5]!.id },
      data: { claimedBy: 'k-rev', leaseExpiresAt: new Date(Date.now() - 3_600_000) },
    });
  });
  afterAll(async () => iso?.cleanup());

  const FILTERS: QueueFilters[] = [
    {},
    { status: 'escalated' },
    { status: 'confirmed' },
    { status: 'rejected', language: 'en' },
    { language: 'ar' },
    { category: 'boat_crossing' },
    { referralCandidate: true },
    { referralCandidate: false },
    { minScore: 0.6 },
    { minScore: 0.5, maxScore: 0.8 },
  ];

  it.each(FILTERS.flatMap((f) => (['priority', 'oldest'] as Sort[]).flatMap((sort) => [3, 50].map((limit) => ({ f, sort, limit })))))(
    'returns what the Prisma include returned: $f, sort $sort, pages of $limit',
    async ({ f, sort, limit }) => {
      let cursor: string | undefined;
      let pages = 0;
      const seen: string[] = [];
      do {
        const opts = { ...f, sort, limit, cursor };
        const [sql, reference] = [await listReviewItems(iso.db, opts), await referenceList(iso.db, opts)];
        expect(sql.items).toEqual(reference.items);
        expect(sql.nextCursor).toBe(reference.nextCursor);
        seen.push(...sql.items.map((i) => i.id));
        cursor = sql.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages).toBe(Math.max(1, Math.ceil(seen.length / limit)));
      // Every item under the filters, once.
      const status = f.status ?? 'open';
      expect(seen.length).toBe(await iso.db.prisma.reviewItem.count({ where: { status, ...whereOf(f) } }));
    },
  );

  it('filters by platform, alone and with a language', async () => {
    for (const f of [{ platformId: platformIds.get('tiktok') }, { platformId: platformIds.get('telegram'), language: 'fa' }]) {
      const opts = { ...f, sort: 'priority' as const, limit: 50 };
      const sql = await listReviewItems(iso.db, opts);
      expect(sql.items.length).toBe(await iso.db.prisma.reviewItem.count({ where: { status: 'open', ...f } }));
      expect(sql.items.length).toBeGreaterThan(0);
      expect(sql.items).toEqual((await referenceList(iso.db, opts)).items);
    }
  });

  it('shows re-uploads, the latest classification, near-duplicates with their last decision, networks and only live claims', async () => {
    const all = [];
    for (const status of REVIEW_STATUSES) all.push(...(await listReviewItems(iso.db, { status, sort: 'priority', limit: 200 })).items);
    expect(all).toHaveLength(items.length);
    const byId = new Map(all.map((i) => [i.id, i]));
    const at = (i: number) => byId.get(items[i]!.id);
    expect(at(0)).toMatchObject({
      claim: { holder: 'k-rev' },
      network: { size: 3 },
      classification: { modelVersion: 'test-2', language: 'fa', languageTag: 'fa-Latn' },
    });
    // A classification stored without a tag shows its base language as the tag.
    expect(at(1)).toMatchObject({ duplicates: 2, nearDuplicateOf: null, network: null, classification: { modelVersion: 'test-1' } });
    expect(at(1)!.classification!.languageTag).toBe(at(1)!.classification!.language);
    expect(at(2)).toMatchObject({ duplicates: 1 });
    expect(at(5)).toMatchObject({ claim: null });
    expect(at(7)!.nearDuplicateOf).toMatchObject({
      postId: items[3]!.postId,
      similarity: 0.91,
      reviewItemId: items[3]!.id,
      decision: { action: 'confirm' },
    });
    expect(at(11)!.nearDuplicateOf).toEqual({
      postId: expect.any(String),
      similarity: 0.7,
      reviewItemId: null,
      status: null,
      decision: null,
    });
  });

  it('reads one item as the include did, and an unknown or malformed id is not found', async () => {
    for (const { id } of items) {
      const reference = await referenceItem(iso.db, id);
      expect(await getReviewItem(iso.db, id)).toEqual(reference);
      // Inside a transaction the statement runs on the transaction's connection, not generic-plan: same answer.
      expect(await iso.db.transaction((tx) => getReviewItem(tx, id))).toEqual(reference);
    }
    await expect(getReviewItem(iso.db, randomUUID())).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getReviewItem(iso.db, 'not-an-id')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('counts per status under the filters, whatever the status filter', async () => {
    const { counts } = await listReviewItems(iso.db, { language: 'ar', status: 'rejected', sort: 'priority', limit: 1 });
    for (const s of REVIEW_STATUSES)
      expect(counts[s], s).toBe(await iso.db.prisma.reviewItem.count({ where: { status: s, language: 'ar' } }));
  });
});

function whereOf(f: QueueFilters) {
  return {
    ...(f.language ? { language: f.language } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.referralCandidate !== undefined ? { referralCandidate: f.referralCandidate } : {}),
    ...(f.minScore !== undefined || f.maxScore !== undefined ? { score: { gte: f.minScore, lte: f.maxScore } } : {}),
  };
}
