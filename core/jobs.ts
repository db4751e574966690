/**
 * Job contracts: every queue, every job name, its payload, its queue, its deterministic id and its
 * options, in one place (docs/jobs.md explains the table). Producers enqueue only through
 * `enqueue`/`enqueueBulk`, so no caller writes a queue name, a job id or a retry setting by hand.
 * Neutral: imports nothing from workers/, referrals/, review/ or api/.
 */
import { createHash } from 'node:crypto';
import type { DefaultJobOptions, Job, JobsOptions, Queue } from 'bullmq';
import type { Config } from './config.ts';
import type { PostInput } from './post-input.ts';

export const QUEUE_NAMES = ['ingest', 'classify', 'refer', 'evidence', 'liveness'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** One post to refer: confirmed by a reviewer (`decisionId`), or a single referral candidate. */
export interface ReferPostPayload {
  postId: string;
  decisionId?: string;
}

/** The referral candidates of one classify batch: one job per batch, since most only wait for a reviewer. */
export interface ReferCandidatesPayload {
  postIds: string[];
}

/** Send an existing referral's notice to its platform. */
export interface DeliverPayload {
  referralId: string;
}

/**
 * Posts persisted by ingest, classified together in one detector batch. `signatures`: their
 * near-duplicate signatures by post id as `<content hash>:<base64 minima>` (sentSignature), computed
 * by ingest, which has the canonical text at hand; classify signs any post without a matching one.
 */
export interface ClassifyPayload {
  postIds: string[];
  signatures?: Record<string, string>;
}

/** Every job's payload, keyed by job name (BullMQ's `job.name`). */
export interface JobPayloads {
  /** A chunk of validated posts, in the ingest contract shape. */
  ingest: { posts: PostInput[]; receivedAt: string };
  classify: ClassifyPayload;
  /** The posts a classify job had not reached when its time budget ran out. */
  'classify-rest': ClassifyPayload;
  refer: ReferPostPayload;
  'refer-candidates': ReferCandidatesPayload;
  deliver: DeliverPayload;
  /** Capture the referred page (screenshot, HTML, hashes) before the notice goes out. */
  evidence: { referralId: string };
  /** Re-check a referred URL; `check` indexes LIVENESS_SCHEDULE. */
  liveness: { referralId: string; check: number };
}
export type JobName = keyof JobPayloads;

/** Posts per ingest job (and so per classify batch); why 1,000: docs/jobs.md, "Chunk size". */
export const INGEST_CHUNK = 1000;

/** Options every job starts from (long exponential retries, a week of failed jobs): docs/jobs.md, "Retries and retention". */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};

/** Evidence capture tries a few times, then gives up and lets the notice go without it. */
export const EVIDENCE_ATTEMPTS = 3;

/** The part of the configuration that job options come from. */
export type JobConfig = Pick<Config, 'refer'>;

/** A set of post ids as a short digest (order-independent): job ids by content. */
const digestOf = (postIds: readonly string[]) =>
  createHash('sha256')
    .update([...postIds].sort().join(','))
    .digest('hex')
    .slice(0, 32);

/** Deterministic job ids: a re-enqueue after a crash collapses onto the first job. */
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

interface JobSpec<N extends JobName> {
  queue: QueueName;
  /** The job's deterministic id from its payload; none: BullMQ numbers it. */
  id?: (data: JobPayloads[N]) => string | undefined;
  /** Set on top of JOB_DEFAULTS; a function when the setting comes from config. */
  options: JobsOptions | ((config: JobConfig) => JobsOptions);
}

/** The one table: which queue each job goes on, its id, and its options. */
export const JOBS = {
  ingest: { queue: 'ingest', options: {} },
  classify: { queue: 'classify', options: {} },
  'classify-rest': { queue: 'classify', id: (d) => jobIds.classifyRest(d.postIds), options: {} },
  refer: {
    queue: 'refer',
    id: (d) => (d.decisionId === undefined ? undefined : jobIds.referConfirmed(d.postId, d.decisionId)),
    options: {},
  },
  'refer-candidates': { queue: 'refer', id: (d) => jobIds.referCandidates(d.postIds), options: {} },
  // Deliveries share the `refer` queue: a deployed Redis may hold `deliver` jobs there.
  deliver: {
    queue: 'refer',
    id: (d) => jobIds.deliver(d.referralId),
    options: (config) => ({ attempts: config.refer.attempts, backoff: { type: 'exponential', delay: config.refer.backoffMs } }),
  },
  evidence: {
    queue: 'evidence',
    id: (d) => jobIds.evidence(d.referralId),
    options: { attempts: EVIDENCE_ATTEMPTS, backoff: { type: 'exponential', delay: 1_000 } },
  },
  // The delay comes from LIVENESS_SCHEDULE per check, so the producer passes it.
  liveness: { queue: 'liveness', id: (d) => jobIds.liveness(d.referralId, String(d.check)), options: { attempts: 3 } },
} as const satisfies { [N in JobName]: JobSpec<N> };

