/**
 * Stage 2, `classify`: run the detector over a batch of posts, store one Classification per post
 * and model version, and route each post — all in one transaction, so a post is never classified
 * without an outcome or routed twice. Referral candidates are then queued on `refer`.
 */
import type { Job } from 'bullmq';
import { insertClassifications } from '../core/db/bulk-insert.ts';
import type { DetectorResult, Thresholds } from '../detector/types.ts';
import type { PipelineContext } from './context.ts';
import { jobIds, type JobPayloads } from './queues.ts';
import { reviewPriority, routeByScore, type RoutedOutcome } from './route.ts';

export interface ClassifyResult {
  classified: number;
  outcomes: Record<RoutedOutcome, number>;
  referQueued: number;
}

/** Thresholds from config override the ones stored with the model version. */
export function effectiveThresholds(ctx: PipelineContext, model: Thresholds): Thresholds {
  return {
    refer: ctx.config.thresholds.refer ?? model.refer,
    review: ctx.config.thresholds.review ?? model.review,
  };
}

export function createClassifyHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['classify']>): Promise<ClassifyResult> => {
    const detector = await ctx.detector();
    const thresholds = effectiveThresholds(ctx, detector.thresholds);
    const posts = await ctx.db.post.findMany({
      where: { id: { in: job.data.postIds }, outcome: 'pending' },
      select: { id: true, text: true, language: true, platformId: true, postedAt: true, ingestedAt: true },
    });
    const outcomes: Record<RoutedOutcome, number> = { dismissed: 0, review: 0, referral_candidate: 0 };

    if (posts.length) {
      const results = detector.classify(posts.map((p) => ({ id: p.id, text: p.text, lang: p.language })));
      const byId = new Map(results.map((r) => [r.id, r]));
      await ctx.db.$transaction(async (tx) => {
        await insertClassifications(
          tx,
          results.map((r) => ({ postId: r.id, modelVersion: r.modelVersion, score: r.score, decision: r.decision, category: r.category, language: r.lang, signals: r.signals })),
        );
        const reviewRows = [];
        const groups = new Map<string, string[]>(); // `${outcome}|${lang}` → post ids
        for (const p of posts) {
          const r = byId.get(p.id) as DetectorResult;
          const outcome = routeByScore(r.score, thresholds);
          outcomes[outcome] += 1;
          const lang = p.language ?? r.lang;
          const key = `${outcome}|${lang}`;
          const group = groups.get(key);
          if (group) group.push(p.id);
          else groups.set(key, [p.id]);
          if (outcome !== 'dismissed') {
            reviewRows.push({
              postId: p.id,
              priority: reviewPriority(r.score, p.postedAt ?? p.ingestedAt, ctx.config.priorityHalfLifeHours),
              score: r.score,
              referralCandidate: outcome === 'referral_candidate',
              platformId: p.platformId,
              language: lang,
              category: r.category,
            });
          }
        }
        if (reviewRows.length) await tx.reviewItem.createMany({ data: reviewRows, skipDuplicates: true });
        const routedAt = new Date();
        for (const [key, ids] of groups) {
          const [outcome, language] = key.split('|') as [RoutedOutcome, string];
          await tx.post.updateMany({ where: { id: { in: ids }, outcome: 'pending' }, data: { outcome, language, routedAt } });
        }
      });
    }

    // Also re-queues candidates routed by an earlier attempt that crashed before this point; the
    // deterministic job id and the referral's idempotency key keep that from notifying twice.
    const candidates = await ctx.db.post.findMany({
      where: { id: { in: job.data.postIds }, outcome: 'referral_candidate' },
      select: { id: true },
    });
    if (candidates.length) {
      await ctx.queues.refer.addBulk(
        candidates.map((c) => ({ name: 'refer', data: { postId: c.id }, opts: { jobId: jobIds.refer(c.id) } })),
      );
    }
    return { classified: posts.length, outcomes, referQueued: candidates.length };
  };
}
