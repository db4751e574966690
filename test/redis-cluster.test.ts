/**
 * Tidewatch on a Redis Cluster (REDIS_URL=redis+cluster://…): a local three-node cluster started
 * here, the pipeline run through it, every key under the hash-tagged prefix in one slot, and
 * dropQueuePrefix clearing every master.
 */
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers } from '../cli/private-redis.ts';
import { freePort } from '../core/free-port.ts';
import { dropQueuePrefix } from '../core/queues.ts';
import { loadDetector } from '../detector/index.ts';
import { outstandingJobs } from '../workers/drain.ts';
import { makePost, startHarness, type Harness } from './harness.ts';
import { startLocalCluster, type LocalCluster } from './local-cluster.ts';

const ADVERT =
  'Boat to UK leaving this week 🚤🇬🇧 100% guaranteed safe crossing, 1500€ per person, kids half price. WhatsApp +44 7911 123456';
const NEWS = 'Police arrested four smugglers in Calais yesterday; two people drowned when a boat capsized, the report says.';

describe('on a three-node Redis Cluster', () => {
  let cluster: LocalCluster;
  let h: Harness | undefined;
  beforeAll(async () => {
    cluster = await startLocalCluster(3);
    // Routing is not under test: one threshold between the shipped model's scores for the two texts.
    const [advert, news] = (await loadDetector()).classify([ADVERT, NEWS].map((text, i) => ({ id: String(i), text }))).map((r) => r.score);
    const middle = String((advert! + news!) / 2);
    h = await startHarness(undefined, { REDIS_URL: cluster.url, REFER_THRESHOLD: middle, REVIEW_THRESHOLD: middle });
  });
  afterAll(async () => {
    await h?.close();
    await cluster?.stop();
  });

  it('connects through an ioredis Cluster, with the queue prefix in a hash tag', () => {
    expect(h!.rt.redis).toBeInstanceOf(Cluster);
    expect(h!.config.queuePrefix).toMatch(/^\{twtest-[0-9a-f]+\}$/);
  });

  it('runs ingest → classify → route through it: one classification per post', async () => {
    const posts = [makePost(ADVERT), makePost(NEWS), ...Array.from({ length: 8 }, (_, i) => makePost(`${NEWS} Update ${i}.`))];
    const res = await h!.post('/v1/posts', { posts });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { accepted: unknown[] }).accepted).toHaveLength(posts.length);
    await h!.drain();

    const rows = await h!.db.prisma.post.findMany({ include: { classifications: true, reviewItem: true } });
    expect(rows).toHaveLength(posts.length);
    for (const r of rows) {
      expect(r.classifications).toHaveLength(1);
      expect(r.routedAt).not.toBeNull();
    }
    const byText = new Map(rows.map((r) => [r.text, r]));
    expect(byText.get(ADVERT)).toMatchObject({ outcome: 'referral_candidate', reviewItem: { referralCandidate: true } });
    expect(byText.get(NEWS)).toMatchObject({ outcome: 'dismissed', reviewItem: null });
    expect(await outstandingJobs(h!.rt.queues)).toBe(0);
    expect(await h!.rt.queues.ingest.getCompletedCount()).toBe(1);
  });

  it('answers /readyz and /metrics from the cluster', async () => {
    const ready = await h!.request('GET', '/readyz');
    expect(await ready.json()).toMatchObject({ status: 'ready', redis: 'ok' });
    const metrics = await (await h!.request('GET', '/metrics')).text();
    expect(metrics).toMatch(/queue="ingest"/);
  });

  it('serves the queue dashboard (bull-board) from the cluster', async () => {
    const signIn = await fetch(`${h!.rt.apiUrl}/review/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ key: await h!.key('admin'), next: '/review' }),
      headers: { origin: h!.rt.apiUrl! },
      redirect: 'manual',
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (path: string) => {
      const res = await fetch(`${h!.rt.apiUrl}${path}`, { headers: { cookie } });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      return res.json() as Promise<Record<string, unknown>>;
    };
    const { queues } = (await get('/admin/queues/api/queues?activeQueue=ingest&status=completed&page=1')) as {
      queues: { name: string; counts: Record<string, number> }[];
    };
    expect(queues.find((q) => q.name === 'ingest')?.counts.completed).toBe(1);
    expect(await get('/admin/queues/api/redis/stats')).toMatchObject({ mode: 'cluster' });
  });

  it('lets the demo probe it (answers)', async () => {
    expect(await answers(cluster.url)).toBe(true);
    expect(await answers(`redis+cluster://127.0.0.1:${await freePort()}`)).toBe(false);
  });

  it('keeps every key under the hash-tagged prefix, all in one slot', async () => {
    const redis = h!.rt.redis as Cluster;
    const masters = redis.nodes('master');
    expect(masters).toHaveLength(3);
    const perNode = await Promise.all(masters.map(async (node) => ({ node, keys: await keysOf(node) })));
    const keys = perNode.flatMap((n) => n.keys);
    // Queues, jobs, BullMQ metrics and the API's rate-limit counters all made keys.
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.some((k) => k.includes(':ratelimit:'))).toBe(true);
    for (const k of keys) expect(k.startsWith(`${h!.config.queuePrefix}:`)).toBe(true);
    expect(perNode.filter((n) => n.keys.length > 0)).toHaveLength(1);
    const holder = perNode.find((n) => n.keys.length > 0)!.node;
    const slots = new Set(await Promise.all(keys.map((k) => holder.call('CLUSTER', 'KEYSLOT', k))));
    expect(slots.size).toBe(1);
  });

  it('dropQueuePrefix removes them from every master', async () => {
    const prefix = h!.config.queuePrefix;
    await h!.close();
    h = undefined;
    await dropQueuePrefix(cluster.url, prefix);
    for (const port of cluster.ports) expect((await cluster.cli(port, 'dbsize')).trim()).toBe('0');
  });
});

async function keysOf(node: ReturnType<Cluster['nodes']>[number]): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await node.scan(cursor, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}
