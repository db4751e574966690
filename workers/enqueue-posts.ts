import type { PostInput } from '../core/post-input.ts';
import { INGEST_CHUNK, type Queues } from './queues.ts';

/**
 * The producer side of `ingest`, shared by the API and the bulk-file CLI: validated posts go onto
 * the queue in chunks, in one round trip per call.
 */
export async function enqueuePosts(queues: Queues, posts: readonly PostInput[], receivedAt = new Date()): Promise<number> {
  if (!posts.length) return 0;
  const jobs = [];
  for (let i = 0; i < posts.length; i += INGEST_CHUNK) {
    jobs.push({ name: 'ingest', data: { posts: posts.slice(i, i + INGEST_CHUNK), receivedAt: receivedAt.toISOString() } });
  }
  await queues.ingest.addBulk(jobs);
  return jobs.length;
}
