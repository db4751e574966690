/**
 * Queue names, job payloads and job defaults: the one place that says what travels between
 * stages. Workers and producers both import from here.
 */
import { createHash } from 'node:crypto';
import { Queue, type DefaultJobOptions, type JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { PostInput } from '../core/post-input.ts';

export const QUEUE_NAMES = ['ingest', 'classify', 'refer', 'evidence', 'liveness'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /** A chunk of validated posts, in the ingest contract shape. */
  ingest: { posts: PostInput[]; receivedAt: string };
  /**
   * Posts persisted by ingest, classified together in one detector batch. `signatures`: their
   * near-duplicate signatures, computed by ingest (which has their canonical text at hand), by post
   * id as `<content hash>:<base64 minima>` (sentSignature); classify uses one only where the stored post
   * has that content hash, and signs any other post itself.
   */
  classify: { postIds: string[]; signatures?: Record<string, string> };
  /**
   * A post a reviewer confirmed (`decisionId`), a classify batch's referral candidates, or a
   * notice to deliver; the referral stage decides whether and how to notify the platform.
   */
  refer: ReferPostPayload | ReferCandidatesPayload | DeliverPayload;
  /** Capture the referred page (screenshot, HTML, hashes) before the notice goes out. */
  evidence: { referralId: string };
  /** Re-check a referred URL; `check` indexes LIVENESS_SCHEDULE. */
  liveness: { referralId: string; check: number };
}

/** One post to refer: confirmed by a reviewer (`decisionId`), or a single referral candidate. */
export interface ReferPostPayload {
  postId: string;
  decisionId?: string;
}

/**
 * A `refer-candidates` job: the referral candidates of one classify batch, in one job rather than
 * one per post, because most of them only wait for a reviewer (their platform takes no automated
 * referrals) and a job per post cost the pipeline more than classifying the post.
 */
export interface ReferCandidatesPayload {
  postIds: string[];
}

/** A `deliver` job on the `refer` queue: send an existing referral's notice to its platform. */
export interface DeliverPayload {
  referralId: string;
}

/**
 * Posts per ingest job (and so per classify batch): big enough to amortise each job's statements,
 * commit and queue moves, small enough to retry cheaply and to keep a few batches in memory at
 * once. 500 rather than 250 took the pipeline's CPU from ~1.0 to ~0.75 ms a post on the machines of
 * 2026-12-03; 1,000 rather than 500 took PostgreSQL's share ~12 % lower and, with classify
 * concurrency 3, the pipeline from ~5,400 to ~5,800 posts/s on 2026-12-04 (bench/pipeline.ts,
 * alternating runs; README, Benchmarks).
 */
export const INGEST_CHUNK = 1000;

/**
 * Defaults for every job. Retries back off exponentially (1 s, 2 s, 4 s, ...); completed jobs are
 * kept briefly for inspection, failed ones for a week so an operator can replay them.
 * 12 attempts wait 1 + 2 + … + 1024 s ≈ 34 min in all, so a job outlasts a database outage or
 * failover of that length (test/faults/db-outage.test.ts); a job that gives up leaves its posts
 * unstored (ingest: in the failed set until retried) or pending (classify: the recover-pending
 * sweep queues them again, later), so this errs on the long side.
 */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};

/** ioredis options BullMQ requires for blocking connections, plus a capped reconnect backoff. */
export function redisOptions(): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(200 * 2 ** times, 10_000),
  };
}

/** `connectionName` shows in CLIENT LIST, so an operator can tell whose connection is whose. */
export function createRedis(url: string, connectionName?: string): Redis {
  return new Redis(url, { ...redisOptions(), ...(connectionName ? { connectionName } : {}) });
}

export type Queues = { [K in QueueName]: Queue<JobPayloads[K]> };

/** Producer handles for every queue, sharing one connection. */
export function openQueues(connection: Redis, prefix: string): Queues {
  const make = <K extends QueueName>(name: K) =>
    new Queue<JobPayloads[K]>(name, { connection, prefix, defaultJobOptions: JOB_DEFAULTS });
  return { ingest: make('ingest'), classify: make('classify'), refer: make('refer'), evidence: make('evidence'), liveness: make('liveness') };
}

/** Deletes every key under a prefix: a finished test run's or benchmark's queues. */
export async function dropQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** A set of post ids as a short digest (order-independent): job ids by content. */
const digestOf = (postIds: readonly string[]) => createHash('sha256').update([...postIds].sort().join(',')).digest('hex').slice(0, 32);

/** Job id helpers: a deterministic id makes a re-enqueue after a crash collapse onto the first. */
export const jobIds = {
  /** By content, so a classify retry that finds the same candidates collapses onto the first job. */
  referCandidates: (postIds: readonly string[]) => `refer-candidates-${digestOf(postIds)}`,
  /** The posts a classify job left when its time budget ran out, by content: a re-run adds one job. */
  classifyRest: (postIds: readonly string[]) => `classify-rest-${digestOf(postIds)}`,
  /** A recovery sweep's classify batch, by content: two sweeps that find the same batch add one job. */
  recoverPending: (postIds: readonly string[]) => `recover-${digestOf(postIds)}`,
  /** Per decision, so a post confirmed again after a reversal is queued anew (the referral key still dedupes). */
  referConfirmed: (postId: string, decisionId: string) => `refer-${postId}-${decisionId}`,
  deliver: (referralId: string) => `deliver-${referralId}`,
  evidence: (referralId: string) => `evidence-${referralId}`,
  liveness: (referralId: string, check: string) => `liveness-${referralId}-${check}`,
} satisfies Record<string, (...args: never[]) => string>;

/** Evidence capture tries a few times, then gives up and lets the notice go without it. */
export const EVIDENCE_ATTEMPTS = 3;

export type { JobsOptions };
