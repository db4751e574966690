/**
 * axe-core over every page in real Chromium, signed in as each role that can see it (issue #19
 * point 7): no violation of serious or critical impact, every page in standards mode
 * (`<!DOCTYPE html>`), every post and snippet carrying `lang` and `dir`, and a screenshot of each
 * page under test-results/a11y/. A new page is one more line in A11Y_PAGES.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../api/auth/keys.ts';
import { launchBrowser } from '../core/chromium.ts';
import { upsertPlatform } from '../referrals/platforms.ts';
import { describeFindings, seriousViolations, type AxeExclusion } from './axe.ts';
import { ROOT } from './cli.ts';
import { makePost, startHarness, type Harness, until } from './harness.ts';

declare const document: any;

const OUT = path.join(ROOT, 'test-results', 'a11y');

/** What the pages are shown with: ids made by beforeAll. */
interface Fixtures {
  openItem: string;
  claimedItem: string;
  network: string;
  /** A referral to facebook (the platform viewer's platform), from a lead's confirmation. */
  referral: string;
}

type Viewer = Role | 'anonymous';

interface A11yPage {
  name: string;
  path: (f: Fixtures) => string;
  /** Everyone who can see the page; `reviewer` is the one holding `claimedItem`. */
  roles: readonly Viewer[];
  status?: number;
  /** A selector that exists once client-side UIs (Swagger UI, bull-board) have rendered. */
  ready?: string;
  /** After the page: a control to click, and the part it opens to check as well (an operation in /docs). */
  open?: { click: string; check: string };
  exclusions?: readonly AxeExclusion[];
}

const READERS = ['admin', 'lead', 'reviewer', 'analyst'] as const;
const ANALYSTS = ['admin', 'lead', 'analyst'] as const;
/** Where pages show post text (item page, queue snippets, network members). */
const POST_TEXT = '[data-testid=post-text], [data-testid=post-link] > bdi, [data-testid=snippet], [data-testid=member-text]';
const UUID_NONE = '00000000-0000-4000-8000-000000000000';

/** Third-party markup the project cannot change from outside: each exclusion names one rule inside one part of the UI, and why. */
const SWAGGER_UI_EXCLUSIONS: AxeExclusion[] = [];
const BULL_BOARD_EXCLUSIONS: AxeExclusion[] = [];

/**
 * Every page, and who can see it. Add a page here with one line, e.g.
 * `{ name: 'platform-referrals', path: () => '/platform', roles: ['platform'] }`.
 */
export const A11Y_PAGES: A11yPage[] = [
  { name: 'sign-in', path: () => '/review/sign-in', roles: ['anonymous'] },
  { name: 'queue', path: () => '/review', roles: READERS },
  { name: 'item-open', path: (f) => `/review/items/${f.openItem}`, roles: READERS },
  { name: 'item-claimed', path: (f) => `/review/items/${f.claimedItem}`, roles: ['reviewer', 'lead'] },
  { name: 'item-not-found', path: () => `/review/items/${UUID_NONE}`, roles: ['reviewer'], status: 404 },
  { name: 'analytics', path: () => '/analytics', roles: ANALYSTS },
  { name: 'networks', path: () => '/networks', roles: READERS },
  { name: 'network', path: (f) => `/networks/${f.network}`, roles: READERS },
  { name: 'network-not-found', path: () => `/networks/${UUID_NONE}`, roles: ['reviewer'], status: 404 },
  { name: 'platform-referrals', path: () => '/platform', roles: ['platform', 'admin'] },
  { name: 'platform-referral', path: (f) => `/platform/referrals/${f.referral}`, roles: ['platform'] },
  { name: 'platform-questions', path: () => '/review/questions', roles: ['lead'] },
  { name: 'role-refused', path: () => '/admin/queues', roles: ['analyst'], status: 403 },
  {
    name: 'docs',
    path: () => '/docs',
    roles: ['anonymous'],
    ready: '.swagger-ui .opblock',
    open: {
      click: '#operations-review-postV1ReviewItemsByIdDecision .opblock-summary-control',
      check: '#operations-review-postV1ReviewItemsByIdDecision',
    },
    exclusions: SWAGGER_UI_EXCLUSIONS,
  },
  { name: 'admin-queues', path: () => '/admin/queues', roles: ['admin'], ready: 'text=refer', exclusions: BULL_BOARD_EXCLUSIONS },
  {
    name: 'admin-queue',
    path: () => '/admin/queues/queue/refer',
    roles: ['admin'],
    ready: 'text=refer',
    exclusions: BULL_BOARD_EXCLUSIONS,
  },
];

