/**
 * Stage 1, `ingest`: validate, normalise, de-duplicate, persist, then hand new posts to `classify`.
 * Every write is idempotent (deterministic ids, ON CONFLICT DO NOTHING), so a retried job
 * converges on the same rows.
 */
import type { Job } from 'bullmq';
import { contentHash } from '../core/content-hash.ts';
import { postIdFor, validatePost, type FieldError } from '../core/post-input.ts';
import type { PipelineContext } from './context.ts';
import { persistChunk } from './pipeline-sql.ts';
import type { JobPayloads } from './queues.ts';

export interface IngestResult {
  persisted: number;
  duplicatesById: number;
  duplicatesByContent: number;
  rejected: FieldError[];
  queuedForClassify: number;
}

export function createIngestHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['ingest']>): Promise<IngestResult> => {
    const names = await ctx.platforms.names();
    const rejected: FieldError[] = [];
    const rows = [];
    for (const [i, raw] of job.data.posts.entries()) {
      // Producers validate too; this guards against anything else writing to the queue.
      const v = validatePost(raw, i, names);
      if (!v.ok) {
        rejected.push(...v.errors);
        continue;
      }
      const p = v.post;
      rows.push({
        id: postIdFor(p.platform, p.platformPostId),
        platformId: (await ctx.platforms.idOf(p.platform))!,
        platformPostId: p.platformPostId,
        url: p.url,
        authorHandle: p.author ?? null,
        text: p.text,
        language: p.lang ?? null,
        postedAt: p.postedAt ? new Date(p.postedAt) : null,
        ingestedAt: new Date(job.data.receivedAt),
        source: p.source ?? null,
        contentHash: contentHash(p.text),
      });
    }
    if (rejected.length) ctx.log.warn({ jobId: job.id, rejected }, 'ingest: records rejected');
    if (!rows.length) return { persisted: 0, duplicatesById: 0, duplicatesByContent: 0, rejected, queuedForClassify: 0 };

    // Posts, fingerprints and duplicate links in two set-based statements (workers/pipeline-sql.ts).
    const { persisted, duplicatesByContent, pending } = await persistChunk(ctx.db, rows);

    // Whatever is still pending goes to classify, including posts of an earlier attempt of this
    // job that crashed before enqueueing.
    if (pending.length) await ctx.queues.classify.add('classify', { postIds: pending });

    return {
      persisted,
      duplicatesById: rows.length - persisted,
      duplicatesByContent,
      rejected,
      queuedForClassify: pending.length,
    };
  };
}
