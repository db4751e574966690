/**
 * Every page in real Chromium under its Content-Security-Policy: /review, an item page,
 * /networks, /analytics, /docs (Swagger UI) and /admin/queues (bull-board) render with no CSP
 * violation, no console error and no request to another origin; security headers are on every
 * answer; a same-site text/plain form cannot drive the queue dashboard's API; and a right-to-left
 * override in an author name or post text stays inside its own isolate.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../core/chromium.ts';
import { makePost, startHarness, type Harness } from './harness.ts';

// Callbacks given to page.evaluate run in Chromium; the project compiles without the DOM library.
declare const window: any;
declare const document: any;
declare function getComputedStyle(el: unknown): { unicodeBidi: string };

const RLO = '\u202E';

describe('pages under their security policy', () => {
  let h: Harness;
  let browser: Browser;
  let admin: string;
  let itemId: string;
  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    admin = await h.key('admin', { name: 'Page admin' });
    const posts = [
      makePost('Boat to UK this week, 1500€ per person, WhatsApp +44 7911 123456', { lang: 'en', author: `${RLO}gnp.exe` }),
      makePost(`${RLO}Boat to UK tonight 1500€ guaranteed, WhatsApp +44 7911 123456`, { lang: 'en', author: 'plain author' }),
    ];
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await h.drain();
    itemId = (await h.db.prisma.reviewItem.findFirstOrThrow({ where: { post: { authorHandle: `${RLO}gnp.exe` } } })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** A browser context that records CSP violations, console errors and requests leaving this origin (aborted, never sent). */
  async function watchedContext(alsoAllowed: string[] = []) {
    const context = await browser.newContext();
    const origins = [new URL(h.rt.apiUrl!).origin, ...alsoAllowed];
    const outside: string[] = [];
    const consoleErrors: string[] = [];
    await context.route('**/*', (route) => {
      if (origins.includes(new URL(route.request().url()).origin)) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    context.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.page()?.url()}: ${m.text()}`);
    });
    const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    return { context, outside, consoleErrors, violations };
  }

  async function signIn(context: BrowserContext, key: string) {
    const page = await context.newPage();
    await page.goto(`${h.rt.apiUrl}/review/sign-in`);
    await page.fill('input[name=key]', key);
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    await page.waitForURL(/\/review$/);
    return page;
  }

  it('sends the security headers on every page and API answer', async () => {
    const res = await fetch(`${h.rt.apiUrl}/review/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ key: admin, next: '/review' }),
      headers: { origin: h.rt.apiUrl! },
      redirect: 'manual',
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const paths = [
      '/review/sign-in',
      '/review',
      `/review/items/${itemId}`,
      '/networks',
      '/analytics',
      '/docs',
      '/admin/queues',
      '/openapi.json',
      '/healthz',
    ];
    for (const path of paths) {
      const r = await fetch(`${h.rt.apiUrl}${path}`, { headers: { cookie } });
      expect(r.status, path).toBe(200);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/default-src 'none'/);
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    const api = await h.request('GET', '/v1/review/items', { key: admin });
    expect(api.status).toBe(200);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const denied = await h.request('GET', '/v1/review/items', { key: null });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('renders every page, Swagger UI and bull-board without a CSP violation or a request to another origin', async () => {
    const { context, outside, consoleErrors, violations } = await watchedContext();
    const page = await signIn(context, admin);
    const seen: Record<string, string[]> = {};
    expect(await page.locator('tr[data-href]').count()).toBeGreaterThan(0);
    // The page's own inline script (keyboard shortcuts) runs under the hash it is allowed by.
    await expect.poll(() => page.locator('tr[data-href]').first().getAttribute('aria-selected')).toBe('true');
    seen['/review'] = await violations(page);

    await page.goto(`${h.rt.apiUrl}/review/items/${itemId}`);
    seen.item = await violations(page);
    for (const path of ['/networks', '/analytics']) {
      await page.goto(`${h.rt.apiUrl}${path}`);
      await page.waitForLoadState('load');
      seen[path] = await violations(page);
    }

    await page.goto(`${h.rt.apiUrl}/docs`);
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 30_000 });
    expect(await page.textContent('.swagger-ui .info .title')).toContain('Tidewatch API');
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    seen['/docs'] = await violations(page);

    await page.goto(`${h.rt.apiUrl}/admin/queues`);
    await page.waitForFunction(() => /liveness/.test(document.body.innerText), undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(await page.content()).not.toMatch(/fonts\.googleapis/);
    seen['/admin/queues'] = await violations(page);

    expect(seen).toEqual({ '/review': [], item: [], '/networks': [], '/analytics': [], '/docs': [], '/admin/queues': [] });
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("refuses a same-site text/plain form posting to the queue dashboard's API, and the dashboard's own requests still work", async () => {
    const before = await h.rt.queues.liveness.count();
    const target = `${h.rt.apiUrl}/admin/queues/api/queues/liveness/add`;
    // Another port on the same host is the same site: the SameSite=Strict cookie goes along.
    const attacker: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<form method="post" enctype="text/plain" action="${target}"><input name='{"name":"x","data":{},"pad":"' value='"}'></form>
        <script>document.forms[0].submit()</script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    const { context } = await watchedContext([attackerOrigin]);
    const signedIn = await signIn(context, admin);
    try {
      const page = await context.newPage();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === target),
        page.goto(`${attackerOrigin}/`, { waitUntil: 'commit' }),
      ]);
      expect(response.request().headers()['content-type']).toMatch(/^text\/plain/);
      expect(response.status()).toBe(403);
      expect(await h.rt.queues.liveness.count()).toBe(before);

      // The dashboard's own (same-origin, JSON) request to the same route is allowed.
      await signedIn.goto(`${h.rt.apiUrl}/admin/queues`);
      const status = await signedIn.evaluate(
        (url) =>
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'manual', data: {} }),
          }).then((r) => r.status),
        target,
      );
      expect(status).toBe(200);
      expect(await h.rt.queues.liveness.count()).toBe(before + 1);
    } finally {
      await context.close();
      await new Promise((resolve) => attacker.close(resolve));
    }
    // Without a browser: a form-type body from another origin, with the admin's cookie, is refused too.
    const res = await fetch(`${h.rt.apiUrl}/review/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ key: admin }),
      headers: { origin: h.rt.apiUrl! },
      redirect: 'manual',
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const forged = await fetch(target, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain', origin: 'http://127.0.0.1:1' },
      body: '{"name":"x"}',
    });
    expect(forged.status).toBe(403);
    expect(await h.rt.queues.liveness.count()).toBe(before + 1);
  });

  it('keeps a right-to-left override in an author name or post text inside its own isolate', async () => {
    const { context } = await watchedContext();
    const page = await signIn(context, admin);
    // The review list: the overridden post text is isolated; the row's next cell reads as usual.
    const link = page.locator('[data-testid=post-link] bdi').filter({ hasText: 'Boat to UK tonight' });
    expect(await link.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    const row = page.locator('tr[data-href]').filter({ has: link });
    expect(await row.locator('td').nth(2).innerText()).toBe('English');

    await page.goto(`${h.rt.apiUrl}/review/items/${itemId}`);
    const author = page.locator('[data-testid=author]');
    expect(await author.evaluate((el) => el.tagName)).toBe('BDI');
    expect(await author.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    // The override is shown, not obeyed: "gnp.exe" is laid out left to right, not as "exe.png".
    expect(await author.innerText()).toBe('[U+202E]gnp.exe');
    const order = await author.evaluate((el) => {
      const text = el.firstChild!;
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      };
      const s = text.textContent!;
      return { g: at(s.indexOf('g')), x: at(s.indexOf('x')) };
    });
    expect(order.g).toBeLessThan(order.x);
    // The text around it ("facebook / ") keeps its order and position before the name.
    const dd = author.locator('xpath=..');
    expect(await dd.innerText()).toBe('facebook / [U+202E]gnp.exe');
    const [platformBox, authorBox] = await Promise.all([
      dd.evaluate((el) => {
        const r = document.createRange();
        r.setStart(el.firstChild!, 0);
        r.setEnd(el.firstChild!, 8);
        return r.getBoundingClientRect().left;
      }),
      author.evaluate((el) => el.getBoundingClientRect().left),
    ]);
    expect(platformBox).toBeLessThan(authorBox);

    await page.goto(`${h.rt.apiUrl}/networks`);
    // The two posts share a phone number, so they form a network: its posts and contact points are isolated too.
    const networkLink = page.locator('[data-testid=networks] tbody tr a');
    expect(await networkLink.count()).toBe(1);
    await networkLink.click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    const cells = page.locator('[data-testid=posts] tbody td[data-testid=member-text]');
    expect(await cells.count()).toBe(2);
    for (const cell of await cells.all()) expect(await cell.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    const names = page.locator('[data-testid=entities] bdi');
    expect(await names.count()).toBeGreaterThan(0);
    for (const name of await names.all()) expect(await name.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    await context.close();
  });
});
