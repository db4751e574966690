/**
 * The review queue as reviewers use it, in real Chromium: right-to-left posts laid out right to
 * left with phone numbers in order, filters that survive a decision and "take next", and a
 * keyboard-only pass (Tab + Enter does what the focused control says, j/k move real focus, keys
 * that cannot act say why, shortcuts can be turned off). Screenshots in test-results/review-queue/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSS } from '../api/pages/review/layout.tsx';
import { PostBody } from '../api/pages/review/post-body.tsx';
import { launchBrowser } from '../core/chromium.ts';
import { ROOT } from './cli.ts';
import { startHarness, type Harness } from './harness.ts';
import { seedReviewItems } from './review-fixtures.ts';

// Run inside the page (tests compile without the DOM library).
declare const document: any;
declare const NodeFilter: any;
declare function getComputedStyle(el: unknown): { direction: string };

const OUT = path.join(ROOT, 'test-results', 'review-queue');
const PERSIAN = '🚤 قایق به انگلیس این هفته، تضمینی. برای رزرو در واتساپ پیام بدهید +44 7911 123456 نفری ۲۰۰۰ یورو';
const FAMILY = '👨‍👩‍👧';
// The emoji straddles the old cut (117 UTF-16 code units); the snippet keeps it whole.
const LONG = `${'ا'.repeat(116)}${FAMILY} ${'ب'.repeat(30)}`;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('/review queue: direction, filters and keyboard', () => {
  let h: Harness;
  let browser: Browser;
  let persian: { id: string };
  let long: { id: string };
  let english: { id: string }[];
  beforeAll(async () => {
    h = await startHarness(undefined, { REVIEW_UNDO_SECONDS: '10' });
    browser = await launchBrowser();
    const farsi = await seedReviewItems(h.db, [
      { text: PERSIAN, language: 'fa', priority: 0.97 },
      { text: LONG, language: 'fa', priority: 0.96 },
    ]);
    [persian, long] = [farsi[0]!, farsi[1]!];
    // Turkish items rank above the English ones: without the filter, "next" would hand them out first.
    await seedReviewItems(h.db, [
      { text: 'İngiltereye tekne, bu hafta garantili geçiş', language: 'tr', priority: 0.99 },
      { text: 'Bot ile İngiltere, kişi başı 2000 euro', language: 'tr', priority: 0.98 },
    ]);
    english = await seedReviewItems(h.db, [
      { text: 'Boat to UK this week, WhatsApp +44 7700 900111', language: 'en', priority: 0.6 },
      { text: 'Lorry to London from Calais, hidden place, 2000 euro', language: 'en', priority: 0.5 },
      { text: 'Flight to London with a real passport, DM me', language: 'en', priority: 0.4 },
    ]);
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function signIn(name: string): Promise<{ page: Page; keyId: string }> {
    const key = await h.key('reviewer', { name });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${h.rt.apiUrl}/review/sign-in`);
    await page.fill('input[name=key]', key);
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    await page.waitForURL(/\/review$/);
    return { page, keyId: key.split('_')[1]! };
  }
  const focusedItem = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-item') ?? null);

  it('lays a Persian post that starts with an emoji out right to left, phone number in order, cut by grapheme', async () => {
    const { page } = await signIn('Dara');
    await page.goto(`${h.rt.apiUrl}/review?language=fa`);
    expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
    const snippet = page.locator(`tr[data-item="${persian.id}"] [data-testid=snippet]`);
    expect(await snippet.getAttribute('lang')).toBe('fa');
    expect(await snippet.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator(`tr[data-item="${persian.id}"] td[lang=fa]`).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

    const phone = snippet.locator('bdi[data-kind=phone]');
    expect(await phone.textContent()).toBe('+44 7911 123456');
    expect(await phone.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // Drawn in reading order: "+44" left of "7911" left of "123456" (not "123456 7911 44+").
    const xs = await phone.evaluate((el) => {
      const text = el.firstChild!;
      const at = (from: number, to: number) => {
        const r = document.createRange();
        r.setStart(text, from);
        r.setEnd(text, to);
        return r.getBoundingClientRect().left;
      };
      return [at(0, 3), at(4, 8), at(9, 15)];
    });
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    // The emoji at the start does not decide the direction: the post's first character sits at the right.
    const box = (await snippet.boundingBox())!;
    const emojiX = await snippet.evaluate((el) => {
      const r = document.createRange();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode()!;
      r.setStart(first, 0);
      r.setEnd(first, 2);
      return r.getBoundingClientRect().right;
    });
    expect(emojiX).toBeGreaterThan(box.x + box.width / 2);

    const cut = (await page.locator(`tr[data-item="${long.id}"] [data-testid=snippet]`).textContent())!;
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain(FAMILY);
    expect(cut).not.toMatch(LONE_SURROGATE);
    expect(cut).not.toContain('\uFFFD');
    await page.screenshot({ path: path.join(OUT, 'queue-persian.png'), fullPage: true });
    await page.close();
  });

  it('renders a whole post (PostBody, for the item page) right to left when it opens with a highlighted emoji', async () => {
    const phoneAt = PERSIAN.indexOf('+44');
    const html = String(
      PostBody({
        text: PERSIAN,
        tag: 'fa',
        signals: [
          { type: 'concept:transport', start: 0, end: 2, gloss: 'boat' },
          { type: 'phone', start: phoneAt, end: phoneAt + 15 },
        ],
      }),
    );
    const page = await browser.newPage({ viewport: { width: 900, height: 300 } });
    await page.setContent(`<!DOCTYPE html><html lang="en"><head><style>${CSS}</style></head><body><main>${html}</main></body></html>`);
    const post = page.locator('[data-testid=post-text]');
    expect(await post.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The English label is isolated left to right and does not turn the paragraph around.
    const label = post.locator('mark .tag').first();
    expect(await label.textContent()).toBe('transport');
    expect(await label.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    const box = (await post.boundingBox())!;
    const emoji = (await post.locator('mark').first().boundingBox())!;
    expect(emoji.x).toBeGreaterThan(box.x + box.width / 2);
    const phone = post.locator('mark[data-signal=phone] bdi[data-kind=phone]');
    expect(await phone.textContent()).toBe('+44 7911 123456');
    const [a, b] = await phone.evaluate((el) => {
      const text = el.firstChild!;
      const left = (from: number, to: number) => {
        const r = document.createRange();
        r.setStart(text, from);
        r.setEnd(text, to);
        return r.getBoundingClientRect().left;
      };
      return [left(0, 3), left(9, 15)];
    });
    expect(a).toBeLessThan(b!);
    await page.screenshot({ path: path.join(OUT, 'post-body-persian.png') });

    // Opening with a Latin word, `dir="auto"` would lay it out left to right; the language decides instead.
    const latinFirst = String(PostBody({ text: 'WhatsApp: قایق به انگلیس این هفته', tag: 'fa', signals: [] }));
    await page.setContent(`<!DOCTYPE html><html lang="en"><body>${latinFirst}</body></html>`);
    expect(await page.locator('[data-testid=post-text]').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // ...and a romanised Persian post (fa-Latn) reads left to right.
    const finglish = String(PostBody({ text: 'ghayegh be englis in hafte', tag: 'fa-Latn', signals: [] }));
    await page.setContent(`<!DOCTYPE html><html lang="en"><body>${finglish}</body></html>`);
    expect(await page.locator('[data-testid=post-text]').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.close();
  });

  it('keeps the filters through claim, decision, undo offer and "take next"', async () => {
    const { page } = await signIn('Eli');
    // A controllable clock, to see the Undo offer end after 10 seconds.
    await page.clock.install();
    await page.goto(`${h.rt.apiUrl}/review?language=en`);
    expect(await page.locator('tr[data-href]').count()).toBe(3);
    // Claiming from an item page keeps them too.
    await page.click(`tr[data-item="${english[0]!.id}"] a[data-testid=post-link]`);
    await page.waitForURL(new RegExp(`/review/items/${english[0]!.id}\\?language=en$`));
    await page.click('#claim-form button');
    await page.waitForURL(new RegExp(`/review/items/${english[0]!.id}\\?language=en$`));
    expect(await page.textContent('[data-testid=claim]')).toContain('you');

    await page.keyboard.press('c');
    await page.keyboard.press('c');
    await page.waitForURL(/\/review\?language=en&done=confirm&undo=/);
    expect(new URL(page.url()).searchParams.get('undo')).toBe(english[0]!.id);
    expect(await page.locator('select[name=language]').inputValue()).toBe('en');
    const toast = page.locator('#undo-toast');
    expect(await toast.getAttribute('role')).toBe('status');
    expect(await toast.textContent()).toContain('Confirmed as an advert');
    expect(await toast.locator('form').getAttribute('action')).toBe(`/review/items/${english[0]!.id}/undo`);
    expect(await toast.locator('input[name=filters]').inputValue()).toBe('language=en');
    await page.screenshot({ path: path.join(OUT, 'queue-after-decision.png'), fullPage: true });
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: english[0]!.id } })).status).toBe('confirmed');
    await page.clock.fastForward(10_500);
    await expect.poll(() => toast.textContent()).toBe('Undo is no longer available for that decision.');
    expect(await page.locator('#undo-button').count()).toBe(0);

    // "next" hands out the next English item, not the higher-ranked Turkish or Persian ones.
    await page.keyboard.press('n');
    await page.waitForURL(/\/review\/items\/[0-9a-f-]{36}\?language=en$/);
    const nextId = new URL(page.url()).pathname.split('/').pop()!;
    expect(nextId).toBe(english[1]!.id);
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: nextId } })).language).toBe('en');
    expect(await page.getAttribute('a[href^="/review?"]', 'href')).toBe('/review?language=en');
    // The item page's own "Take next item" keeps them as well.
    await page.click('#take-next button');
    await page.waitForURL(/\/review\/items\/[0-9a-f-]{36}\?language=en$/);
    expect(new URL(page.url()).pathname.split('/').pop()).toBe(english[2]!.id);
    // Nothing English left: back to the filtered queue, saying so.
    await page.click('#take-next button');
    await page.waitForURL(/\/review\?language=en&empty=1$/);
    expect(await page.textContent('.flash')).toContain('Nothing left to take');
    await page.close();
  });

  it('works from the keyboard alone: Tab + Enter, j/k focus, reasons why a key cannot act, shortcuts off', async () => {
    const { page, keyId } = await signIn('Farid');
    await page.goto(`${h.rt.apiUrl}/review`);
    const rows = page.locator('tr[data-href]');
    const ids = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-item')));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    // Someone else's claim shows their name, not their key id.
    expect(await page.locator(`tr[data-item="${english[1]!.id}"] td:last-child`).textContent()).toBe('held by Eli');

    // j/k move real focus (roving tabindex), so the row is announced.
    await page.keyboard.press('j');
    expect(await focusedItem(page)).toBe(ids[1]);
    await page.keyboard.press('j');
    expect(await focusedItem(page)).toBe(ids[2]);
    await page.keyboard.press('k');
    expect(await focusedItem(page)).toBe(ids[1]);
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('tabindex')))).toEqual(ids.map((_, i) => (i === 1 ? '0' : '-1')));
    await page.screenshot({ path: path.join(OUT, 'queue-keyboard.png'), fullPage: true });

    // Tab to the "Networks" link and press Enter: the link is followed, not the selected row.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Networks'; i++) {
      await page.keyboard.press('Shift+Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Networks');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/networks$/);

    // Enter on a focused row opens that row.
    await page.goto(`${h.rt.apiUrl}/review`);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/review/items/${ids[1]}$`));
    expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');

    // c on an unclaimed item says why it did nothing; a claims it.
    await page.keyboard.press('c');
    await expect.poll(() => page.textContent('#shortcut-status')).toBe('c: claim this item first (press a)');
    await page.screenshot({ path: path.join(OUT, 'item-claim-first.png'), fullPage: true });
    await page.keyboard.press('a');
    await expect.poll(() => page.textContent('[data-testid=claim]')).toContain('you');
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: ids[1]! } })).claimedBy).toBe(keyId);

    // 2 picks the second reason, r rejects with it.
    await page.keyboard.press('2');
    await expect.poll(() => page.textContent('#shortcut-status')).toContain('Reason 2 picked');
    await page.keyboard.press('r');
    await page.waitForURL(/\/review\?done=reject&undo=/);
    const decision = await h.db.prisma.decision.findFirstOrThrow({ where: { reviewItemId: ids[1]! } });
    expect([decision.action, decision.reasonCode]).toEqual(['reject', 'news_or_warning']);

    // ? lists every shortcut in a dialog; Escape closes it.
    await page.keyboard.press('?');
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(true);
    expect(await page.locator('#shortcuts-dialog dt').allTextContents()).toContain('/');
    await page.screenshot({ path: path.join(OUT, 'shortcuts-dialog.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(false);

    // Turned off, no single key acts (the preference is stored on the key).
    await page.click('#shortcut-toggle');
    await page.waitForURL(/\/review\?done=reject&undo=/);
    expect(await page.getAttribute('body', 'data-shortcuts')).toBe('off');
    expect((await h.db.prisma.apiKey.findUniqueOrThrow({ where: { id: keyId } })).shortcutsEnabled).toBe(false);
    await page.evaluate(() => document.activeElement?.blur());
    const before = page.url();
    await page.keyboard.press('j');
    expect(await focusedItem(page)).toBeNull();
    await page.keyboard.press('n');
    await page.keyboard.press('?');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.locator('#shortcuts-dialog').isVisible()).toBe(false);
    expect(await h.db.prisma.reviewItem.count({ where: { claimedBy: keyId } })).toBe(0);
    // A focused row still answers the arrows and Enter, which are not single-key shortcuts.
    const offIds = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-item')));
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedItem(page)).toBe(offIds[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/review/items/${offIds[1]}$`));
    await page.click('#shortcut-toggle');
    await page.waitForURL(new RegExp(`/review/items/${offIds[1]}$`));
    expect(await page.getAttribute('body', 'data-shortcuts')).toBe('on');
    await page.close();
  });

  it('announces the lease at milestones, not every second, and serves a favicon', async () => {
    const { page, keyId } = await signIn('Gul');
    const [item] = await seedReviewItems(h.db, [{ text: 'Boat to UK, lease test', language: 'en', priority: 0.1 }]);
    await h.db.prisma.reviewItem.update({
      where: { id: item!.id },
      data: { claimedBy: keyId, leaseExpiresAt: new Date(Date.now() + 10 * 60_000) },
    });
    await page.clock.install();
    await page.goto(`${h.rt.apiUrl}/review/items/${item!.id}`);
    const said = () => page.textContent('#lease-status');
    expect(await said()).toBe('');
    await page.clock.fastForward('03:00');
    expect(await said()).toBe('');
    await page.clock.fastForward('02:30');
    await expect.poll(said).toBe('5 minutes left on your claim');
    await page.clock.fastForward('03:00');
    expect(await said()).toBe('5 minutes left on your claim');
    // About 1:30 left here; 0:45 after the next step, then 0:25.
    await page.clock.fastForward('00:45');
    await expect.poll(said).toBe('1 minute left on your claim');
    await page.clock.fastForward('00:20');
    await expect.poll(said).toBe('30 seconds left on your claim');
    await page.clock.fastForward('00:40');
    await expect.poll(said).toBe('Your claim has expired; claim the item again to decide');
    expect(await page.textContent('#lease')).toBe('expired');
    expect(await page.getAttribute('#lease-status', 'aria-live')).toBe('polite');
    // The visible countdown is not itself a live region.
    expect(await page.locator('#lease').getAttribute('aria-live')).toBeNull();
    const icon = await fetch(`${h.rt.apiUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    await page.close();
  });
});
