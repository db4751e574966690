import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, startHarness, type Harness } from '../../test/harness.ts';

type Family = {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; buckets?: Record<string, string>; count?: string }[];
};

describe('GET /metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('serves Prometheus text that an independent parser reads, with pipeline and HTTP figures', async () => {
    const posts = [
      makePost('Boat to UK this week, 100% guaranteed, 1500€, WhatsApp'),
      makePost('Sunny in Dover'),
      makePost('Lorry to England, DM'),
    ];
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await h.drain();

    const res = await fetch(`${h.rt.apiUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const families = parsePrometheusTextFormat(text) as Family[];
    const family = (name: string) => families.find((f) => f.name === name);
    const value = (name: string, labels: Record<string, string>) =>
      Number(family(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value);

    expect(value('tidewatch_jobs_processed_total', { queue: 'ingest' })).toBe(1);
    expect(value('tidewatch_jobs_processed_total', { queue: 'classify' })).toBeGreaterThanOrEqual(1);
    expect(value('tidewatch_jobs_failed_total', { queue: 'classify' })).toBe(0);
    expect(value('tidewatch_queue_jobs', { queue: 'ingest', state: 'waiting' })).toBe(0);
    expect(family('tidewatch_queue_jobs')?.type).toBe('GAUGE');
    const outcomes = family('tidewatch_posts')!.metrics.reduce((n, m) => n + Number(m.value), 0);
    expect(outcomes).toBe(3);
    // Every post is routed, so none waits.
    expect(value('tidewatch_oldest_pending_post_age_seconds', {})).toBe(0);
    expect(family('tidewatch_review_decisions_total')?.type).toBe('COUNTER');

    expect(family('tidewatch_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    // The parser folds a histogram's labelled series into one, so read the series from the text.
    expect(text).toMatch(/^tidewatch_http_request_duration_seconds_count\{method="POST",route="\/v1\/posts",status="202"\} 1$/m);
    expect(text).toMatch(
      /^tidewatch_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/v1\/posts",status="202"\} 1$/m,
    );
  });
});
