import { createLogger } from '../core/logger.ts';
import { startRuntime, type Runtime, type RuntimeOptions } from '../core/runtime.ts';
import { waitForDrain } from '../workers/drain.ts';
import { isolate, type Isolated } from './isolation.ts';

export interface Harness extends Isolated {
  rt: Runtime;
  /** POSTs JSON (or raw bytes) to the running API. */
  post(path: string, body: unknown, raw?: boolean): Promise<Response>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** An isolated Tidewatch process: its own database and queue prefix, workers and API running. */
export async function startHarness(opts: RuntimeOptions = { workers: ['ingest', 'classify', 'refer'], api: true }, env: Record<string, string> = {}): Promise<Harness> {
  const iso = await isolate(env);
  const rt = await startRuntime(iso.config, createLogger('silent'), { migrate: false, ...opts });
  return {
    ...iso,
    rt,
    post: (path, body, raw = false) =>
      fetch(`${rt.apiUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw ? (body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(body),
      }),
    drain: () =>
      waitForDrain(rt.queues, {
        done: async () => (await iso.db.post.count({ where: { outcome: 'pending' } })) === 0,
        timeoutMs: 60_000,
      }),
    async close() {
      await rt.close();
      await iso.cleanup();
    },
  };
}

let seq = 0;
/** A post in the ingest contract shape with a unique platform id. */
export function makePost(text: string, over: Record<string, unknown> = {}) {
  seq += 1;
  const id = `p${Date.now().toString(36)}${seq}`;
  return { platform: 'facebook', platformPostId: id, url: `https://www.facebook.com/posts/${id}`, text, author: 'someone', ...over };
}
