/**
 * `/analytics` in real Chromium over the known history (test/analytics-history.ts): sign in as an
 * analyst, filter, and check each chart draws one mark per row of its table with the API's
 * values, that export links download the same rows, and that the page loads nothing from
 * anywhere but Tidewatch itself.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../analytics/stats.ts';
import { presetRange } from '../analytics/presets.ts';
import { tableRows } from '../analytics/tables.ts';
import { seedHistory } from './analytics-history.ts';
import { launchBrowser } from '../core/chromium.ts';
import { ROOT } from './cli.ts';
import { startHarness, type Harness } from './harness.ts';

const OUT = path.join(ROOT, 'test-results', 'analytics');
const RANGE = 'from=2026-09-01&to=2026-09-14';

describe('/analytics in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let analystKey: string;
  beforeAll(async () => {
    h = await startHarness({ api: true });
    await seedHistory(h.db);
    analystKey = await h.key('analyst', { name: 'Nadia' });
    browser = await launchBrowser();
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const api = async (q: string) => (await (await h.request('GET', `/v1/stats?${q}`, { key: analystKey })).json()) as Stats;

  /** A context that refuses (and records) every request not addressed to the Tidewatch server. */
  async function offlineContext(): Promise<{ ctx: BrowserContext; outside: string[]; consoleErrors: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const outside: string[] = [];
    // A style or script the page's Content-Security-Policy refuses shows up here.
    const consoleErrors: string[] = [];
    ctx.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(h.rt.apiUrl!)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    return { ctx, outside, consoleErrors };
  }

  async function signIn(ctx: BrowserContext, key: string, next: string): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${h.rt.apiUrl}${next}`);
    expect(new URL(page.url()).pathname).toBe('/review/sign-in');
    await page.fill('input[name=key]', key);
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    return page;
  }

  /**
   * axe-core's violations of serious or critical impact on the page as it is. The script is
   * evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
   */
  async function seriousViolations(page: Page): Promise<string[]> {
    const source = await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    await page.evaluate(source);
    const found = (await page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))',
    )) as { id: string; impact: string | null; nodes: number }[];
    return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
  }

  const marks = (page: Page, chart: string) =>
    page.$$eval(`figure[data-chart=${chart}] svg [data-point]`, (els) =>
      els.map((e) => ({ series: e.getAttribute('data-series'), label: e.getAttribute('data-label'), value: e.getAttribute('data-value') })),
    );

  it('renders every chart from the same figures as the API, with no outside request', async () => {
    const { ctx, outside, consoleErrors } = await offlineContext();
    const page = await signIn(ctx, analystKey, '/analytics');
    await page.waitForURL(/\/analytics$/);
    await page.goto(`${h.rt.apiUrl}/analytics?${RANGE}`);
    expect(await page.textContent('header')).toContain('signed in as Nadia (analyst)');
    const s = await api(RANGE);

    // One <svg> per chart, drawn with a real size.
    const charts = await page.$$eval('figure[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toEqual([
      'funnel',
      'series',
      'platform_volumes',
      'platforms',
      'time_to_removal',
      'languages',
      'categories',
      'decision_mix',
    ]);
    expect(await page.evaluate('document.compatMode')).toBe('CSS1Compat');
    for (const chart of charts) {
      const box = await page.locator(`figure[data-chart=${chart}] svg[role=img]`).boundingBox();
      expect(box!.width, chart).toBeGreaterThan(500);
      expect(box!.height, chart).toBeGreaterThan(100);
    }

    // Series: 14 days × flagged / referred / removed, one marker each, with the API's values.
    const series = await marks(page, 'series');
    expect(series).toHaveLength(14 * 3);
    for (const k of ['flagged', 'referred', 'removed'] as const) {
      expect(series.filter((m) => m.series === k).map((m) => [m.label, Number(m.value)])).toEqual(s.series.map((r) => [r.bucket, r[k]]));
    }
    expect(await page.locator('figure[data-chart=series] svg path[stroke]').count()).toBe(3);
    // Removal rate per platform, time-to-removal bins, languages, categories, funnel, decisions.
    expect((await marks(page, 'platforms')).map((m) => [m.label, Number(m.value)])).toEqual([
      ['telegram', 1],
      ['facebook', 0.6667],
      ['tiktok', 1],
    ]);
    expect((await marks(page, 'time_to_removal')).map((m) => Number(m.value))).toEqual([0, 2, 1, 2, 0, 0]);
    expect(await marks(page, 'languages')).toHaveLength(3 * 3);
    expect(await marks(page, 'categories')).toHaveLength(4 * 3);
    // flagged, classified, sent to review, confirmed, its four delivery stages, referred, acknowledged, removed, declined.
    expect((await marks(page, 'funnel')).filter((m) => m.series === 'posts').map((m) => Number(m.value))).toEqual([
      15, 12, 9, 5, 5, 0, 0, 0, 6, 4, 5, 2,
    ]);
    expect((await marks(page, 'platform_volumes')).map((m) => [m.series, m.label, Number(m.value)])).toEqual(
      (['flagged', 'referred', 'removed'] as const).flatMap((k) => s.platforms.map((r) => [k, r.platform, r[k]])),
    );
    // Weekly buckets are off here (by day), so nothing is partial.
    expect(await page.locator('[data-partial-note]').count()).toBe(0);
    expect((await marks(page, 'decision_mix')).map((m) => Number(m.value))).toEqual([5, 2, 1, 1, 1]);
    expect(await page.textContent('[data-kpi=removalRate]')).toBe('83.3 %');
    expect(await page.textContent('[data-kpi=median]')).toBe('8 h');
    expect(await page.textContent('[data-kpi=p90]')).toBe('36 h');
    expect(await page.textContent('[data-platform-durations]')).toBe(
      // Exactly 16 h and 22.4 h for telegram: the rollups' histogram reads percentiles within 0.5 %.
      'Time to removal (median, p90): telegram 15.9 h, 22.3 h; facebook 3 h, 3.8 h; tiktok 44 h, 44 h. Percentiles are read from a histogram, within 0.5 %.',
    );
    expect(await page.textContent('[data-kpi=confirmed]')).toBe('5');

    await page.screenshot({ path: path.join(OUT, 'analytics.png'), fullPage: true });
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await ctx.close();
  });

  it('filters through the form, and every table downloads as CSV and JSON equal to the chart data', async () => {
    const { ctx, outside } = await offlineContext();
    const page = await signIn(ctx, analystKey, '/analytics');
    await page.waitForURL(/\/analytics$/);
    await page.fill('input[name=from]', '2026-09-01');
    await page.fill('input[name=to]', '2026-09-14');
    await page.selectOption('select[name=platform]', 'telegram');
    await page.selectOption('select[name=bucket]', 'week');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/platform=telegram/);
    const q = `${RANGE}&bucket=week&platform=telegram`;
    const s = await api(q);
    expect((await marks(page, 'series')).filter((m) => m.series === 'flagged').map((m) => Number(m.value))).toEqual(
      s.series.map((r) => r.flagged),
    );
    expect(s.series.map((r) => r.flagged)).toEqual([2, 4, 0]);
    // The first and last weeks are cut by the range: labelled by the days they cover, marked partial.
    expect((await marks(page, 'series')).filter((m) => m.series === 'flagged').map((m) => m.label)).toEqual([
      '2026-09-01',
      '2026-09-07',
      '2026-09-14',
    ]);
    expect(await page.locator('figure[data-chart=series] [data-point][data-partial=true]').count()).toBe(2 * 3);
    expect(await page.textContent('[data-partial-note]')).toContain(
      '2026-09-01 – 2026-09-06 (6 of 7 days); 2026-09-14 – 2026-09-14 (1 of 7 days)',
    );
    expect(await page.locator('figure[data-chart=series] .axis.x text').allTextContents()).toEqual([
      '2026-09-01 (partial)',
      '2026-09-07',
      '2026-09-14 (partial)',
    ]);

    const links = await page.$$eval('a[data-export]', (as) => as.map((a) => [a.getAttribute('data-export'), a.getAttribute('href')]));
    expect(links).toHaveLength(8 * 2);
    for (const [name, href] of links) {
      const [table, format] = name!.split('.') as [Parameters<typeof tableRows>[1], string];
      const res = await page.request.get(new URL(href!, h.rt.apiUrl!).toString());
      expect(res.status(), name!).toBe(200);
      const expected = JSON.parse(JSON.stringify(tableRows(s, table))) as Record<string, unknown>[];
      if (format === 'json') expect(await res.json(), name!).toEqual(expected);
      else
        expect(parse(await res.text(), { columns: true }), name!).toEqual(
          expected.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
        );
    }
    // The table shown under a chart holds the same cells.
    const shown = await page.$$eval('table[data-table=platforms] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(shown).toEqual(
      s.platforms.map((r) => [
        r.platform,
        ...Object.values(r)
          .slice(1)
          .map((v) => (v === null ? '' : String(v))),
      ]),
    );
    await page.screenshot({ path: path.join(OUT, 'analytics-telegram-weekly.png'), fullPage: true });
    expect(outside).toEqual([]);
    await ctx.close();
  });

  it('shows what became of every confirmation, per platform volumes, and the category without a cue in words', async () => {
    const { ctx, outside, consoleErrors } = await offlineContext();
    const page = await signIn(ctx, analystKey, '/analytics');
    await page.waitForURL(/\/analytics$/);
    const q = 'from=2026-09-15&to=2026-09-21&bucket=week';
    await page.goto(`${h.rt.apiUrl}/analytics?${q}`);
    const s = await api(q);
    const count = async (stage: string) => Number(await page.textContent(`[data-delivery] [data-stage-count=${stage}]`));
    // P15 referred, P18 held and P19 not yet referred, P17 failed, P20 on x (delivery none): 1 + 2 + 1 + 1 = 5.
    expect(await count('confirmed')).toBe(5);
    expect([
      await count('confirmedReferred'),
      await count('awaitingDelivery'),
      await count('deliveryFailed'),
      await count('notReferable'),
    ]).toEqual([1, 2, 1, 1]);
    expect(await page.textContent('[data-delivery] h3')).toMatch(/What became of the 5 items confirmed in this\s+range/);
    expect((await marks(page, 'funnel')).filter((m) => m.series === 'posts').map((m) => [m.label, Number(m.value)])).toEqual([
      ['flagged', 5],
      ['classified', 5],
      ['sent to review', 5],
      ['confirmed', 5],
      ['confirmed, referred', 1],
      ['awaiting delivery', 2],
      ['delivery failed', 1],
      ['not referable', 1],
      ['referred (sent)', 1],
      ['acknowledged', 1],
      ['removed', 1],
      ['declined', 0],
    ]);
    // Per-platform volumes: one bar per platform and measure, the API's numbers, described in words.
    expect((await marks(page, 'platform_volumes')).map((m) => [m.series, m.label, Number(m.value)])).toEqual([
      ['flagged', 'facebook', 2],
      ['flagged', 'telegram', 1],
      ['flagged', 'tiktok', 1],
      ['flagged', 'x', 1],
      ['referred', 'facebook', 1],
      ['referred', 'telegram', 0],
      ['referred', 'tiktok', 0],
      ['referred', 'x', 0],
      ['removed', 'facebook', 1],
      ['removed', 'telegram', 0],
      ['removed', 'tiktok', 0],
      ['removed', 'x', 0],
    ]);
    expect(s.platforms.map((r) => r.platform)).toEqual(['facebook', 'telegram', 'tiktok', 'x']);
    expect(await page.textContent('#chart-platform-volumes-desc')).toBe(
      'facebook: flagged 2, referred 1, removed 1; telegram: flagged 1, referred 0, removed 0; tiktok: flagged 1, referred 0, removed 0; x: flagged 1, referred 0, removed 0',
    );
    // The second series is hatched, not a second colour.
    expect(await page.getAttribute('figure[data-chart=platform_volumes] rect[data-series=referred]', 'fill')).toBe('url(#chart-hatch)');
    // "none" reads as words, with its code in the table and an explanation.
    expect((await marks(page, 'categories')).filter((m) => m.series === 'flagged').map((m) => m.label)).toEqual([
      'small boat',
      'lorry',
      'no category cue',
    ]);
    expect(await page.locator('table[data-table=categories] tbody td:first-child').allTextContents()).toEqual([
      'small boat (small_boat)',
      'lorry (lorry)',
      'no category cue (none)',
    ]);
    expect(await page.textContent('[data-category-note]')).toContain('found none of the category cues');
    // Time to removal in the unit that fits; the week the range starts mid-way and the lone Monday are partial.
    expect(await page.textContent('[data-kpi=median]')).toBe('2 h');
    expect(await page.textContent('[data-partial-note]')).toContain(
      '2026-09-15 – 2026-09-20 (6 of 7 days); 2026-09-21 – 2026-09-21 (1 of 7 days)',
    );
    await page.screenshot({ path: path.join(OUT, 'analytics-delivery-stages.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    for (const chart of ['funnel', 'series', 'platform_volumes'])
      await page.locator(`figure[data-chart=${chart}]`).screenshot({ path: path.join(OUT, `analytics-delivery-stages-${chart}.png`) });

    // A platform that received nothing: the removal-rate chart says why instead of drawing empty axes.
    await page.goto(`${h.rt.apiUrl}/analytics?${q}&platform=x`);
    expect(await page.textContent('figure[data-chart=platforms] [data-no-data]')).toBe(
      'Nothing was referred in this range, so there is no removal rate.',
    );
    expect(await page.locator('figure[data-chart=platforms] svg').count()).toBe(0);
    expect(await count('notReferable')).toBe(1);
    await page.screenshot({ path: path.join(OUT, 'analytics-platform-x.png'), fullPage: true });
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await ctx.close();
  });

  it('presets set the range and keep the other filters; an empty range says so instead of drawing empty charts', async () => {
    const { ctx, outside, consoleErrors } = await offlineContext();
    const page = await signIn(ctx, analystKey, '/analytics');
    await page.waitForURL(/\/analytics$/);
    await page.goto(`${h.rt.apiUrl}/analytics?${RANGE}&bucket=week&platform=telegram`);
    const presets = await page.locator('nav[aria-label="Date range presets"] a').allTextContents();
    expect(presets).toEqual(['this week', 'last week', 'last 30 days']);
    expect(await page.locator('nav.presets a[aria-current]').count()).toBe(0);
    await page.screenshot({ path: path.join(OUT, 'analytics-presets.png') });

    // The history lies in September 2026; the presets are relative to today, so they show nothing.
    for (const preset of ['last_30_days', 'last_week', 'this_week'] as const) {
      await page.click(`a[data-preset=${preset}]`);
      const expected = presetRange(preset, new Date());
      await page.waitForURL((u) => u.searchParams.get('from') === expected.from);
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toEqual({ ...expected, bucket: 'week', platform: 'telegram' });
      expect(await page.inputValue('input[name=from]')).toBe(expected.from);
      expect(await page.inputValue('input[name=to]')).toBe(expected.to);
      expect(await page.getAttribute(`a[data-preset=${preset}]`, 'aria-current')).toBe('true');
      expect(await page.textContent('[role=status][data-empty]')).toBe(
        `No data in this range (${expected.from} to ${expected.to}): nothing was flagged, reviewed or referred. Try a wider range or one of the presets above.`,
      );
      expect(await page.locator('figure[data-chart]').count()).toBe(0);
      expect(await page.locator('svg[role=img]').count()).toBe(0);
      if (preset === 'last_30_days') {
        await page.screenshot({ path: path.join(OUT, 'analytics-empty-range.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
      }
    }
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await ctx.close();
  });

  it('names the field of a bad filter, and keeps reviewers out', async () => {
    const { ctx } = await offlineContext();
    const page = await signIn(ctx, analystKey, '/analytics');
    await page.waitForURL(/\/analytics$/);
    const res = await page.goto(`${h.rt.apiUrl}/analytics?from=2026-09-14&to=2026-09-01`);
    expect(res!.status()).toBe(400);
    expect(await page.textContent('[role=alert]')).toBe('from: must not be after to');
    const impossible = await page.goto(`${h.rt.apiUrl}/analytics?from=2026-02-30&to=2026-03-10`);
    expect(impossible!.status()).toBe(400);
    expect(await page.textContent('[role=alert]')).toMatch(/^from: must be a date/);
    const impossibleExport = await page.request.get(`${h.rt.apiUrl}/analytics/export?table=series&from=2026-02-30&to=2026-03-10`);
    expect(impossibleExport.status()).toBe(400);
    expect(await impossibleExport.text()).toMatch(/^from: must be a date/);
    const unknown = await page.goto(`${h.rt.apiUrl}/analytics?platform=myspace`);
    expect(unknown!.status()).toBe(400);
    expect(await page.textContent('[role=alert]')).toMatch(/^platform: unknown platform "myspace"/);
    const badExport = await page.request.get(`${h.rt.apiUrl}/analytics/export?table=everything`);
    expect(badExport.status()).toBe(400);
    expect(await badExport.text()).toMatch(/^table: must be one of/);
    await ctx.close();

    const { ctx: rctx } = await offlineContext();
    const reviewer = await signIn(rctx, await h.key('reviewer'), '/analytics');
    await reviewer.waitForURL(/\/analytics$/);
    expect(await reviewer.textContent('body')).toContain('cannot use this page');
    const exp = await reviewer.request.get(`${h.rt.apiUrl}/analytics/export?table=series`);
    expect(exp.status()).toBe(403);
    await rctx.close();
  });
});
