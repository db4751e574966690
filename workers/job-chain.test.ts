/**
 * Which job queues which (docs/jobs.md): each row runs one job's processor, as registered in
 * workers/handlers.ts, on a real job in real Redis and PostgreSQL, and names the jobs it left on the
 * queues. The rows run in order: each one's database state is what the rows above left.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../core/config.ts';
import { enqueue, getJobOptions, JOBS, QUEUE_NAMES, type JobName, type JobPayloads, type Queues } from '../core/jobs.ts';
import { postIdFor } from '../core/post-input.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { HANDLERS } from './handlers.ts';

const ADVERT = 'Boat to UK leaving this week 🚤🇬🇧 100% guaranteed safe crossing, 1500€ per person. WhatsApp +44 7911 123456';
const BENIGN = 'Weather in Dover is sunny today, the ferry runs on time';
/** Refused by the SSRF rule before anything is contacted: evidence and liveness fetch nothing. */
const INTERNAL_URL = 'http://127.0.0.1:9/post';

let h: Harness;
let exportDir: string;
/** Ids the rows hand down: posts, the candidate's referral. */
const ids: Record<string, string> = {};

/** Every job waiting or delayed on any queue but `except` (ids count per queue), as `name` sorted. */
async function queuedNames(queues: Queues, except: Job): Promise<string[]> {
  const jobs = await Promise.all(QUEUE_NAMES.map((q) => queues[q].getJobs(['waiting', 'delayed', 'prioritized'])));
  return jobs
    .flat()
    .filter((j) => !(j.queueName === except.queueName && j.id === except.id))
    .map((j) => j.name)
    .sort();
}

/** Runs `name`'s processor on a real job holding `data`; returns what it enqueued. */
async function run<N extends JobName>(name: N, data: JobPayloads[N], config: Partial<Config> = {}): Promise<string[]> {
  const ctx: PipelineContext = { ...h.rt.pipeline, config: { ...h.rt.pipeline.config, ...config } };
  await Promise.all(QUEUE_NAMES.map((q) => ctx.queues[q].drain(true)));
  // Every row's payload matches its name (Row), so the overloads' name-by-name typing is not needed here.
  const add = enqueue as (queues: Queues, name: JobName, data: unknown, extra: { config: Config }) => Promise<Job>;
  const added = await add(ctx.queues, name, data, { config: ctx.config });
  const job = (await ctx.queues[JOBS[name].queue].getJob(added.id!)) as Job;
  expect(job.name).toBe(name);
  const processor = (await HANDLERS[JOBS[name].queue]())(ctx);
  await processor(job);
  return queuedNames(ctx.queues, job);
}

beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'tw-chain-'));
  const env = { REFER_THRESHOLD: '0.3', REVIEW_THRESHOLD: '0.1', LIVENESS_SCHEDULE: '1h,1h', EXPORT_DIR: exportDir };
  h = await startHarness({ workers: [], api: false }, env);
  // telegram takes automated referrals as export bundles (nothing leaves the machine); facebook takes none.
  await h.db.prisma.platform.update({ where: { name: 'telegram' }, data: { autoRefer: true, deliveryMode: 'export' } });
  await h.db.prisma.platform.update({ where: { name: 'tiktok' }, data: { deliveryMode: 'none' } });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await rm(exportDir, { recursive: true, force: true });
});

const capture = (on: boolean): Partial<Config> => ({ evidence: { ...h.rt.pipeline.config.evidence, capture: on } });

interface Row {
  what: string;
  job: JobName;
  data: () => Promise<JobPayloads[JobName]>;
  config?: () => Partial<Config>;
  enqueues: string[];
}