/** The queue a job goes on. */
export type QueueOf<N extends JobName> = (typeof JOBS)[N]['queue'];
/** The jobs that travel on a queue. */
export type JobsOn<Q extends QueueName> = { [N in JobName]: QueueOf<N> extends Q ? N : never }[JobName];
/** Jobs whose options come from config. */
export type ConfiguredJob = { [N in JobName]: (typeof JOBS)[N]['options'] extends (config: JobConfig) => JobsOptions ? N : never }[JobName];

export type Queues = { [Q in QueueName]: Queue<JobPayloads[JobsOn<Q>], unknown, JobsOn<Q>> };

/** A job's full options (JOB_DEFAULTS with its own on top), as BullMQ would merge them with the queue's defaults. */
export function getJobOptions(name: Exclude<JobName, ConfiguredJob>, config?: JobConfig): JobsOptions;
export function getJobOptions(name: JobName, config: JobConfig): JobsOptions;
export function getJobOptions(name: JobName, config?: JobConfig): JobsOptions {
  const own: JobsOptions | ((config: JobConfig) => JobsOptions) = JOBS[name].options;
  if (typeof own !== 'function') return { ...JOB_DEFAULTS, ...own };
  if (!config) throw new Error(`job ${name}: its options come from config, and none was given`);
  return { ...JOB_DEFAULTS, ...own(config) };
}

export interface EnqueueOptions {
  /** Overrides the table's id (a recovery sweep names its classify batches itself). */
  jobId?: string;
  /** Milliseconds before the job may run. */
  delay?: number;
}

const optionsFor = <N extends JobName>(name: N, data: JobPayloads[N], extra: EnqueueOptions & { config?: JobConfig }): JobsOptions => {
  const spec: JobSpec<N> = JOBS[name] as JobSpec<N>;
  const jobId = extra.jobId ?? spec.id?.(data);
  return {
    ...getJobOptions(name, extra.config as JobConfig),
    ...(jobId === undefined ? {} : { jobId }),
    ...(extra.delay === undefined ? {} : { delay: extra.delay }),
  };
};

/** The two calls producers make, without the per-queue name and payload types the table has already checked. */
interface Producer {
  add(name: string, data: unknown, opts: JobsOptions): Promise<Job>;
  addBulk(jobs: { name: string; data: unknown; opts: JobsOptions }[]): Promise<Job[]>;
}

const queueFor = <N extends JobName>(queues: Pick<Queues, QueueOf<N>>, name: N) =>
  (queues as unknown as Record<QueueName, Producer>)[JOBS[name].queue];

/** Adds one job on its queue with its id and options from the table. */
export function enqueue<N extends Exclude<JobName, ConfiguredJob>>(
  queues: Pick<Queues, QueueOf<N>>,
  name: N,
  data: JobPayloads[N],
  extra?: EnqueueOptions,
): Promise<Job<JobPayloads[N]>>;
export function enqueue<N extends ConfiguredJob>(
  queues: Pick<Queues, QueueOf<N>>,
  name: N,
  data: JobPayloads[N],
  extra: EnqueueOptions & { config: JobConfig },
): Promise<Job<JobPayloads[N]>>;
export function enqueue<N extends JobName>(
  queues: Pick<Queues, QueueOf<N>>,
  name: N,
  data: JobPayloads[N],
  extra: EnqueueOptions & { config?: JobConfig } = {},
): Promise<Job<JobPayloads[N]>> {
  return queueFor(queues, name).add(name, data, optionsFor(name, data, extra)) as Promise<Job<JobPayloads[N]>>;
}

/** Adds many jobs of one name in one round trip. */
export function enqueueBulk<N extends Exclude<JobName, ConfiguredJob>>(
  queues: Pick<Queues, QueueOf<N>>,
  name: N,
  jobs: readonly { data: JobPayloads[N]; jobId?: string }[],
): Promise<Job<JobPayloads[N]>[]> {
  const bulk = jobs.map((j) => ({ name, data: j.data, opts: optionsFor(name, j.data, j.jobId === undefined ? {} : { jobId: j.jobId }) }));
  return queueFor(queues, name).addBulk(bulk) as Promise<Job<JobPayloads[N]>[]>;
}

/**
 * The producer side of `ingest`, shared by the API and the bulk-file CLI: validated posts go onto
 * the queue in chunks, in one round trip per call.
 */
export async function enqueuePosts(queues: Pick<Queues, 'ingest'>, posts: readonly PostInput[], receivedAt = new Date()): Promise<number> {
  if (!posts.length) return 0;
  const jobs = [];
  for (let i = 0; i < posts.length; i += INGEST_CHUNK) {
    jobs.push({ data: { posts: posts.slice(i, i + INGEST_CHUNK), receivedAt: receivedAt.toISOString() } });
  }
  await enqueueBulk(queues, 'ingest', jobs);
  return jobs.length;
}
