import { statSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { readPostFile } from '../core/post-file.ts';
import { postIdFor, validatePost, type FieldError, type PostInput } from '../core/post-input.ts';
import type { Runtime } from './runtime.ts';
import { enqueuePosts } from '../core/jobs.ts';

export interface IngestFileResult {
  /** Distinct post ids queued (a post repeated in the file counts once). */
  postIds: string[];
  queued: number;
  errors: FieldError[];
}

const FLUSH_EVERY = 1_000;

/** Validates a JSONL/CSV file record by record and queues the valid posts, with a progress bar. */
export async function ingestFile(rt: Runtime, file: string, opts: { progress: boolean }): Promise<IngestFileResult> {
  const size = statSync(file).size;
  const bar = opts.progress
    ? new SingleBar(
        { format: 'reading  [{bar}] {percentage}% | {posts} posts queued, {errors} rejected', hideCursor: true },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(size, 0, { posts: 0, errors: 0 });
  const names = await rt.pipeline.platforms.names();
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  let queued = 0;
  let batch: PostInput[] = [];
  const flush = async () => {
    queued += batch.length;
    await enqueuePosts(rt.queues, batch);
    batch = [];
  };
  for await (const rec of readPostFile(file, (n) => bar?.increment(n))) {
    if ('error' in rec) errors.push(rec.error);
    else {
      const v = validatePost(rec.raw, rec.line, names);
      if (v.ok) {
        batch.push(v.post);
        ids.add(postIdFor(v.post.platform, v.post.platformPostId));
      } else errors.push(...v.errors);
    }
    if (batch.length >= FLUSH_EVERY) await flush();
    bar?.update({ posts: queued + batch.length, errors: errors.length });
  }
  await flush();
  bar?.update(size, { posts: queued, errors: errors.length });
  bar?.stop();
  return { postIds: [...ids], queued, errors };
}

/** "line 12, field text: must not be empty" — one line per problem. */
export function formatFileErrors(errors: readonly FieldError[], limit = 20): string {
  const lines = errors.slice(0, limit).map((e) => `  line ${e.record}, field ${e.field}: ${e.message}`);
  if (errors.length > limit) lines.push(`  … and ${errors.length - limit} more`);
  return lines.join('\n');
}