const rows: Row[] = [
  {
    what: 'ingest → classify',
    job: 'ingest',
    data: async () => {
      const advert = makePost(`${ADVERT} t.me/crossing_now`, { platform: 'telegram', url: INTERNAL_URL });
      const second = makePost(`${ADVERT} second boat`, { platform: 'telegram', url: INTERNAL_URL });
      const benign = makePost(BENIGN);
      ids.advert = postIdFor('telegram', advert.platformPostId);
      ids.second = postIdFor('telegram', second.platformPostId);
      ids.benign = postIdFor('facebook', benign.platformPostId);
      return { posts: [advert, second, benign], receivedAt: new Date().toISOString() };
    },
    enqueues: ['classify'],
  },
  {
    what: 'classify, budget spent after one post → classify-rest + refer-candidates',
    job: 'classify',
    data: async () => ({ postIds: [ids.advert!, ids.second!] }),
    config: () => ({ classifyBudgetMs: 0 }),
    enqueues: ['classify-rest', 'refer-candidates'],
  },
  {
    what: 'classify-rest, a candidate → refer-candidates',
    job: 'classify-rest',
    data: async () => ({ postIds: [ids.advert!, ids.second!] }),
    enqueues: ['refer-candidates'],
  },
  { what: 'classify, nothing to refer → nothing', job: 'classify', data: async () => ({ postIds: [ids.benign!] }), enqueues: [] },
  {
    what: 'refer-candidates (automated platform), capture off → deliver',
    job: 'refer-candidates',
    data: async () => ({ postIds: [ids.advert!] }),
    config: () => capture(false),
    enqueues: ['deliver'],
  },
  {
    what: 'refer-candidates (automated platform), capture on → evidence',
    job: 'refer-candidates',
    data: async () => ({ postIds: [ids.advert!] }),
    config: () => capture(true),
    enqueues: ['evidence'],
  },
  {
    what: 'refer-candidates on a platform without automated referrals → nothing (waits for a reviewer)',
    job: 'refer-candidates',
    data: async () => {
      const [item] = await seedReviewItems(h.db, [{ platform: 'facebook', referralCandidate: true }]);
      return { postIds: [item!.postId] };
    },
    enqueues: [],
  },
  {
    what: 'refer (confirmed by a reviewer), capture off → deliver',
    job: 'refer',
    data: async () => {
      const [item] = await seedReviewItems(h.db, [{ platform: 'telegram', status: 'confirmed' }]);
      ids.confirmed = item!.postId;
      return { postId: item!.postId, decisionId: 'd1' };
    },
    config: () => capture(false),
    enqueues: ['deliver'],
  },
  {
    what: 'refer (confirmed by a reviewer), capture on → evidence',
    job: 'refer',
    data: async () => ({ postId: ids.confirmed!, decisionId: 'd2' }),
    config: () => capture(true),
    enqueues: ['evidence'],
  },
  {
    what: 'refer on a platform that takes no notices → nothing',
    job: 'refer',
    data: async () => {
      const [item] = await seedReviewItems(h.db, [{ platform: 'tiktok', status: 'confirmed' }]);
      return { postId: item!.postId, decisionId: 'd3' };
    },
    enqueues: [],
  },
  {
    what: 'evidence (page refused) → deliver',
    job: 'evidence',
    data: async () => {
      ids.referral = (await h.db.prisma.referral.findFirstOrThrow({ where: { postId: ids.advert! } })).id;
      return { referralId: ids.referral };
    },
    config: () => capture(true),
    enqueues: ['deliver'],
  },
  { what: 'deliver (sent) → liveness', job: 'deliver', data: async () => ({ referralId: ids.referral! }), enqueues: ['liveness'] },
  { what: 'deliver (already sent) → nothing', job: 'deliver', data: async () => ({ referralId: ids.referral! }), enqueues: [] },
  {
    what: 'liveness, checks left → liveness',
    job: 'liveness',
    data: async () => ({ referralId: ids.referral!, check: 0 }),
    enqueues: ['liveness'],
  },
  {
    what: 'liveness, schedule exhausted → nothing',
    job: 'liveness',
    data: async () => ({ referralId: ids.referral!, check: 1 }),
    enqueues: [],
  },
];

describe('job chain: which job queues which', () => {
  it.each(rows)(
    '$what',
    async (row) => {
      const enqueued = await run(row.job, await row.data(), row.config?.());
      expect(enqueued).toEqual(row.enqueues);
    },
    30_000,
  );

  it('covers every job name', () => {
    expect(new Set(rows.map((r) => r.job))).toEqual(new Set(Object.keys(JOBS)));
  });

  it('fails a job whose name its queue does not carry, for good', async () => {
    const processor = (await HANDLERS.refer())(h.rt.pipeline);
    const job = { name: 'evidence', data: { referralId: 'x' }, attemptsMade: 0, opts: {} } as unknown as Job;
    await expect(processor(job)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('gives every job its options from the one table', () => {
    const config = h.rt.pipeline.config;
    expect(getJobOptions('deliver', config)).toMatchObject({ attempts: config.refer.attempts, backoff: { delay: config.refer.backoffMs } });
    expect(getJobOptions('evidence')).toMatchObject({ attempts: 3 });
    expect(getJobOptions('liveness')).toMatchObject({ attempts: 3 });
    expect(getJobOptions('classify')).toMatchObject({ attempts: 12, removeOnFail: { age: 7 * 24 * 3_600 } });
  });
});
