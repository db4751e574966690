/**
 * The review page end to end in real Chromium: sign in with a key, take the next item with the
 * keyboard, see the detector's signals highlighted, confirm, and watch the open count drop.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../core/chromium.ts';
import { ROOT } from './cli.ts';
import { makePost, startHarness, type Harness } from './harness.ts';

const OUT = path.join(ROOT, 'test-results', 'review-page');

describe('/review in a browser', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    h = await startHarness(undefined, { REVIEW_UNDO_SECONDS: '10' });
    browser = await launchBrowser();
    const posts = [
      makePost('Boat to UK this week 🚤🇬🇧 100% guaranteed, 1500€ per person, kids half price. WhatsApp +44 7911 123456', { lang: 'en' }),
      makePost('Camion pour l’Angleterre depuis Calais, place cachée, 2000€, paiement à l’arrivée, écrivez sur Telegram', { lang: 'fr' }),
      makePost('Flight to London with a real passport, VIP package, 8000 dollars, DM me', { lang: 'en' }),
      makePost('Coastguard rescued 40 people off Calais; police arrested two smugglers, the report says.', { lang: 'en' }),
    ];
    expect((await h.post('/v1/posts', { posts })).status).toBe(202);
    await h.drain();
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs in, takes the next item, confirms it, and the queue count drops', async () => {
    const openBefore = await h.db.prisma.reviewItem.count({ where: { status: 'open' } });
    expect(openBefore).toBeGreaterThanOrEqual(2);
    const key = await h.key('reviewer', { name: 'Amira' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });

    await page.goto(`${h.rt.apiUrl}/review`);
    expect(new URL(page.url()).pathname).toBe('/review/sign-in');
    await page.fill('input[name=key]', 'tw_wrongkey_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]')).toContain('not valid');

    await page.fill('input[name=key]', key);
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    await page.waitForURL(/\/review$/);
    expect(await page.textContent('header')).toContain('signed in as Amira (reviewer)');
    expect(Number(await page.textContent('[data-count=open]'))).toBe(openBefore);

    // j/k move the selection in the list.
    const rows = page.locator('tr[data-href]');
    expect(await rows.count()).toBe(openBefore);
    await expect.poll(() => rows.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('j');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    expect(await rows.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: path.join(OUT, 'queue.png'), fullPage: true });

    // n takes (claims) the next item.
    await page.keyboard.press('n');
    await page.waitForURL(/\/review\/items\//);
    const itemId = page.url().split('/').pop()!;
    expect(await page.textContent('[data-testid=claim]')).toContain('you');
    expect(await page.textContent('#lease')).toMatch(/\d+:\d\d left/);
    const marks = page.locator('[data-testid=post-text] mark');
    expect(await marks.count()).toBeGreaterThan(0);
    // Each highlight carries its signal type as text, so it reads without colour.
    expect(await marks.first().locator('.tag').textContent()).toMatch(/\w/);
    await page.screenshot({ path: path.join(OUT, 'item.png'), fullPage: true });

    // c confirms (pressed twice: it refers the post); back on the queue the open count has dropped by one.
    await page.keyboard.press('c');
    await expect.poll(() => page.textContent('#shortcut-status')).toContain('Press c again');
    await page.keyboard.press('c');
    await page.waitForURL(/\/review\?done=confirm&undo=/);
    expect(await page.textContent('#undo-toast')).toContain('Confirmed as an advert');
    expect(Number(await page.textContent('[data-count=open]'))).toBe(openBefore - 1);
    expect(Number(await page.textContent('[data-count=confirmed]'))).toBe(1);

    const item = await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: itemId }, include: { decisions: true } });
    expect(item.status).toBe('confirmed');
    expect(item.claimedBy).toBeNull();
    expect(item.decisions.map((d) => d.action)).toEqual(['confirm']);
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: itemId } })).toBeGreaterThanOrEqual(2); // claim + decision
    await page.close();
  });

  it('keeps a second reviewer off an item someone holds, and analysts out of decisions', async () => {
    const [a, b] = [await h.key('reviewer', { name: 'A' }), await h.key('reviewer', { name: 'B' })];
    const signIn = async (key: string) => {
      const page = await browser.newPage();
      await page.goto(`${h.rt.apiUrl}/review/sign-in`);
      await page.fill('input[name=key]', key);
      await page.click('form[action="/review/sign-in"] button[type=submit]');
      await page.waitForURL(/\/review$/);
      return page;
    };
    const pa = await signIn(a);
    await pa.keyboard.press('n');
    await pa.waitForURL(/\/review\/items\//);
    const held = pa.url();

    const pb = await signIn(b);
    await pb.goto(held);
    expect(await pb.textContent('[data-testid=claim]')).not.toContain('you');
    expect(await pb.locator('#decide-confirm').count()).toBe(0);
    // Posting a decision anyway is refused by the same rules as the API.
    const res = await pb.request.post(`${held}/decision`, {
      form: { action: 'confirm', reasonCode: 'smuggling_advert' },
      headers: { origin: h.rt.apiUrl! },
    });
    expect(res.url()).toContain('error=');
    expect(decodeURIComponent(res.url())).toMatch(/claim|held|lease/i);

    const analyst = await h.key('analyst');
    const pc = await signIn(analyst);
    const forbidden = await pc.request.post(`${h.rt.apiUrl}/review/next`, { form: { status: 'open' }, headers: { origin: h.rt.apiUrl! } });
    expect(forbidden.status()).toBe(403);
    await Promise.all([pa.close(), pb.close(), pc.close()]);
  });

  it("shows each cue's English gloss on the item page, and still renders a stored classification without glosses", async () => {
    const text = 'İngiltereye tekneyle garantili geçiş bu hafta, kişi başı 2000 euro, aile indirimi var, para ofiste kalır, WhatsApp yazın';
    expect((await h.post('/v1/posts', { posts: [makePost(text, { lang: 'tr' })] })).status).toBe(202);
    await h.drain();
    const post = await h.db.prisma.post.findFirstOrThrow({ where: { text }, include: { reviewItem: true, classifications: true } });
    const itemId = post.reviewItem!.id;
    const page = await browser.newPage();
    await page.goto(`${h.rt.apiUrl}/review/sign-in`);
    await page.fill('input[name=key]', await h.key('reviewer', { name: 'Gloss' }));
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    await page.waitForURL(/\/review$/);
    await page.goto(`${h.rt.apiUrl}/review/items/${itemId}`);

    // Visible without hovering, in the signal list next to the cue as written...
    const family = page.locator('li', { hasText: 'aile indirimi' });
    expect(await family.locator('[data-testid=gloss]').innerText()).toBe('family discount');
    expect(await family.locator('[data-testid=gloss]').isVisible()).toBe(true);
    const glosses = await page.locator('[data-testid=gloss]').allInnerTexts();
    expect(glosses).toContain('the money stays at the office (until arrival)');
    expect(glosses).toContain('WhatsApp (messenger)');
    // ...and as the highlight's tooltip.
    expect(await page.locator('[data-testid=post-text] mark', { hasText: 'aile indirimi' }).getAttribute('title')).toBe('family discount');
    await page.screenshot({ path: path.join(OUT, 'item-glosses.png'), fullPage: true });

    // A classification stored before glosses existed: the same cues, highlighted, no gloss and no error.
    const cls = post.classifications[0]!;
    const bare = (cls.signals as { type: string; value: string; start: number; end: number }[]).map(({ type, value, start, end }) => ({
      type,
      value,
      start,
      end,
    }));
    await h.db.prisma.classification.update({ where: { id: cls.id }, data: { signals: bare } });
    await page.goto(`${h.rt.apiUrl}/review/items/${itemId}`);
    expect(await page.locator('li', { hasText: 'aile indirimi' }).count()).toBe(1);
    expect(await page.locator('[data-testid=gloss]').count()).toBe(0);
    expect(await page.locator('[data-testid=post-text] mark', { hasText: 'aile indirimi' }).getAttribute('title')).toBeNull();
    await page.close();
  });

  it('shows the BullMQ dashboard at /admin/queues to admins only', async () => {
    const session = async (role: 'admin' | 'reviewer') => {
      const res = await fetch(`${h.rt.apiUrl}/review/sign-in`, {
        method: 'POST',
        body: new URLSearchParams({ key: await h.key(role), next: '/review' }),
        headers: { origin: h.rt.apiUrl! },
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const anonymous = await fetch(`${h.rt.apiUrl}/admin/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/review/sign-in');
    const reviewer = await fetch(`${h.rt.apiUrl}/admin/queues`, { headers: { cookie: await session('reviewer') } });
    expect(reviewer.status).toBe(403);
    const admin = await session('admin');
    const page = await fetch(`${h.rt.apiUrl}/admin/queues`, { headers: { cookie: admin } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const api = await fetch(`${h.rt.apiUrl}/admin/queues/api/queues?activeQueue=ingest&page=1`, { headers: { cookie: admin } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['classify', 'evidence', 'ingest', 'liveness', 'refer']);
  });
});
