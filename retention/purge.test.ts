/**
 * Retention purge over the known history (test/analytics-history.ts): dismissed posts P9
 * (routed 09-10 10:01), P10 (09-10 11:01), P11 (09-11 10:01) and P14 (a re-upload of P10, ingested
 * 09-12 12:00). Every figure of analytics/ must be the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../analytics/stats.ts';
import { foldStats } from '../analytics/rollup/fold.ts';
import type { StatsFilters } from '../analytics/filters.ts';
import { seedHistory, t, type History } from '../test/analytics-history.ts';
import { postIdFor } from '../core/post-input.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { runCli } from '../test/cli.ts';
import { purgeDismissed } from './purge.ts';

const DAY = 86_400_000;

describe('purgeDismissed', () => {
  let iso: Isolated;
  let history: History;
  beforeAll(async () => {
    iso = await isolate();
    history = await seedHistory(iso.db);
  });
  afterAll(async () => iso?.cleanup());

  const id = (n: number) => history.posts.get(n)!;
  const snapshot = () => iso.db.prisma.post.findMany({ orderBy: { id: 'asc' }, include: { classifications: { orderBy: { id: 'asc' } } } });

  /** Every figure under several filter sets, to compare before and after. */
  async function allFigures() {
    const base: StatsFilters = { from: t('09-01 00:00'), to: t('09-15 00:00'), bucket: 'day' };
    const platforms = new Map((await iso.db.prisma.platform.findMany()).map((p) => [p.name, p.id]));
    const sets: StatsFilters[] = [
      base,
      { ...base, bucket: 'week' },
      { ...base, platformId: platforms.get('telegram') },
      { ...base, platformId: platforms.get('facebook'), language: 'en' },
      { ...base, language: 'ar' },
      { ...base, category: 'documents' },
      { ...base, from: t('08-01 00:00'), to: t('10-01 00:00') },
    ];
    // Both ways: the rollups (folded first, as the workers would) and the records themselves.
    await foldStats(iso.db, { wait: true });
    return Promise.all(sets.flatMap((f) => [computeStats(iso.db, f), computeStats(iso.db, f, { source: 'raw' })]));
  }

  it('a dry run counts what is due and changes nothing', async () => {
    const before = await snapshot();
    const r = await purgeDismissed(iso.db, { days: 30, now: t('10-11 00:00'), dryRun: true, actor: 'test' });
    // Cutoff 09-11 00:00: P9 and P10 are due; P11 was dismissed later; P14 was ingested later.
    expect(r).toEqual({ dryRun: true, days: 30, cutoff: t('09-11 00:00'), posts: 2, batches: 0, byPlatform: { facebook: 1, telegram: 1 } });
    expect(await snapshot()).toEqual(before);
    expect(await iso.db.prisma.auditEvent.count({ where: { action: 'retention.purge' } })).toBe(0);
  });

  it('purges text and author of due dismissed posts only, and every figure stays the same', async () => {
    const figures = await allFigures();
    const before = await snapshot();
    const r = await purgeDismissed(iso.db, { days: 30, now: t('10-11 00:00'), actor: 'cli:tester' });
    expect(r).toMatchObject({ dryRun: false, posts: 2, batches: 1, byPlatform: { facebook: 1, telegram: 1 } });

    const after = await snapshot();
    const purged = new Set([id(9), id(10)]);
    for (const [i, post] of after.entries()) {
      const was = before[i]!;
      if (!purged.has(post.id)) {
        expect(post, `post ${post.id} must be untouched`).toEqual(was);
        continue;
      }
      expect(post.text).toBe('');
      expect(post.authorHandle).toBeNull();
      expect(post.purgedAt).toBeInstanceOf(Date);
      // Everything the figures use is kept.
      expect({ ...post, text: was.text, authorHandle: was.authorHandle, purgedAt: null, classifications: was.classifications }).toEqual(
        was,
      );
      // Signal values quoted the text (a phone number); only their types remain.
      expect(post.classifications.map((c) => c.signals)).toEqual([[{ type: 'phone' }]]);
      expect(JSON.stringify(post)).not.toContain('7700');
    }
    expect(await allFigures()).toEqual(figures);

    const audit = await iso.db.prisma.auditEvent.findMany({ where: { action: 'retention.purge' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'cli:tester',
      subjectType: 'retention',
      subjectId: 'dismissed-before:2026-09-11T00:00:00.000Z',
    });
    expect((audit[0]!.after as { postIds: string[] }).postIds.sort()).toEqual([...purged].sort());
  });

  it('a second run purges nothing; a later one takes the rest, in batches', async () => {
    const again = await purgeDismissed(iso.db, { days: 30, now: t('10-11 00:00'), actor: 'test' });
    expect([again.posts, again.batches]).toEqual([0, 0]);
    expect(await iso.db.prisma.auditEvent.count({ where: { action: 'retention.purge' } })).toBe(1);

    const figures = await allFigures();
    const later = await purgeDismissed(iso.db, { days: 30, now: t('10-13 00:00'), batchSize: 1, actor: 'test' });
    // Cutoff 09-13 00:00: P11 (dismissed 09-11) and P14 (re-upload of P10, ingested 09-12).
    expect(later).toMatchObject({ posts: 2, batches: 2, byPlatform: { tiktok: 1, telegram: 1 } });
    const purged = await iso.db.prisma.post.findMany({ where: { purgedAt: { not: null } }, select: { id: true } });
    expect(purged.map((p) => p.id).sort()).toEqual([id(9), id(10), id(11), id(14)].sort());
    expect(await iso.db.prisma.post.count({ where: { purgedAt: null, text: '' } })).toBe(0);
    expect(await allFigures()).toEqual(figures);
    expect(await iso.db.prisma.auditEvent.count({ where: { action: 'retention.purge' } })).toBe(3);
  });
});

