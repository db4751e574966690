/**
 * Review items written straight to the database (post, classification, review item), so review
 * tests do not depend on the detector's scores or wait for the pipeline.
 */
import type { PoolDb } from '../core/db/index.ts';
import { postIdFor } from '../core/post-input.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';

export interface SeedItem {
  text?: string;
  platform?: string;
  language?: string;
  category?: string;
  score?: number;
  priority?: number;
  referralCandidate?: boolean;
  status?: ReviewStatus;
  createdAt?: Date;
}

let seq = 0;

/** Creates one review item per spec; returns the items' ids and their posts' ids, in order. */
export async function seedReviewItems(db: PoolDb, specs: SeedItem[]): Promise<{ id: string; postId: string }[]> {
  const platforms = new Map((await db.prisma.platform.findMany()).map((p) => [p.name, p.id]));
  const out: { id: string; postId: string }[] = [];
  for (const s of specs) {
    seq += 1;
    const platform = s.platform ?? 'facebook';
    const platformPostId = `seed-${Date.now().toString(36)}-${seq}`;
    const text = s.text ?? `Boat to UK this week, WhatsApp +44 7700 900${String(seq).padStart(3, '0')}`;
    const id = postIdFor(platform, platformPostId);
    const score = s.score ?? 0.8;
    await db.prisma.post.create({
      data: {
        id,
        platformId: platforms.get(platform)!,
        platformPostId,
        url: `https://example.com/${platformPostId}`,
        authorHandle: 'seeder',
        text,
        language: s.language ?? 'en',
        postedAt: new Date('2026-11-20T10:00:00Z'),
        contentHash: `hash-${platformPostId}`,
        outcome: s.referralCandidate ? 'referral_candidate' : 'review',
        classifications: {
          create: {
            modelVersion: 'test-1',
            score,
            decision: 'review',
            category: s.category ?? 'small_boat',
            language: s.language ?? 'en',
            signals: [{ type: 'keyword', value: 'Boat', start: 0, end: 4 }],
          },
        },
      },
    });
    const item = await db.prisma.reviewItem.create({
      data: {
        postId: id,
        status: s.status ?? 'open',
        priority: s.priority ?? score,
        score,
        referralCandidate: s.referralCandidate ?? false,
        platformId: platforms.get(platform)!,
        language: s.language ?? 'en',
        category: s.category ?? 'small_boat',
        ...(s.createdAt ? { createdAt: s.createdAt } : {}),
      },
    });
    out.push({ id: item.id, postId: id });
  }
  return out;
}
