/**
 * The review item page in real Chromium, as reviewers and leads use it: signals read as words with
 * English glosses, a right-to-left post in its direction with its phone number intact, the claim
 * holder by name, undo within the window (and its refusal after), a lead's reverse with a reason,
 * the author's other posts, and the referral's live state after a delivery to a fake platform.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../core/chromium.ts';
import { generateSigningSecret } from '../referrals/secrets.ts';
import { ROOT } from './cli.ts';
import { startFakePlatform, type FakePlatform, useFakePlatform } from './fake-platform.ts';
import { makePost, startHarness, type Harness } from './harness.ts';
import { signedReport } from './platform-fixtures.ts';
import { seedReviewItems } from './review-fixtures.ts';

const OUT = path.join(ROOT, 'test-results', 'review-item');
const FRENCH =
  'Camion pour l’Angleterre depuis Calais, place cachée, 3500 dollars, paiement à l’arrivée, écrivez sur Telegram @passeur_calais';
const PERSIAN = '🚤 قایق به ایتالیا از ترکیه، تضمینی، قیمت ۳۵۰۰ دلار، تماس واتساپ +44 7911 123456';

/** The element's computed CSS direction, read in the page (the test's own types have no DOM). */
const cssDirection = (l: Locator) =>
  l.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(el).direction);

