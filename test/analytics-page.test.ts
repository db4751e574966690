/**
 * `/analytics` in real Chromium over the known history (test/analytics-history.ts): sign in as an
 * analyst, filter, and check each chart draws one mark per row of its table with the API's
 * values, that export links download the same rows, and that the page loads nothing from
 * anywhere but Tidewatch itself.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../analytics/stats.ts';
import { tableRows } from '../analytics/tables.ts';
import { seedHistory } from './analytics-history.ts';
import { launchBrowser } from '../core/chromium.ts';
import { ROOT } from './cli.ts';
import { startHarness, type Harness } from './harness.ts';

const OUT = path.join(ROOT, 'test-results', 'analytics-page');
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
  async function offlineContext(): Promise<{ ctx: BrowserContext; outside: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const outside: string[] = [];
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(h.rt.apiUrl!)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    return { ctx, outside };
  }

  async function signIn(ctx: BrowserContext, key: string, next: string): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${h.rt.apiUrl}${next}`);
    expect(new URL(page.url()).pathname).toBe('/review/sign-in');
    await page.fill('input[name=key]', key);
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    return page;
  }

  const marks = (page: Page, chart: string) =>
    page.$$eval(`figure[data-chart=${chart}] svg [data-point]`, (els) =>
      els.map((e) => ({ series: e.getAttribute('data-series'), label: e.getAttribute('data-label'), value: e.getAttribute('data-value') })),
    );

  it('renders every chart from the same figures as the API, with no outside request', async () => {
    const { ctx, outside } = await offlineContext();
    const page = await signIn(ctx, analystKey, '/analytics');
    await page.waitForURL(/\/analytics$/);
    await page.goto(`${h.rt.apiUrl}/analytics?${RANGE}`);
    expect(await page.textContent('header')).toContain('signed in as Nadia (analyst)');
    const s = await api(RANGE);

    // One <svg> per chart, drawn with a real size.
    const charts = await page.$$eval('figure[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toEqual(['funnel', 'series', 'platforms', 'time_to_removal', 'languages', 'categories', 'decision_mix']);
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
    expect((await marks(page, 'funnel')).filter((m) => m.series === 'posts').map((m) => Number(m.value))).toEqual([15, 12, 9, 6, 4, 5, 2]);
    expect((await marks(page, 'decision_mix')).map((m) => Number(m.value))).toEqual([5, 2, 1, 1, 1]);
    expect(await page.textContent('[data-kpi=removalRate]')).toBe('83.3 %');
    expect(await page.textContent('[data-kpi=median]')).toBe('8 h');

    await page.screenshot({ path: path.join(OUT, 'analytics.png'), fullPage: true });
    expect(outside).toEqual([]);
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
