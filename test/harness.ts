import { createApiKey, type Role } from '../api/auth/keys.ts';
import { createLogger } from '../core/logger.ts';
import { startRuntime, type Runtime, type RuntimeOptions } from '../cli/runtime.ts';
import { waitForDrain } from '../workers/drain.ts';
import { isolate, type Isolated } from './isolation.ts';
import { checkAnswersFrom } from './openapi-contract.ts';

export interface Harness extends Isolated {
  rt: Runtime;
  /** POSTs JSON (or raw bytes) to the running API, with an `ingest` key unless `key` is given. */
  post(path: string, body: unknown, raw?: boolean, key?: string): Promise<Response>;
  /** Any request; `key: null` sends no Authorization header. JSON bodies unless `raw`. */
  request(method: string, path: string, opts?: { key?: string | null; body?: unknown; raw?: boolean }): Promise<Response>;
  /** Creates an API key in this harness's database and returns the secret string. */
  key(role: Role, opts?: { name?: string; platform?: string }): Promise<string>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** An isolated Tidewatch process: its own database and queue prefix, workers and API running. */
export async function startHarness(
  opts: RuntimeOptions = { workers: ['ingest', 'classify', 'refer'], api: true },
  env: Record<string, string> = {},
): Promise<Harness> {
  const iso = await isolate(env);
  const rt = await startRuntime(iso.config, createLogger('silent'), { migrate: false, ...opts });
  // Every answer a test fetches from this API must be one /openapi.json promises (test/openapi-contract.ts).
  const stopChecking = rt.apiUrl ? checkAnswersFrom(rt.apiUrl) : () => {};
  const key: Harness['key'] = async (role, o = {}) =>
    (await createApiKey(iso.db, { role, name: o.name ?? `test ${role}`, platform: o.platform, createdBy: 'test' })).key;
  let ingestKey: Promise<string> | undefined;
  const request: Harness['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = {};
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const body = o.body === undefined ? undefined : o.raw ? (o.body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(o.body);
    return fetch(`${rt.apiUrl}${path}`, { method, headers, body });
  };
  return {
    ...iso,
    rt,
    key,
    request,
    post: async (path, body, raw = false, k) => request('POST', path, { key: k ?? (await (ingestKey ??= key('ingest'))), body, raw }),
    drain: () =>
      waitForDrain(rt.queues, {
        done: async () => (await iso.db.prisma.post.count({ where: { outcome: 'pending' } })) === 0,
        timeoutMs: 60_000,
      }),
    async close() {
      stopChecking();
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

/** Polls `fn` every 100 ms until it returns something truthy (for work a worker finishes after an answer). */
export async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