describe('the review item page in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let fake: FakePlatform;
  const secret = generateSigningSecret();

  beforeAll(async () => {
    fake = await startFakePlatform(secret);
    h = await startHarness(
      { workers: ['ingest', 'classify', 'refer', 'evidence'], api: true },
      { EVIDENCE_CAPTURE: 'on', FETCH_ALLOW_HOSTS: fake.hostPort, REFER_BACKOFF_MS: '200', REVIEW_UNDO_SECONDS: '10' },
    );
    await useFakePlatform(h.db, 'tiktok', fake, secret);
    browser = await launchBrowser();
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await fake?.close();
  });

  async function signIn(role: 'reviewer' | 'lead', name: string, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    // bypassCSP only where axe-core's script is injected into the page.
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, ...opts });
    await page.goto(`${h.rt.apiUrl}/review/sign-in`);
    await page.fill('input[name=key]', await h.key(role, { name }));
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    await page.waitForURL(/\/review$/);
    return page;
  }
  /** Ingests posts through the pipeline; returns each post's review item id, in order. */
  async function itemsFor(posts: ReturnType<typeof makePost>[]): Promise<string[]> {
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await h.drain();
    const ids: string[] = [];
    for (const p of posts) {
      const post = await h.db.prisma.post.findFirstOrThrow({ where: { platformPostId: p.platformPostId }, include: { reviewItem: true } });
      ids.push(post.reviewItem!.id);
    }
    return ids;
  }
  const item = (page: Page, id: string, query = '') => page.goto(`${h.rt.apiUrl}/review/items/${id}${query}`);

  /** axe-core's violations of serious or critical impact on the page as it is now. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const found = await page.evaluate(async () => {
      type Result = { violations: { id: string; impact: string; nodes: unknown[] }[]; passes: unknown[] };
      const axe = (globalThis as unknown as { axe: { run(): Promise<Result> } }).axe;
      const r = await axe.run();
      return { passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) };
    });
    // axe ran its rules over the page (an injection that failed would check nothing).
    expect(found.passes).toBeGreaterThan(10);
    return found.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
  }

  it('passes axe-core (no serious or critical violations) as the holder, another reviewer and a lead', async () => {
    const [id] = await itemsFor([makePost(PERSIAN.replace('123456', '123457'), { lang: 'fa', author: 'axe_author' })]);
    const holder = await signIn('reviewer', 'Axe Holder', { bypassCSP: true });
    await item(holder, id!);
    expect(await axeViolations(holder)).toEqual([]);
    await holder.click('#claim-form button');
    await holder.locator('#decide-confirm').waitFor();
    expect(await axeViolations(holder)).toEqual([]);
    const other = await signIn('reviewer', 'Axe Other', { bypassCSP: true });
    await item(other, id!);
    expect(await axeViolations(other)).toEqual([]);
    await holder.click('#decide-reject button');
    await holder.waitForURL((u) => !u.pathname.endsWith(`/review/items/${id}`));
    await item(holder, id!);
    await holder.locator('[data-testid=undo-toast]').waitFor();
    expect(await axeViolations(holder)).toEqual([]);
    const lead = await signIn('lead', 'Axe Lead', { bypassCSP: true });
    await item(lead, id!);
    await lead.locator('#reverse-form').waitFor();
    expect(await axeViolations(lead)).toEqual([]);
    await Promise.all([holder.close(), other.close(), lead.close()]);
  });

  it('reads signals as words with their English glosses, and shows a Persian post right to left with its number intact', async () => {
    const [fr, fa] = await itemsFor([makePost(FRENCH, { lang: 'fr' }), makePost(PERSIAN, { lang: 'fa' })]);
    const page = await signIn('reviewer', 'Amira');
    await item(page, fr!);
    const signals = page.locator('[data-testid=signals]');
    const text = await signals.innerText();
    expect(text).toContain('destination: UK');
    expect(text).toContain('origin: Calais');
    expect(text).toContain('price: 3,500 USD');
    expect(text).toContain('Telegram contact: @passeur_calais');
    expect(text).not.toMatch(/dest:|origin:calais|concept:|characters \d/);
    const lorry = signals.locator('li', { hasText: 'Camion' });
    expect(await lorry.innerText()).toMatch(/^transport — “?Camion”? = lorry \/ truck/);
    expect(await page.locator('[data-testid=gloss-summary]').innerText()).toContain('lorry / truck; England; payment on arrival');
    // The author's Persian post, listed under other posts, keeps its number in order too.
    const listed = page.locator('[data-testid=author-posts] li', { hasText: 'قایق' });
    expect(await listed.locator('bdi[dir=rtl]').count()).toBe(1);
    expect(await listed.locator('bdi[dir=ltr]', { hasText: '+44' }).innerText()).toBe('+44 7911 123456');
    await page.screenshot({ path: path.join(OUT, 'signals-french.png'), fullPage: true });

    await item(page, fa!);
    const post = page.locator('[data-testid=post-text]');
    expect(await post.getAttribute('dir')).toBe('rtl');
    expect(await cssDirection(post)).toBe('rtl');
    // The number reads left to right inside the right-to-left post, digits in order.
    const phone = post.locator('bdi[dir=ltr]', { hasText: '+44' });
    expect(await phone.innerText()).toBe('+44 7911 123456');
    expect(await cssDirection(phone)).toBe('ltr');
    const faSignals = await page.locator('[data-testid=signals]').innerText();
    expect(faSignals).toContain('destination: Italy');
    expect(faSignals).toContain('origin: Turkey');
    expect(faSignals).toContain('phone number: +447911123456');
    expect(await page.locator('[data-testid=signals] li', { hasText: 'قایق' }).locator('[data-testid=gloss]').innerText()).toBe('boat');
    // Cues carry the post's language and direction.
    expect(await page.locator('[data-testid=cue]').first().getAttribute('lang')).toBe('fa');
    expect(await page.locator('[data-testid=cue]').first().getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: path.join(OUT, 'persian-rtl.png'), fullPage: true });
    await page.close();
  });

  it('names the claim holder to a second reviewer, and lets the holder renew and release', async () => {
    const [id] = await itemsFor([makePost('Boat to UK tonight, 1500€, WhatsApp +44 7700 900555', { lang: 'en' })]);
    const a = await signIn('reviewer', 'Amira Haddad');
    await item(a, id!);
    await a.click('#claim-form button');
    await a.waitForURL(new RegExp(`/review/items/${id}`));
    expect(await a.locator('[data-testid=claim-holder]').innerText()).toBe('you');
    const b = await signIn('reviewer', 'Bilal');
    await item(b, id!);
    expect(await b.locator('[data-testid=claim-holder]').innerText()).toBe('Amira Haddad');
    expect(await b.locator('#renew-form, #release-form, #decide-confirm').count()).toBe(0);
    await b.screenshot({ path: path.join(OUT, 'claim-by-name.png'), fullPage: true });

    await a.click('#renew-form button');
    await expect.poll(() => a.locator('[data-testid=flash]').innerText()).toMatch(/Lease renewed until \d\d:\d\d UTC/);
    await a.click('#release-form button');
    await expect.poll(() => a.locator('[data-testid=flash]').innerText()).toContain('Claim released');
    expect(await a.locator('[data-testid=claim]').innerText()).toBe('unclaimed');
    await Promise.all([a.close(), b.close()]);
  });

  it('undoes a confirmation within the window, keeping the filters, and refuses after it', async () => {
    const [id, late] = await itemsFor([
      makePost('Lorry to England from Calais, hidden place, 2000€, pay on arrival', { lang: 'en', platform: 'instagram' }),
      makePost('Flight to London with real passport, 8000 dollars, DM', { lang: 'en', platform: 'instagram' }),
    ]);
    const page = await signIn('reviewer', 'Undoer');
    const filters = '?language=en';
    await item(page, id!, filters);
    await page.click('#claim-form button');
    await page.fill('#note', 'price and pickup point');
    await page.selectOption('#reason-confirm', 'smuggling_advert');
    await page.click('#decide-confirm button');
    await page.waitForURL((u) => !u.pathname.endsWith(`/review/items/${id}`) || u.search.includes('done'));
    await item(page, id!, filters);
    const toast = page.locator('[data-testid=undo-toast]');
    expect(await toast.getAttribute('role')).toBe('status');
    expect(await toast.innerText()).toContain('Decision recorded: confirm');
    await page.screenshot({ path: path.join(OUT, 'undo-toast.png'), fullPage: true });
    expect(await page.locator('#undo-form input[name=filters]').inputValue()).toBe('language=en');
    await page.click('#undo-form button');
    await page.waitForURL(/done=/);
    expect(new URL(page.url()).searchParams.get('language')).toBe('en');
    expect(await page.locator('[data-testid=flash]').innerText()).toContain('Decision undone (confirm); the item is yours again.');
    expect(await page.locator('[data-testid=status]').innerText()).toBe('open');
    expect(await page.locator('[data-testid=claim-holder]').innerText()).toBe('you');
    expect(await page.locator('#decide-confirm').count()).toBe(1);
    expect(await page.locator('a', { hasText: '← queue' }).getAttribute('href')).toBe('/review?language=en');
    const decisions = await h.db.prisma.decision.findMany({ where: { reviewItemId: id! }, orderBy: { createdAt: 'asc' } });
    expect(decisions.map((d) => [d.action, d.reasonCode, d.note])).toEqual([
      ['confirm', 'smuggling_advert', 'price and pickup point'],
      ['reverse', 'undo', null],
    ]);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id!, action: 'review.undo' } });
    expect(audit.after).toMatchObject({ status: 'open', undoneDecisionId: decisions[0]!.id });
    // Instagram delivers nothing by itself: the referral the refer stage made was still queued, and is gone.
    expect(await h.db.prisma.referral.count({ where: { post: { reviewItem: { id: id! } } } })).toBe(0);
    await page.screenshot({ path: path.join(OUT, 'undone.png'), fullPage: true });

    // Past the window: no toast, and an undo posted anyway is refused with the reason.
    await item(page, late!);
    await page.click('#claim-form button');
    await page.click('#decide-reject button');
    await page.waitForURL((u) => !u.pathname.endsWith(`/review/items/${late}`) || u.search.includes('done'));
    await h.db.execute`UPDATE "Decision" SET "createdAt" = "createdAt" - interval '11 seconds' WHERE "reviewItemId" = ${late!}::uuid`;
    await item(page, late!);
    expect(await page.locator('[data-testid=undo-toast]').count()).toBe(0);
    const res = await page.request.post(`${h.rt.apiUrl}/review/items/${late}/undo`, {
      form: { filters: '' },
      headers: { origin: h.rt.apiUrl! },
    });
    expect(new URL(res.url()).searchParams.get('error')).toMatch(
      /the undo window has passed: .* can be undone for 10 s; a lead can reverse it/,
    );
    await item(page, late!, `?error=${encodeURIComponent(new URL(res.url()).searchParams.get('error')!)}`);
    expect(await page.locator('[role=alert]').innerText()).toContain('the undo window has passed');
    await page.screenshot({ path: path.join(OUT, 'undo-refused.png'), fullPage: true });
    await page.close();
  });

  it('lets a lead reverse a decision with a reason', async () => {
    const [id] = await itemsFor([makePost('Boat from Libya to Italy, 3000 euro, call +218 91 234 5678', { lang: 'en' })]);
    const reviewer = await signIn('reviewer', 'Decider');
    await item(reviewer, id!);
    await reviewer.click('#claim-form button');
    await reviewer.click('#decide-reject button');
    await reviewer.close();
    const lead = await signIn('lead', 'Lead Lina');
    await item(lead, id!);
    expect(await lead.locator('[data-testid=last-decision]').innerText()).toMatch(/^reject \(not an advert\) by Decider, /);
    await lead.selectOption('#reverse-reason', 'wrong_decision');
    await lead.fill('#reverse-note', 'price and phone: an advert');
    await lead.click('#reverse-form button');
    await lead.waitForURL(/done=/);
    expect(await lead.locator('[data-testid=flash]').innerText()).toContain('Decision reversed: the item is open again (was rejected).');
    expect(await lead.locator('[data-testid=status]').innerText()).toBe('open');
    expect(await lead.locator('[data-testid=last-decision]').innerText()).toMatch(/^reversed \(wrong decision\) by you, /);
    const last = await h.db.prisma.decision.findFirstOrThrow({ where: { reviewItemId: id! }, orderBy: { createdAt: 'desc' } });
    expect([last.action, last.reasonCode, last.note]).toEqual(['reverse', 'wrong_decision', 'price and phone: an advert']);
    await lead.screenshot({ path: path.join(OUT, 'reversed.png'), fullPage: true });
    await lead.close();
  });

  it('lists the account’s other posts on the platform, newest first, linked to their items', async () => {
    const author = `boat_uk_${Date.now().toString(36)}`;
    const older = makePost('Boat to UK next week from Dunkirk, 1200€, WhatsApp +44 7700 900321', {
      lang: 'en',
      author,
      postedAt: '2026-11-01T10:00:00Z',
    });
    const newer = makePost('Last places on the boat to UK, 1300€, WhatsApp +44 7700 900321', {
      lang: 'en',
      author,
      postedAt: '2026-11-20T10:00:00Z',
    });
    const main = makePost('Guaranteed crossing to UK this weekend, 1500€, WhatsApp +44 7700 900321', {
      lang: 'en',
      author,
      postedAt: '2026-11-25T10:00:00Z',
    });
    const [olderId, newerId, mainId] = await itemsFor([older, newer, main]);
    const page = await signIn('reviewer', 'Reader');
    await item(page, mainId!);
    const rows = page.locator('[data-testid=author-posts] li');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toMatch(/^2026-11-20 · .* · review: open · Last places on the boat/);
    expect(await rows.nth(1).innerText()).toMatch(/^2026-11-01 .*Boat to UK next week/);
    expect(await rows.nth(0).locator('a').getAttribute('href')).toBe(`/review/items/${newerId}`);
    expect(await rows.nth(1).locator('a').getAttribute('href')).toBe(`/review/items/${olderId}`);
    expect(await rows.nth(0).locator('bdi[lang]').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: path.join(OUT, 'author-posts.png'), fullPage: true });
    await page.close();
  });

  it('shows the referral’s live state after a confirmation delivered to the platform, with the evidence screenshot', async () => {
    const pageId = `rv${Date.now().toString(36)}`;
    const [id] = await itemsFor([
      makePost('Boat to UK this week, 1500€ per person, WhatsApp +44 7911 123456', {
        lang: 'en',
        platform: 'tiktok',
        url: `${fake.url}/posts/${pageId}`,
      }),
    ]);
    const page = await signIn('reviewer', 'Confirmer');
    await item(page, id!);
    await page.click('#claim-form button');
    await page.click('#decide-confirm button');
    const postId = (await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: id! } })).postId;
    const referral = await expect
      .poll(async () => h.db.prisma.referral.findFirst({ where: { postId, status: 'sent' } }), { timeout: 60_000, interval: 250 })
      .toBeTruthy()
      .then(() => h.db.prisma.referral.findFirstOrThrow({ where: { postId } }));
    await item(page, id!);
    expect(await page.locator('[data-testid=referral-status]').innerText()).toBe('sent to the platform');
    const history = await page.locator('[data-testid=referral-history]').innerText();
    expect(history).toMatch(/sent to the platform · by Tidewatch \(refer stage\) · ticket TICKET-\d+/);
    expect(
      await page.locator('[data-testid=evidence-screenshot]').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(100);

    // The platform declines it, with a reason; the reviewer sees who and why.
    const platformKey = await h.key('platform', { name: 'TikTok Trust & Safety', platform: 'tiktok' });
    for (const body of [
      { referralId: referral.id, status: 'acknowledged', ticketId: 'TT-42' },
      { referralId: referral.id, status: 'declined', reason: 'satire account, not an offer' },
    ]) {
      const raw = JSON.stringify(body);
      const res = await fetch(`${h.rt.apiUrl}/v1/platform/referrals/${referral.id}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${platformKey}`, 'content-type': 'application/json', ...signedReport(secret, raw) },
        body: raw,
      });
      expect(res.status).toBe(200);
    }
    await item(page, id!);
    expect(await page.locator('[data-testid=referral-status]').innerText()).toBe('declined by the platform');
    expect(await page.locator('[data-testid=declined-reason]').innerText()).toBe('satire account, not an offer');
    const after = await page.locator('[data-testid=referral-history]').innerText();
    expect(after).toMatch(/acknowledged by the platform · by TikTok Trust & Safety · ticket TT-42/);
    expect(after).toMatch(/declined by the platform · by TikTok Trust & Safety/);
    // The notice went out: undo is no longer offered, even within the window of the reviewer's own decision.
    expect(await page.locator('[data-testid=undo-toast]').count()).toBe(0);
    await page.screenshot({ path: path.join(OUT, 'referral-state.png'), fullPage: true });

    // The evidence file is served to signed-in readers only, and only the one named file.
    expect((await fetch(`${h.rt.apiUrl}/review/items/${id}/evidence/screenshot.png`, { redirect: 'manual' })).status).toBe(303);
    expect((await page.request.get(`${h.rt.apiUrl}/review/items/${id}/evidence/page.html`)).status()).toBe(404);
    expect((await page.request.get(`${h.rt.apiUrl}/review/items/${id}/evidence/..%2F..%2Fetc%2Fpasswd`)).status()).toBe(404);
    await page.close();
  });

  it('shows a failed delivery with its error and attempts', async () => {
    const [seeded] = await seedReviewItems(h.db, [{ platform: 'x', status: 'confirmed' }]);
    const platformId = (await h.db.prisma.platform.findUniqueOrThrow({ where: { name: 'x' } })).id;
    await h.db.prisma.referral.create({
      data: {
        postId: seeded!.postId,
        platformId,
        status: 'failed',
        idempotencyKey: `${platformId}:${seeded!.postId}`,
        attempts: 4,
        lastError: 'gave up after 4 attempts: webhook answered 503',
      },
    });
    const page = await signIn('reviewer', 'Failure Reader');
    await item(page, seeded!.id);
    expect(await page.locator('[data-testid=referral-status]').innerText()).toBe('delivery failed');
    expect(await page.locator('[data-testid=referral-error]').innerText()).toBe(
      'Last error after 4 attempt(s): gave up after 4 attempts: webhook answered 503',
    );
    await page.screenshot({ path: path.join(OUT, 'referral-failed.png'), fullPage: true });
    await page.close();
  });
});
