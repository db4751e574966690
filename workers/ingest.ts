/**
 * Stage 1, `ingest`: validate, normalise, de-duplicate, persist, then hand new posts to `classify`.
 * Every write is idempotent (deterministic ids, ON CONFLICT DO NOTHING), so a retried job
 * converges on the same rows.
 */
import type { Job } from 'bullmq';
import { onPool } from '../core/db/sql-transaction.ts';
import { canonicalText, hashCanonical } from '../core/content-hash.ts';
import { sentSignature, signatureOfCanonical } from '../networks/near-duplicate.ts';
import { postIdFor, validatePost, type FieldError } from '../core/post-input.ts';
import { platformsNamed } from '../core/platform-directory.ts';
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
    const names = await ctx.platforms.namesFor(platformsNamed(job.data.posts));
    const rejected: FieldError[] = [];
    const rows = [];
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
    const { persisted, duplicatesByContent, pending } = await persistChunk(onPool(ctx.db), rows);

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
      await ctx.queues.classify.add('classify', { postIds: pending, signatures });
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
