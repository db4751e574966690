/**
 * `GET /v1/stats` and `/v1/stats/export` over the known history of test/analytics-history.ts:
 * every figure below was worked out by hand from that file's table.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../analytics/stats.ts';
import { TABLES, tableRows } from '../../analytics/tables.ts';
import type { DELIVERY_STAGES as DELIVERY } from '../../analytics/facts.ts';
import { seedHistory, type History } from '../../test/analytics-history.ts';
import { startHarness, type Harness } from '../../test/harness.ts';
import { hoursNear } from '../../test/stats-bounds.ts';
import { foldStats } from '../../analytics/rollup/fold.ts';

const RANGE = 'from=2026-09-01&to=2026-09-14';
const zeros = {
  flagged: 0,
  classified: 0,
  sentToReview: 0,
  confirmed: 0,
  confirmedReferred: 0,
  awaitingDelivery: 0,
  deliveryFailed: 0,
  notReferable: 0,
  referred: 0,
  acknowledged: 0,
  removed: 0,
  declined: 0,
};
const none = { posts: 0, accounts: 0, pages: 0 };

describe('GET /v1/stats', () => {
  let h: Harness;
  let analyst: string;
  let history: History;
  beforeAll(async () => {
    h = await startHarness({ api: true });
    history = await seedHistory(h.db);
    analyst = await h.key('analyst');
  });
  afterAll(async () => h?.close());

  const get = async (q: string, key = analyst) => {
    const res = await h.request('GET', `/v1/stats?${q}`, { key });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Stats;
  };

  it('counts posts, accounts and pages at each stage, apart', async () => {
    const s = await get(RANGE);
    expect(s.range).toEqual({ from: '2026-09-01', to: '2026-09-14', days: 14, bucket: 'day' });
    expect(s.empty).toBe(false);
    expect(s.counts).toEqual({
      // P13 is still pending: its account (newguy) and page (newchan) count once it is routed.
      flagged: { posts: 15, accounts: 8, pages: 5 },
      classified: { posts: 12, accounts: 7, pages: 4 },
      sentToReview: { posts: 9, accounts: 7, pages: 4 },
      // P1, P3, P4, P5 (the lead's confirmation after A's escalation), P7; P0 was confirmed 08-25.
      // Accounts: boatman, camion, bahr (P4 and P5), crossing; pages ukboats, groups/calais, bahr_uk.
      confirmed: { posts: 5, accounts: 4, pages: 3 },
      confirmedReferred: { posts: 5, accounts: 4, pages: 3 },
      awaitingDelivery: none,
      deliveryFailed: none,
      notReferable: none,
      referred: { posts: 6, accounts: 5, pages: 4 },
      acknowledged: { posts: 4, accounts: 4, pages: 3 },
      removed: { posts: 5, accounts: 4, pages: 3 },
      declined: { posts: 2, accounts: 2, pages: 2 },
    });
  });

  it('removal rate, time to removal, precision', async () => {
    const s = await get(RANGE);
    expect(s.removalRate).toBe(0.8333);
    // Removal times 2, 4, 8, 24, 44 h: median 8; p90 = 24 + 0.6 × (44 − 24) = 36.
    expect(s.timeToRemovalHours).toEqual({ removed: 5, median: hoursNear(8), p90: hoursNear(36) });
    expect(s.timeToRemoval.map((b) => [b.bin, b.removed])).toEqual([
      ['<1h', 0],
      ['1-6h', 2],
      ['6-24h', 1],
      ['1-3d', 2],
      ['3-7d', 0],
      ['>=7d', 0],
    ]);
    // Candidates routed in range: P1, P4, P5, P7 confirmed, P2 rejected, P16 open.
    expect(s.automatedReferralPrecision).toEqual({ candidates: 6, confirmed: 4, rejected: 1, undecided: 1, precision: 0.8 });
  });

  it('reviewer throughput and decision mix', async () => {
    const s = await get(RANGE);
    const { A, B, C } = history.reviewers;
    expect(s.reviewers).toEqual([
      {
        reviewer: A,
        name: 'Reviewer A',
        decisions: 5,
        confirm: 1,
        reject: 2,
        escalate: 1,
        needs_translation: 1,
        reverse: 0,
        perDay: 0.3571,
      },
      {
        reviewer: B,
        name: 'Reviewer B',
        decisions: 3,
        confirm: 3,
        reject: 0,
        escalate: 0,
        needs_translation: 0,
        reverse: 0,
        perDay: 0.2143,
      },
      { reviewer: C, name: 'Lead C', decisions: 2, confirm: 1, reject: 0, escalate: 0, needs_translation: 0, reverse: 1, perDay: 0.1429 },
    ]);
    expect(s.decisionMix).toEqual([
      { action: 'confirm', decisions: 5, share: 0.5 },
      { action: 'reject', decisions: 2, share: 0.2 },
      { action: 'escalate', decisions: 1, share: 0.1 },
      { action: 'needs_translation', decisions: 1, share: 0.1 },
      { action: 'reverse', decisions: 1, share: 0.1 },
    ]);
  });

  it('series by day: every day present, referral outcomes on the day sent', async () => {
    const s = await get(RANGE);
    expect(s.series).toHaveLength(14);
    const day = (d: string) => s.series.find((r) => r.bucket === `2026-09-${d}`)!;
    expect(day('01')).toEqual({
      bucket: '2026-09-01',
      bucketEnd: '2026-09-01',
      days: 1,
      partial: false,
      ...zeros,
      confirmed: 1,
      confirmedReferred: 1,
      flagged: 2,
      classified: 2,
      sentToReview: 2,
      referred: 1,
      acknowledged: 1,
      removed: 1,
      declined: 0,
      removalRate: 1,
    });
    expect(day('02')).toEqual({
      bucket: '2026-09-02',
      bucketEnd: '2026-09-02',
      days: 1,
      partial: false,
      ...zeros,
      confirmed: 2,
      confirmedReferred: 2,
      flagged: 2,
      classified: 2,
      sentToReview: 2,
      referred: 3,
      acknowledged: 1,
      removed: 2,
      declined: 1,
      removalRate: 0.6667,
    });
    const oneDay = (d: string) => ({ bucket: `2026-09-${d}`, bucketEnd: `2026-09-${d}`, days: 1, partial: false });
    expect(day('04')).toEqual({ ...oneDay('04'), ...zeros, referred: 1, acknowledged: 1, removed: 1, declined: 1, removalRate: 1 });
    expect(day('05')).toEqual({ ...oneDay('05'), ...zeros, removalRate: null });
    expect(s.series.map((r) => r.confirmed)).toEqual([1, 2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(s.series.map((r) => r.flagged)).toEqual([2, 2, 1, 0, 0, 0, 0, 2, 1, 2, 1, 2, 2, 0]);
    expect(s.series.map((r) => r.classified)).toEqual([2, 2, 1, 0, 0, 0, 0, 2, 1, 2, 1, 0, 1, 0]);
    // The buckets add up to the totals.
    for (const stage of Object.keys(zeros) as (keyof typeof zeros)[]) {
      expect(
        s.series.reduce((n, r) => n + r[stage], 0),
        stage,
      ).toBe(s.counts[stage].posts);
    }
  });

  it('series by ISO week (Monday), clipped to the range, cut weeks marked partial', async () => {
    const s = await get(`${RANGE}&bucket=week`);
    // The range starts on Tuesday 09-01: the first week counts 09-01 … 09-06 only, and 09-14 is a Monday alone.
    expect(s.series.map((r) => [r.bucket, r.bucketEnd, r.days, r.partial, r.flagged, r.referred, r.removed, r.removalRate])).toEqual([
      ['2026-09-01', '2026-09-06', 6, true, 5, 5, 4, 0.8],
      ['2026-09-07', '2026-09-13', 7, false, 10, 1, 1, 1],
      ['2026-09-14', '2026-09-14', 1, true, 0, 0, 0, null],
    ]);
    const whole = await get('from=2026-08-31&to=2026-09-13&bucket=week');
    expect(whole.series.map((r) => [r.bucket, r.bucketEnd, r.days, r.partial])).toEqual([
      ['2026-08-31', '2026-09-06', 7, false],
      ['2026-09-07', '2026-09-13', 7, false],
    ]);
  });

  it('every confirmation lands in one delivery stage: referred, awaiting delivery, failed or not referable', async () => {
    // The week after: P17 failed, P18 held (queued), P19 no referral yet, P20 on x (delivery none), P15 referred.
    const s = await get('from=2026-09-15&to=2026-09-21');
    expect(s.counts.confirmed).toEqual({ posts: 5, accounts: 5, pages: 3 });
    expect(s.counts.confirmedReferred).toEqual({ posts: 1, accounts: 1, pages: 1 });
    expect(s.counts.awaitingDelivery).toEqual({ posts: 2, accounts: 2, pages: 1 });
    expect(s.counts.deliveryFailed).toEqual({ posts: 1, accounts: 1, pages: 1 });
    expect(s.counts.notReferable).toEqual({ posts: 1, accounts: 1, pages: 0 });
    expect([s.counts.flagged.posts, s.counts.referred.posts, s.counts.removed.posts]).toEqual([5, 1, 1]);
    expect(s.timeToRemovalHours).toEqual({ removed: 1, median: hoursNear(2), p90: hoursNear(2) });
    const stages = (r: Record<(typeof DELIVERY)[number] | 'confirmed', number>) => [
      r.confirmed,
      r.confirmedReferred,
      r.awaitingDelivery,
      r.deliveryFailed,
      r.notReferable,
    ];
    expect(s.platforms.map((r) => [r.platform, ...stages(r)])).toEqual([
      ['facebook', 2, 1, 0, 1, 0],
      ['telegram', 1, 0, 1, 0, 0],
      ['tiktok', 1, 0, 1, 0, 0],
      ['x', 1, 0, 0, 0, 1],
    ]);
    expect(s.series.map((r) => [r.bucket, ...stages(r)])).toEqual([
      ['2026-09-15', 1, 0, 0, 1, 0],
      ['2026-09-16', 2, 0, 2, 0, 0],
      ['2026-09-17', 1, 0, 0, 0, 1],
      ['2026-09-18', 0, 0, 0, 0, 0],
      ['2026-09-19', 0, 0, 0, 0, 0],
      ['2026-09-20', 1, 1, 0, 0, 0],
      ['2026-09-21', 0, 0, 0, 0, 0],
    ]);
    expect(s.categories.map((r) => [r.category, r.flagged, r.confirmed])).toEqual([
      ['small_boat', 3, 3],
      ['lorry', 1, 1],
      ['none', 1, 1],
    ]);
    // Once the held referral is sent, it moves from awaiting delivery to referred; the total stays.
    const r18 = await h.db.prisma.referral.findFirstOrThrow({ where: { postId: history.posts.get(18)! } });
    await h.db.prisma.referral.update({ where: { id: r18.id }, data: { status: 'sent', sentAt: new Date('2026-09-28T09:00:00Z') } });
    // The figures are read from rollups, which the workers fold every second; fold now.
    await foldStats(h.db, { wait: true });
    try {
      const after = await get('from=2026-09-15&to=2026-09-21');
      expect(
        (['confirmed', 'confirmedReferred', 'awaitingDelivery', 'deliveryFailed', 'notReferable'] as const).map(
          (k) => after.counts[k].posts,
        ),
      ).toEqual([5, 2, 1, 1, 1]);
    } finally {
      await h.db.prisma.referral.update({ where: { id: r18.id }, data: { status: 'queued', sentAt: null } });
      await foldStats(h.db, { wait: true });
    }
  });

  it('an empty range is marked empty, with every bucket at zero', async () => {
    const s = await get('from=2026-06-01&to=2026-06-07&bucket=week');
    expect(s.empty).toBe(true);
    expect(Object.values(s.counts).every((c) => c.posts === 0)).toBe(true);
    expect(s.series.map((r) => [r.bucket, r.days, r.partial, r.flagged])).toEqual([['2026-06-01', 7, false, 0]]);
    expect([s.platforms, s.languages, s.categories, s.reviewers]).toEqual([[], [], [], []]);
  });

  it('per platform, language and category', async () => {
    const s = await get(RANGE);
    expect(s.platforms).toEqual([
      {
        platform: 'telegram',
        ...zeros,
        confirmed: 2,
        confirmedReferred: 2,
        flagged: 6,
        classified: 4,
        sentToReview: 3,
        referred: 2,
        acknowledged: 1,
        removed: 2,
        declined: 1,
        removalRate: 1,
        medianHoursToRemoval: hoursNear(16),
        p90HoursToRemoval: hoursNear(22.4),
      },
      {
        platform: 'facebook',
        ...zeros,
        confirmed: 2,
        confirmedReferred: 2,
        flagged: 5,
        classified: 4,
        sentToReview: 3,
        referred: 3,
        acknowledged: 2,
        removed: 2,
        declined: 1,
        removalRate: 0.6667,
        medianHoursToRemoval: hoursNear(3),
        p90HoursToRemoval: hoursNear(3.8),
      },
      {
        platform: 'tiktok',
        ...zeros,
        confirmed: 1,
        confirmedReferred: 1,
        flagged: 4,
        classified: 4,
        sentToReview: 3,
        referred: 1,
        acknowledged: 1,
        removed: 1,
        declined: 0,
        removalRate: 1,
        medianHoursToRemoval: hoursNear(44),
        p90HoursToRemoval: hoursNear(44),
      },
    ]);
    expect(s.languages.map((r) => [r.language, r.flagged, r.referred, r.removed, r.removalRate])).toEqual([
      ['en', 8, 3, 3, 1],
      ['ar', 5, 2, 2, 1],
      ['fr', 2, 1, 0, 0],
    ]);
    expect(s.categories.map((r) => [r.category, r.flagged, r.referred, r.removed])).toEqual([
      ['small_boat', 8, 5, 5],
      ['lorry', 3, 1, 0],
      ['documents', 3, 0, 0],
      ['unclassified', 1, 0, 0],
    ]);
  });

  it('filters by platform, language and category', async () => {
    const tg = await get(`${RANGE}&platform=telegram`);
    expect([tg.counts.flagged.posts, tg.counts.referred.posts, tg.counts.removed.posts, tg.removalRate]).toEqual([6, 2, 2, 1]);
    expect(tg.timeToRemovalHours).toEqual({ removed: 2, median: hoursNear(16), p90: hoursNear(22.4) });
    expect(tg.reviewers.map((r) => [r.name, r.decisions])).toEqual([
      ['Reviewer A', 2],
      ['Lead C', 1],
      ['Reviewer B', 1],
    ]);
    expect(tg.platforms.map((p) => p.platform)).toEqual(['telegram']);

    const fr = await get(`${RANGE}&language=fr`);
    expect([fr.counts.flagged.posts, fr.counts.referred.posts, fr.counts.removed.posts, fr.counts.declined.posts, fr.removalRate]).toEqual([
      2, 1, 0, 1, 0,
    ]);
    expect(fr.timeToRemovalHours).toEqual({ removed: 0, median: null, p90: null });

    const lorry = await get(`${RANGE}&category=lorry`);
    expect([lorry.counts.flagged.posts, lorry.counts.referred.posts]).toEqual([3, 1]);
    expect(lorry.automatedReferralPrecision).toEqual({ candidates: 1, confirmed: 0, rejected: 0, undecided: 1, precision: null });

    const fbEn = await get(`${RANGE}&platform=facebook&language=en`);
    expect([fbEn.counts.flagged.posts, fbEn.counts.referred.posts, fbEn.counts.removed.posts]).toEqual([4, 2, 2]);
    expect(fbEn.counts.flagged.accounts).toBe(2); // boatman (P1, P2), boatman2 (P12); P9 dismissed

    const tiktok = await get(`${RANGE}&platform=tiktok`);
    expect(tiktok.automatedReferralPrecision).toEqual({ candidates: 2, confirmed: 1, rejected: 0, undecided: 1, precision: 1 });

    const oneDay = await get('from=2026-09-03&to=2026-09-03');
    expect([oneDay.counts.flagged.posts, oneDay.counts.referred.posts, oneDay.removalRate, oneDay.series.length]).toEqual([1, 0, null, 1]);
  });

  it('defaults to the 30 days up to today', async () => {
    const s = await get('');
    expect(s.range.days).toBe(30);
    expect(s.range.to).toBe(new Date().toISOString().slice(0, 10));
  });

  it.each([
    ['from=2026-13-01', /^query from: must be a date YYYY-MM-DD/],
    ['from=yesterday', /^query from:/],
    ['to=2026-02-30', /^query to: must be a date/],
    // Both dates present, one impossible: the range checks must not trip over it (was a 500).
    ['from=2026-02-30&to=2026-03-10', /^query from: must be a date/],
    ['from=2026-03-01&to=2026-02-30', /^query to: must be a date/],
    ['from=2026-02-30&to=2026-02-31', /^query from: must be a date/],
    ['from=2026-09-14&to=2026-09-01', /^query from: must not be after to/],
    ['from=2020-01-01&to=2026-01-01', /^query from: the range may cover at most/],
    ['bucket=month', /^query bucket: must be day or week/],
    ['platform=myspace', /^query platform: unknown platform "myspace"; known: facebook, /],
    ['platform=Bad Name', /^query platform:/],
    ['language=english', /^query language:/],
  ])('400 for %s, naming the field', async (q, message) => {
    const res = await h.request('GET', `/v1/stats?${q}`, { key: analyst });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(message);
  });

  it('analysts, leads and admins may read; reviewers, platforms and ingest keys may not', async () => {
    for (const role of ['analyst', 'lead', 'admin'] as const) {
      expect((await h.request('GET', `/v1/stats?${RANGE}`, { key: await h.key(role) })).status, role).toBe(200);
      expect((await h.request('GET', `/v1/stats/export?${RANGE}&table=series`, { key: await h.key(role) })).status, role).toBe(200);
    }
    for (const role of ['reviewer', 'platform', 'ingest'] as const) {
      const key = await h.key(role, role === 'platform' ? { platform: 'tiktok' } : {});
      for (const path of [`/v1/stats?${RANGE}`, `/v1/stats/export?${RANGE}&table=series`]) {
        const res = await h.request('GET', path, { key });
        expect(res.status, `${role} ${path}`).toBe(403);
      }
    }
    expect((await h.request('GET', `/v1/stats?${RANGE}`, { key: null })).status).toBe(401);
  });

  it('exports every table as JSON equal to the figures, and as CSV with the same cells', async () => {
    const q = `${RANGE}&platform=facebook&bucket=week`;
    const s = await get(q);
    for (const table of TABLES) {
      const json = await h.request('GET', `/v1/stats/export?${q}&table=${table}&format=json`, { key: analyst });
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toBe(`attachment; filename="tidewatch-${table}-2026-09-01-to-2026-09-14.json"`);
      const rows = (await json.json()) as Record<string, unknown>[];
      expect(rows, table).toEqual(JSON.parse(JSON.stringify(tableRows(s, table))));
      expect(rows.length, table).toBeGreaterThan(0);

      const csv = await h.request('GET', `/v1/stats/export?${q}&table=${table}&format=csv`, { key: analyst });
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const parsed = parse(await csv.text(), { columns: true }) as Record<string, string>[];
      expect(parsed, table).toEqual(
        rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
      );
    }
    const funnel = (await (await h.request('GET', `/v1/stats/export?${RANGE}&table=funnel&format=csv`, { key: analyst })).text())
      .trim()
      .split('\n');
    expect(funnel).toEqual([
      'stage,posts,accounts,pages',
      'flagged,15,8,5',
      'classified,12,7,4',
      'sentToReview,9,7,4',
      'confirmed,5,4,3',
      'confirmedReferred,5,4,3',
      'awaitingDelivery,0,0,0',
      'deliveryFailed,0,0,0',
      'notReferable,0,0,0',
      'referred,6,5,4',
      'acknowledged,4,4,3',
      'removed,5,4,3',
      'declined,2,2,2',
    ]);
  });

  it.each([
    ['table=nope', /^query table: must be one of funnel, series/],
    ['table=series&format=xml', /^query format: must be csv or json/],
    ['table=series&bucket=year', /^query bucket:/],
  ])('export 400 for %s', async (q, message) => {
    const res = await h.request('GET', `/v1/stats/export?${RANGE}&${q}`, { key: analyst });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('export answers 400 naming from for an impossible day beside a valid one (was a 500)', async () => {
    const res = await h.request('GET', '/v1/stats/export?table=series&from=2026-02-30&to=2026-03-10', { key: analyst });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^query from: must be a date/);
  });
});
