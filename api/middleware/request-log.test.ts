import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../../core/logger.ts';
import { startHarness, type Harness } from '../../test/harness.ts';

describe('request logs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ api: false });
  });
  afterAll(async () => h?.close());

  it('write one JSON line per request with its request id, and never the key', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).trim().split('\n'));
        done();
      },
    });
    const log = createLogger('info', 'test', sink);
    const app = createApp({ ...h.rt.pipeline, redis: h.rt.redis, log });
    const key = await h.key('reviewer');
    const res = await app.request('/v1/review/items', { headers: { authorization: `Bearer ${key}`, 'x-request-id': 'req-123' } });
    expect(res.status).toBe(200);
    const bad = await app.request('/v1/review/items', {
      headers: { authorization: 'Bearer tw_nothere1_abcdefghijklmnopqrstuvwxyz012345' },
    });
    expect(bad.status).toBe(401);
    // Someone logging a request object by mistake still gets the header censored.
    log.info({ req: { headers: { authorization: `Bearer ${key}` } }, apiKey: key }, 'careless');

    const all = lines.join('\n');
    expect(all).not.toContain(key);
    expect(all).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'request', reqId: 'req-123', method: 'GET', path: '/v1/review/items', status: 200 }),
        expect.objectContaining({ msg: 'request', status: 401 }),
        expect.objectContaining({ msg: 'careless', apiKey: '[redacted]', req: { headers: { authorization: '[redacted]' } } }),
      ]),
    );
  });
});
