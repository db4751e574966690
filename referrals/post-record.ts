/**
 * Everything Tidewatch knows about one post, for `GET /v1/posts/{id}`: its outcome (also
 * `duplicate`, which appears nowhere else), the exact and near duplicates it is linked to, its
 * latest classification with the signals in words, its review item and the referrals of its
 * content (a re-upload shares its original's referral: one notice per content and platform).
 */
import type { PoolDb } from '../core/db/index.ts';
import { DomainError } from '../core/errors.ts';
import { distinctSignalWords } from '../detector/signal-words.ts';
import { referralKey } from './create-referral.ts';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export async function postRecord(db: PoolDb, id: string) {
  const post = await db.prisma.post.findUnique({
    where: { id },
    include: {
      platform: { select: { name: true, holdForActionDay: true } },
      duplicates: { select: { id: true, platformPostId: true, url: true, ingestedAt: true }, orderBy: { ingestedAt: 'asc' }, take: 100 },
      duplicateOf: { select: { id: true, platformPostId: true, url: true } },
      nearDuplicate: { select: { earlierPostId: true, similarity: true } },
      nearDuplicates: { select: { postId: true, similarity: true }, orderBy: { similarity: 'desc' }, take: 100 },
      classifications: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1 },
      reviewItem: { include: { decisions: { orderBy: { createdAt: 'desc' }, take: 1 } } },
    },
  });
  if (!post) throw new DomainError('not_found', `no post ${id}`);
  const canonicalId = post.duplicateOfId ?? post.id;
  // A re-upload is classified and reviewed through its original: show the original's verdict.
  const classification =
    post.classifications[0] ??
    (post.duplicateOfId
      ? await db.prisma.classification.findFirst({
          where: { postId: post.duplicateOfId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        })
      : null);
  const referrals = await db.prisma.referral.findMany({
    where: { OR: [{ postId: post.id }, { idempotencyKey: referralKey(post.platformId, canonicalId) }] },
    orderBy: { createdAt: 'asc' },
  });
  const item = post.reviewItem;
  const claimant = item?.claimedBy ? await db.prisma.apiKey.findUnique({ where: { id: item.claimedBy }, select: { name: true } }) : null;
  const signals = (classification?.signals ?? []) as { type: string; value: string; gloss?: unknown }[];
  return {
    id: post.id,
    platform: post.platform.name,
    platformPostId: post.platformPostId,
    url: post.url,
    authorHandle: post.authorHandle,
    text: post.text,
    language: post.language,
    postedAt: iso(post.postedAt),
    ingestedAt: post.ingestedAt.toISOString(),
    routedAt: iso(post.routedAt),
    purgedAt: iso(post.purgedAt),
    outcome: post.outcome,
    duplicateOf: post.duplicateOf,
    duplicates: post.duplicates.map((d) => ({ ...d, ingestedAt: d.ingestedAt.toISOString() })),
    nearDuplicateOf: post.nearDuplicate ? { id: post.nearDuplicate.earlierPostId, similarity: post.nearDuplicate.similarity } : null,
    nearDuplicates: post.nearDuplicates.map((n) => ({ id: n.postId, similarity: n.similarity })),
    classification: classification && {
      ofPostId: classification.postId,
      score: classification.score,
      verdict: classification.decision,
      category: classification.category,
      language: classification.languageTag ?? classification.language,
      modelVersion: classification.modelVersion,
      signals: distinctSignalWords(signals),
      classifiedAt: classification.createdAt.toISOString(),
    },
    review: item && {
      itemId: item.id,
      status: item.status,
      referralCandidate: item.referralCandidate,
      claimedBy: item.claimedBy ? { id: item.claimedBy, name: claimant?.name ?? null } : null,
      leaseExpiresAt: iso(item.leaseExpiresAt),
      decidedAt: iso(item.decidedAt),
      lastDecision: item.decisions[0]
        ? {
            action: item.decisions[0].action,
            reasonCode: item.decisions[0].reasonCode,
            actor: item.decisions[0].actor,
            at: item.decisions[0].createdAt.toISOString(),
          }
        : null,
    },
    referrals: referrals.map((r) => ({
      id: r.id,
      status: r.status,
      /** Waiting for the platform's next action day (queued, not delivered). */
      heldForActionDay: r.heldForActionDay,
      batchId: r.batchId,
      automated: r.automated,
      ofPostId: r.postId,
      ticketId: r.ticketId,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: iso(r.sentAt),
      acknowledgedAt: iso(r.acknowledgedAt),
      decidedAt: iso(r.decidedAt),
      offlineAt: iso(r.offlineAt),
    })),
    /** The platform holds confirmations for its next action day. */
    platformHoldsForActionDay: post.platform.holdForActionDay,
  };
}

export type PostRecord = Awaited<ReturnType<typeof postRecord>>;
