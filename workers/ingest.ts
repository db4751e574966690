/**
 * Stage 1, `ingest`: validate, normalise, de-duplicate, persist, then hand new posts to `classify`.
 * Every write is idempotent (deterministic ids, ON CONFLICT DO NOTHING), so a retried job
 * converges on the same rows.
 */
import type { Job } from 'bullmq';
import { canonicalText, hashCanonical } from '../core/content-hash.ts';
import { sentSignature, signatureOfCanonical } from '../networks/near-duplicate.ts';
import { postIdFor, validatePost, type FieldError } from '../core/post-input.ts';
import { platformsNamed } from '../core/platform-directory.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { persistChunk, type PostRow } from './pipeline-sql.ts';
import { enqueue, type JobPayloads } from '../core/jobs.ts';

export interface IngestResult {
  persisted: number;
  duplicatesById: number;
  duplicatesByContent: number;
  rejected: FieldError[];
  queuedForClassify: number;
}

export function createIngestHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['ingest']>): Promise<IngestResult> => {
    const names = await ctx.platforms.namesFor(platformsNamed(job.data.posts));
    const rejected: FieldError[] = [];
    const rows: PostRow[] = [];
    /** rows[k] is the job's record recordOf[k], to name a record the database refuses. */
    const recordOf: number[] = [];
    /** Post id → its canonical text and content hash, to sign the posts left pending. */
    const canonical = new Map<string, { text: string; hash: string }>();
    for (const [i, raw] of job.data.posts.entries()) {
      // Producers validate too; this guards against anything else writing to the queue.
      const v = validatePost(raw, i, names);
      if (!v.ok) {
        rejected.push(...v.errors);
        continue;
      }
      const p = v.post;
      const id = postIdFor(p.platform, p.platformPostId);
      const text = canonicalText(p.text);
      const hash = hashCanonical(text);
      canonical.set(id, { text, hash });
      recordOf.push(i);
      rows.push({
        id,
        platformId: (await ctx.platforms.idOf(p.platform))!,
        platformPostId: p.platformPostId,
        url: p.url,
        authorHandle: p.author ?? null,
        text: p.text,
        language: p.lang ?? null,
        postedAt: p.postedAt ? new Date(p.postedAt) : null,
        ingestedAt: new Date(job.data.receivedAt),
        source: p.source ?? null,
        contentHash: hash,
      });
    }
    if (rejected.length) ctx.log.warn({ jobId: job.id, rejected }, 'ingest: records rejected');
    if (!rows.length) return { persisted: 0, duplicatesById: 0, duplicatesByContent: 0, rejected, queuedForClassify: 0 };

    // Posts, fingerprints and duplicate links in two set-based statements (workers/pipeline-sql.ts).
    const { persisted, duplicatesByContent, pending } = await persistSettingAside(ctx, job, rows, recordOf, rejected);

    // Whatever is still pending goes to classify, including posts of an earlier attempt of this
    // job that crashed before enqueueing. Their near-duplicate signatures are computed here: this
    // process has the canonical text already and waits on the database most of the time, while
    // the classify process is the pipeline's busiest.
    if (pending.length) {
      const signatures: Record<string, string> = {};
      for (const id of pending) {
        const c = canonical.get(id);
        if (c) signatures[id] = sentSignature(c.hash, signatureOfCanonical(c.text).minhash);
      }
      await enqueue(ctx.queues, 'classify', { postIds: pending, signatures });
    }

    return {
      persisted,
      duplicatesById: rows.length - persisted,
      duplicatesByContent,
      rejected,
      queuedForClassify: pending.length,
    };
  };
}

/** SQLSTATE class 22, "data exception": the value itself is refused (e.g. 22021, a NUL byte in text); retrying cannot help. */
const isDataError = (err: unknown) =>
  typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('22');

/**
 * Persists the chunk; if the database refuses a value in it (which validation should have caught),
 * stores the records one by one and sets aside those refused, with a logged error naming each, so
 * one record can never fail its whole batch on every retry. Other errors (connection lost) still
 * fail the job, to be retried.
 */
export async function persistSettingAside(
  ctx: Pick<PipelineContext, 'db' | 'log'>,
  job: Pick<Job, 'id'>,
  rows: readonly PostRow[],
  recordOf: readonly number[],
  rejected: FieldError[],
): Promise<{ persisted: number; duplicatesByContent: number; pending: string[] }> {
  const db = ctx.db;
  try {
    return await persistChunk(db, rows);
  } catch (err) {
    if (!isDataError(err)) throw err;
    ctx.log.warn(
      { jobId: job.id, err: (err as Error).message },
      'ingest: the database refused a value in the batch; storing its records one by one',
    );
  }
  const total = { persisted: 0, duplicatesByContent: 0, pending: [] as string[] };
  for (const [k, row] of rows.entries()) {
    try {
      const one = await persistChunk(db, [row]);
      total.persisted += one.persisted;
      total.duplicatesByContent += one.duplicatesByContent;
      total.pending.push(...one.pending);
    } catch (err) {
      if (!isDataError(err)) throw err;
      const message = `the database refused it: ${(err as Error).message}`;
      rejected.push({ record: recordOf[k]!, field: '(record)', message });
      ctx.log.error(
        { jobId: job.id, record: recordOf[k], postId: row.id, platformPostId: row.platformPostId, err: (err as Error).message },
        'ingest: record set aside',
      );
    }
  }
  return total;
}
