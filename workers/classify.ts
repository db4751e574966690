/**
 * Stage 2, `classify`: run the detector over a batch of posts, store one Classification per post
 * and model version, and route each post — all in one transaction, so a post is never classified
 * without an outcome or routed twice. Referral candidates are then queued on `refer`. A job runs
 * the detector for at most `config.classifyBudgetMs`; posts it has not reached go to a new job.
 */
import type { Job } from 'bullmq';
import type { Detector } from '../detector/detector.ts';
import type { DetectorResult, Thresholds } from '../detector/types.ts';
import { recordShadow } from '../model-registry/shadow.ts';
import { receivedSignature, type Signature } from '../networks/near-duplicate.ts';
import { findNearDuplicates, recordPostLinks, type NearDuplicateScan } from '../networks/classify-hook.ts';
import { contactKeys, knownContactSignals, lookupContacts, type ContactLookup } from '../networks/known-contacts.ts';
import { NETWORK_CONFIRM_BOOST } from '../networks/priority.ts';
import type { Signal } from '../detector/types.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { classifyAndRoute, loadClassifyBatch, type PostToClassify, type RoutedRow } from './pipeline-sql.ts';
import { enqueue, type JobPayloads } from '../core/jobs.ts';
import { reviewPriority, routeByScore, type RoutedOutcome } from './route.ts';

export interface ClassifyResult {
  classified: number;
  outcomes: Record<RoutedOutcome, number>;
  referQueued: number;
  /** Posts left for a later job (`classify-rest`) when the time budget ran out. */
  deferred: number;
}

/** Thresholds from config override the ones stored with the model version. */
export function effectiveThresholds(ctx: PipelineContext, model: Thresholds): Thresholds {
  return {
    refer: ctx.config.thresholds.refer ?? model.refer,
    review: ctx.config.thresholds.review ?? model.review,
  };
}

/**
 * The signatures ingest sent with the job, for the posts whose stored content hash is the one they
 * were computed from (a post re-sent under the same id with another text keeps its first text).
 */
export function givenSignatures(sent: Record<string, string> | undefined, posts: readonly PostToClassify[]): Map<string, Signature> {
  const out = new Map<string, Signature>();
  if (!sent) return out;
  for (const p of posts) {
    const sig = receivedSignature(sent[p.id], p.contentHash);
    if (sig) out.set(p.id, sig);
  }
  return out;
}

/**
 * Classifies posts in order for at most `budgetMs`, at least one. The detector holds the event
 * loop, so BullMQ cannot renew the job's lock meanwhile (it can while the job awaits the
 * database): the budget is what keeps a batch of slow posts from outliving the lock. Timed from
 * here, not from the job's start, so jobs that waited for each other's detector time still
 * make progress. Returns the results of the posts reached.
 */
export function classifyUntil(detector: Detector, posts: readonly PostToClassify[], budgetMs: number): DetectorResult[] {
  const deadline = performance.now() + budgetMs;
  const results: DetectorResult[] = [];
  for (const p of posts) {
    results.push(detector.classify([{ id: p.id, text: p.text, lang: p.language }])[0]!);
    if (performance.now() >= deadline) break;
  }
  return results;
}

/** The job's signatures for `postIds` (those it has). */
function signaturesOf(sent: Record<string, string> | undefined, postIds: readonly string[]): Record<string, string> | undefined {
  if (!sent) return undefined;
  return Object.fromEntries(postIds.filter((id) => sent[id] !== undefined).map((id) => [id, sent[id]!]));
}

/**
 * Each post's Classification and outcome: by score, straight to referral candidate as a
 * near-duplicate of a confirmed post, and at least to review (raised as a confirmed network's
 * posts are) when it names a known contact, whose `known_contact` signals join the stored ones.
 * The stored decision stays the detector's; the outcome says where the post went.
 */
function routedRows(
  ctx: PipelineContext,
  thresholds: Thresholds,
  posts: readonly PostToClassify[],
  byId: ReadonlyMap<string, DetectorResult>,
  near: NearDuplicateScan,
  contacts: ContactLookup,
): { rows: RoutedRow[]; signals: Map<string, readonly Signal[]> } {
  const signals = new Map<string, readonly Signal[]>();
  const rows = posts.map((p): RoutedRow => {
    const r = byId.get(p.id)!;
    const known = knownContactSignals(r.signals, p.text, contacts);
    const all = known.length ? [...r.signals, ...known].sort((a, b) => a.start - b.start || a.end - b.end) : r.signals;
    signals.set(p.id, all);
    let outcome = near.matches.get(p.id)?.confirmed ? 'referral_candidate' : routeByScore(r.score, thresholds);
    if (known.length && outcome === 'dismissed') outcome = 'review';
    const networkBoost = known.length && outcome !== 'dismissed' ? NETWORK_CONFIRM_BOOST : 0;
    return {
      postId: p.id,
      modelVersion: r.modelVersion,
      score: r.score,
      decision: r.decision,
      category: r.category,
      detectedLanguage: r.lang,
      languageTag: r.langTag,
      signals: all,
      outcome,
      language: p.language ?? r.lang,
      priority:
        outcome === 'dismissed' ? 0 : reviewPriority(r.score, p.postedAt ?? p.ingestedAt, ctx.config.priorityHalfLifeHours) + networkBoost,
      networkBoost,
      platformId: p.platformId,
    };
  });
  return { rows, signals };
}