/** Posts in left-to-right and right-to-left scripts; three share one phone number, so they form a network. */
const POSTS = [
  makePost('Boat to UK this week 🚤 100% guaranteed, 1500€ per person. WhatsApp +44 7911 123456', { lang: 'en' }),
  makePost('Camion pour l’Angleterre depuis Calais, place cachée, 2000€, WhatsApp +44 7911 123456', { lang: 'fr' }),
  makePost('🚤 قایق به انگلیس این هفته، تضمینی، نفری ۲۰۰۰ یورو، واتساپ +44 7911 123456', { lang: 'fa' }),
  makePost('قارب إلى بريطانيا هذا الأسبوع، مضمون، ١٥٠٠ يورو للشخص، واتساب +44 7700 900123', { lang: 'ar' }),
  makePost('Flight to London with a real passport, VIP package, 8000 dollars, DM me on Telegram @uk_vip_travel', { lang: 'en' }),
];

// Pages are independent (only reads and one menu opened), so they are checked a few at a time.
describe.concurrent('accessibility of every page (axe-core in Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let fixtures: Fixtures;
  const contexts = new Map<Viewer, Promise<BrowserContext>>();
  const keys = new Map<Viewer, Promise<string>>();
  const keyOf = (role: Role) => {
    if (!keys.has(role)) keys.set(role, h.key(role, { name: `A11y ${role}`, ...(role === 'platform' ? { platform: 'facebook' } : {}) }));
    return keys.get(role)!;
  };

  /** One browser context per viewer, signed in once through the sign-in form's endpoint. */
  const contextOf = (viewer: Viewer) => {
    if (!contexts.has(viewer))
      contexts.set(
        viewer,
        (async () => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          if (viewer === 'anonymous') return context;
          const res = await context.request.post(`${h.rt.apiUrl}/review/sign-in`, {
            form: { key: await keyOf(viewer), next: '/review' },
            headers: { origin: h.rt.apiUrl! },
            maxRedirects: 0,
          });
          expect(res.status(), `sign-in as ${viewer}`).toBe(303);
          return context;
        })(),
      );
    return contexts.get(viewer)!;
  };

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    await mkdir(OUT, { recursive: true });
    expect((await h.post('/v1/posts', { posts: POSTS })).status).toBe(202);
    await h.drain();
    const items = await h.db.prisma.reviewItem.findMany({ orderBy: { priority: 'desc' }, include: { post: true } });
    expect(items.length).toBeGreaterThanOrEqual(3);
    const network = await h.db.prisma.network.findFirstOrThrow({ orderBy: { postCount: 'desc' } });
    expect(network.postCount).toBeGreaterThanOrEqual(2);
    // The reviewer holds the Persian item (decision controls, lease); the others stay open.
    const claimed = items.find((i) => i.post.language === 'fa') ?? items[0]!;
    const res = await h.request('POST', `/v1/review/items/${claimed.id}/claim`, { key: await keyOf('reviewer') });
    expect(res.status).toBe(200);
    const openItem = items.find((i) => i.id !== claimed.id)!.id;
    // A lead confirms a third item, so facebook has a referral for the platform pages (held for its action day: nothing is sent).
    await upsertPlatform(h.db, 'facebook', { deliveryMode: 'export', holdForActionDay: true }, undefined, false);
    const confirmed = items.find((i) => i.id !== claimed.id && i.id !== openItem)!;
    const lead = await keyOf('lead');
    expect((await h.request('POST', `/v1/review/items/${confirmed.id}/claim`, { key: lead })).status).toBe(200);
    const decision = { action: 'confirm', reasonCode: 'smuggling_offer' };
    expect((await h.request('POST', `/v1/review/items/${confirmed.id}/decision`, { key: lead, body: decision })).status).toBe(200);
    // The refer worker creates the (held) referral a moment after the decision's answer.
    const referral = await until(() => h.db.prisma.referral.findFirst({ where: { postId: confirmed.postId } }));
    fixtures = { claimedItem: claimed.id, openItem, network: network.id, referral: referral.id };
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /**
   * Problems axe does not test for: quirks mode; post text (the item's post, queue and network
   * snippets) without `lang` and `dir`; and any right-to-left text without a language of its own
   * (a screen reader would read it as the page's English) or outside a `dir=rtl` element.
   */
  const pageProblems = (page: Page) =>
    page.evaluate((postText) => {
      const problems: string[] = [];
      if (document.compatMode !== 'CSS1Compat') problems.push(`quirks mode (compatMode ${document.compatMode}): no <!DOCTYPE html>`);
      const describe = (el: any) => `<${el.tagName.toLowerCase()}> "${String(el.textContent).trim().slice(0, 40)}"`;
      for (const el of document.querySelectorAll(postText))
        if (!el.getAttribute('lang') || !el.getAttribute('dir')) problems.push(`post text without lang and dir: ${describe(el)}`);
      const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(node.data)) continue;
        const el = node.parentElement;
        const lang = el.closest('[lang]');
        if (!lang || lang === document.documentElement) problems.push(`right-to-left text without its own lang: ${describe(el)}`);
        // Direction from the language, not dir=auto (which an emoji or English label at the start turns left to right).
        if (!el.closest('[dir=rtl]')) problems.push(`right-to-left text not inside dir=rtl: ${describe(el)}`);
      }
      return problems;
    }, POST_TEXT);

  for (const spec of A11Y_PAGES) {
    for (const viewer of spec.roles) {
      it(`${spec.name} as ${viewer}`, async () => {
        const page = await (await contextOf(viewer)).newPage();
        try {
          const res = await page.goto(`${h.rt.apiUrl}${spec.path(fixtures)}`);
          expect(res?.status(), 'HTTP status').toBe(spec.status ?? 200);
          if (spec.ready) await page.locator(spec.ready).first().waitFor({ timeout: 15_000 });
          await page.screenshot({ path: path.join(OUT, `${spec.name}-${viewer}.png`), fullPage: true });
          const problems = [...describeFindings(await seriousViolations(page, spec.exclusions)), ...(await pageProblems(page))];
          if (spec.open) {
            await page.click(spec.open.click);
            await page.locator(`${spec.open.click}[aria-expanded=true]`).waitFor();
            await page.locator(spec.open.check).screenshot({ path: path.join(OUT, `${spec.name}-${viewer}-opened.png`) });
            problems.push(...describeFindings(await seriousViolations(page, spec.exclusions, spec.open.check)).map((p) => `opened: ${p}`));
          }
          expect(problems, `${spec.name} as ${viewer}`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("names bull-board's icon-only buttons by what they do and the queue they act on", async () => {
    const page = await (await contextOf('admin')).newPage();
    try {
      await page.goto(`${h.rt.apiUrl}/admin/queues`);
      await page.locator('text=refer').first().waitFor({ timeout: 15_000 });
      for (const name of ['Redis details', 'Full screen', 'Settings', 'More actions for queue refer', 'More actions for queue ingest'])
        await page.getByRole('button', { name, exact: true }).waitFor({ timeout: 5_000 });
      await page.getByRole('button', { name: 'More actions for queue refer', exact: true }).click();
      await page.getByRole('menuitem').first().waitFor();
      await page.screenshot({ path: path.join(OUT, 'admin-queues-menu-admin.png') });
      expect(describeFindings(await seriousViolations(page, BULL_BOARD_EXCLUSIONS))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