describe('tidewatch purge', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
    const platformId = (await iso.db.prisma.platform.findUniqueOrThrow({ where: { name: 'x' } })).id;
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    const posts: [string, 'dismissed' | 'review', number][] = [
      ['old-dismissed', 'dismissed', 40],
      ['new-dismissed', 'dismissed', 10],
      ['old-review', 'review', 40],
    ];
    for (const [name, outcome, days] of posts) {
      await iso.db.prisma.post.create({
        data: {
          id: postIdFor('x', name),
          platformId,
          platformPostId: name,
          url: `https://x.com/someone/status/${name}`,
          authorHandle: 'someone',
          text: `text of ${name}`,
          contentHash: `hash-${name}`,
          outcome,
          ingestedAt: ago(days),
          routedAt: ago(days),
        },
      });
    }
  });
  afterAll(async () => iso?.cleanup());

  const env = () => ({ DATABASE_URL: iso.databaseUrl, RETENTION_DISMISSED_DAYS: '30', LOG_LEVEL: 'silent' });
  const texts = async () =>
    (await iso.db.prisma.post.findMany({ orderBy: { platformPostId: 'asc' } })).map((p) => [p.platformPostId, p.text, p.authorHandle]);

  // One CLI process per test: each spawn migrates and can take tens of seconds on a loaded machine.
  it('--dry-run prints what would go and changes nothing', async () => {
    const before = await texts();
    const dry = await runCli(['purge', '--dry-run'], env());
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^dry run: 1 post dismissed before \S+ \(retention 30 days\) would have text and author purged; nothing changed\n {2}x +1\n$/,
    );
    expect(await texts()).toEqual(before);
  });

  it('the real run purges the old dismissed post only', async () => {
    const run = await runCli(['purge'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^purged text and author of 1 post dismissed before \S+ \(retention 30 days\) in 1 batch\n {2}x +1\n$/);
    expect(await texts()).toEqual([
      ['new-dismissed', 'text of new-dismissed', 'someone'],
      ['old-dismissed', '', null],
      ['old-review', 'text of old-review', 'someone'],
    ]);
  });

  it('a second run purges nothing', async () => {
    const again = await runCli(['purge'], env());
    expect(again.stdout).toMatch(/^purged text and author of 0 posts dismissed before \S+ \(retention 30 days\) in 0 batches\n$/);
    expect(await iso.db.prisma.auditEvent.count({ where: { action: 'retention.purge' } })).toBe(1);
  });

  it('refuses a bad batch size', async () => {
    const bad = await runCli(['purge', '--batch-size', 'lots'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--batch-size');
  });

  it('refuses a bad retention setting', async () => {
    const cfg = await runCli(['purge'], { ...env(), RETENTION_DISMISSED_DAYS: '0' });
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toContain('RETENTION_DISMISSED_DAYS');
  });
});