export function createClassifyHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['classify']>): Promise<ClassifyResult> => {
    const detector = await ctx.detector();
    const thresholds = effectiveThresholds(ctx, detector.thresholds);
    // One read (posts to classify + candidates of an earlier attempt), one statement for
    // classification + routing (workers/pipeline-sql.ts), one Redis round trip for `refer`.
    const { pending, candidates: earlier } = await loadClassifyBatch(ctx.db, job.data.postIds);
    const outcomes: Record<RoutedOutcome, number> = { dismissed: 0, review: 0, referral_candidate: 0 };
    let routed: { id: string; outcome: RoutedOutcome }[] = [];
    const results = pending.length ? classifyUntil(detector, pending, ctx.config.classifyBudgetMs) : [];
    const posts = pending.slice(0, results.length);
    const rest = pending.slice(results.length).map((p) => p.id);

    if (posts.length) {
      const byId = new Map(results.map((r) => [r.id, r]));
      // A near-duplicate of a post a reviewer confirmed goes straight to referral candidate (networks/).
      const near = await findNearDuplicates(ctx.db, posts, givenSignatures(job.data.signatures, posts));
      const keys = posts.flatMap((p) => contactKeys(byId.get(p.id)!.signals, p.text));
      // Near-duplicate links and network membership commit with the routing, or not at all. The
      // network lock may queue it behind other workers, hence the generous statement timeout.
      // Known and benign contacts are read in the transaction (one statement for the batch), so
      // routing, stored signals and links all follow the same reading.
      routed = await ctx.db.transaction(
        async (tx) => {
          const contacts = await lookupContacts(tx, keys);
          const { rows, signals } = routedRows(ctx, thresholds, posts, byId, near, contacts);
          const done = await classifyAndRoute(tx, rows);
          await recordPostLinks(tx, near, done, posts, (id) => signals.get(id)!, contacts.benign);
          return done;
        },
        { statementTimeoutMs: 30_000 },
      );
      for (const r of routed) outcomes[r.outcome] += 1;
      // A candidate in shadow scores the same posts once they are routed; it routes nothing, and a
      // failure here only costs the report some rows.
      const shadow = ctx.shadowDetector?.();
      if (shadow && shadow.version !== detector.version) {
        await recordShadow(
          ctx.db,
          shadow,
          posts,
          posts.map((p) => byId.get(p.id)!),
        ).catch((err: Error) =>
          ctx.log.warn(
            { jobId: job.id, shadow: shadow.version, err: err.message },
            "classify: could not record the shadow model's results",
          ),
        );
      }
    }

    // After the commit: a crash before this point leaves the rest pending for this job's retry.
    // The id is made from the rest's ids, so two runs of this job that split alike (a retry, or a
    // job run again after its lock lapsed) add one job; either way, classify skips routed posts.
    if (rest.length) {
      // Slow posts (long, hostile) or a starved process: worth an operator's notice if it recurs.
      ctx.log.warn(
        { jobId: job.id, classified: posts.length, deferred: rest.length, budgetMs: ctx.config.classifyBudgetMs },
        'classify: time budget spent; the rest of the batch goes to a later job',
      );
      await enqueue(ctx.queues, 'classify-rest', { postIds: rest, signatures: signaturesOf(job.data.signatures, rest) });
    }

    // Also re-queues candidates routed by an earlier attempt that crashed before this point; the
    // job id (from the candidate set) and the referral's idempotency key keep that from notifying
    // twice. One job for the batch: most candidates only wait for a reviewer.
    const candidates = [...earlier, ...routed.filter((r) => r.outcome === 'referral_candidate').map((r) => r.id)];
    if (candidates.length) {
      await enqueue(ctx.queues, 'refer-candidates', { postIds: candidates });
    }
    return { classified: posts.length, outcomes, referQueued: candidates.length, deferred: rest.length };
  };
}
