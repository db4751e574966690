/**
 * A running classify worker follows promotions and rollbacks without a restart, within its poll
 * interval, and every Classification names the version that scored it; a pinned worker does not.
 * A candidate in shadow is scored beside live without routing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { setShadow, shadowReport } from '../model-registry/shadow.ts';
import { promoteModel, registerModel, rollbackModel } from '../model-registry/store.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { sameScoresVariant, SHIPPED, worseVariant } from '../test/model-variants.ts';
import { LiveDetector } from './live-detector.ts';

const POLL_MS = 300;
const TEXTS = ['Boat to UK this week, 1500€ per person, WhatsApp +44 7911 123456', 'Police warn of fake crossing offers in Calais'];

describe('classify workers follow the live model', () => {
  let h: Harness;
  const candidate = sameScoresVariant(1);
  let round = 0;
  beforeAll(async () => {
    h = await startHarness({ workers: ['ingest', 'classify'], api: true }, { MODEL_POLL_MS: String(POLL_MS) });
    await registerModel(h.db, candidate, { createdBy: 'test' });
  });
  afterAll(async () => h?.close());

  /** Ingests the texts as new posts and returns the model versions of their classifications. */
  async function classifiedVersions(): Promise<string[]> {
    round += 1; // new texts each round: a re-upload of the same text is a duplicate, not classified again
    const posts = TEXTS.map((t) => makePost(`${t} (${round})`));
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await h.drain();
    const rows = await h.db.prisma.classification.findMany({
      where: { post: { platformPostId: { in: posts.map((p) => p.platformPostId) } } },
      select: { modelVersion: true },
    });
    expect(rows).toHaveLength(posts.length);
    return [...new Set(rows.map((r) => r.modelVersion))];
  }

  /** Waits two poll intervals (the worker's next poll plus its load), then classifies. */
  const afterPoll = async () => {
    await new Promise((r) => setTimeout(r, 2 * POLL_MS + 200));
    return classifiedVersions();
  };

  it('starts on the version in git while the registry has no live model', async () => {
    expect(await classifiedVersions()).toEqual([SHIPPED]);
  });

  it('runs a promoted version within the poll interval, and the previous one after a rollback', async () => {
    await promoteModel(h.db, { version: candidate.version, actor: 'test', forced: false, checkedAgainst: SHIPPED, check: null });
    expect(await afterPoll()).toEqual([candidate.version]);
    await rollbackModel(h.db, { actor: 'test' });
    expect(await afterPoll()).toEqual([SHIPPED]);
    // The earlier posts keep the version that scored them.
    const versions = await h.db.prisma.classification.groupBy({ by: ['modelVersion'], _count: true });
    expect(Object.fromEntries(versions.map((v) => [v.modelVersion, v._count]))).toEqual({ [SHIPPED]: 4, [candidate.version]: 2 });
  });
});

describe('a candidate in shadow', () => {
  let h: Harness;
  const shadow = worseVariant();
  let round = 100;
  beforeAll(async () => {
    h = await startHarness({ workers: ['ingest', 'classify'], api: true }, { MODEL_POLL_MS: String(POLL_MS) });
    await registerModel(h.db, shadow, { createdBy: 'test' });
  });
  afterAll(async () => h?.close());

  it('is scored beside live on the posts classified while it runs; only live routes', async () => {
    await setShadow(h.db, shadow.version, 'test');
    await new Promise((r) => setTimeout(r, 2 * POLL_MS + 200));
    round += 1;
    const posts = TEXTS.map((t) => makePost(`${t} (${round})`));
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await h.drain();
    const rows = await h.db.prisma.shadowComparison.findMany({ orderBy: { liveScore: 'desc' } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.shadowVersion === shadow.version && r.liveVersion === SHIPPED)).toBe(true);
    // The shadow (thresholds near 1) dismisses the advert live flagged; its outcome is live's.
    expect(rows[0]).toMatchObject({ liveDecision: expect.stringMatching(/refer|review/), shadowDecision: 'dismiss' });
    expect(rows[0]!.shadowScore).toBeCloseTo(rows[0]!.liveScore, 9);
    const advert = await h.db.prisma.post.findFirstOrThrow({
      where: { id: rows[0]!.postId },
      select: { outcome: true, classifications: { select: { modelVersion: true } } },
    });
    expect(advert.outcome).not.toBe('dismissed');
    expect(advert.classifications).toEqual([{ modelVersion: SHIPPED }]);
    const report = await shadowReport(h.db, shadow.version);
    expect(report.compared).toBe(2);
    expect(report.languages.reduce((n, l) => n + l.disagreed, 0)).toBeGreaterThanOrEqual(1);

    await setShadow(h.db, null, 'test');
    await new Promise((r) => setTimeout(r, 2 * POLL_MS + 200));
    round += 1;
    expect((await h.post('/v1/posts', { posts: TEXTS.map((t) => makePost(`${t} (${round})`)) })).status).toBe(202);
    await h.drain();
    expect(await h.db.prisma.shadowComparison.count()).toBe(2);
  });
});

describe('LiveDetector', () => {
  let iso: Isolated;
  const log = createLogger('silent');
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());

  it('swaps between jobs: a detector handed out stays the same object, the next get() has the new version', async () => {
    const live = new LiveDetector(iso.db, { modelVersion: undefined, modelRegistry: { pollMs: 3_600_000, promoteMargin: 0.01 } }, log);
    const first = await live.get();
    expect(first.version).toBe(SHIPPED);
    const next = sameScoresVariant(2);
    await registerModel(iso.db, next, { createdBy: 'test' });
    await promoteModel(iso.db, { version: next.version, actor: 'test', forced: false, checkedAgainst: SHIPPED, check: null });
    expect((await live.get()).version).toBe(SHIPPED); // not before the poll
    await live.check();
    expect((await live.get()).version).toBe(next.version);
    expect(first.version).toBe(SHIPPED);
    expect(first.classify([{ id: 'a', text: TEXTS[0]! }])[0]!.modelVersion).toBe(SHIPPED);
    live.stop();
  });

  it('a pinned version (TIDEWATCH_MODEL) ignores promotions', async () => {
    const live = new LiveDetector(iso.db, { modelVersion: SHIPPED, modelRegistry: { pollMs: 100, promoteMargin: 0.01 } }, log);
    expect((await live.get()).version).toBe(SHIPPED);
    await new Promise((r) => setTimeout(r, 300));
    expect((await live.get()).version).toBe(SHIPPED);
    live.stop();
  });
});
