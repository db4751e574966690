/**
 * `/platform` in Chromium as a platform moderator uses it: sign in with the platform key, open a
 * Persian referral (right to left, phone number intact, cues in words with glosses, the evidence
 * screenshot), acknowledge it, ask a question, see a lead answer it on /review/questions, then mark
 * it actioned — each step the same lifecycle move and audit event as the API. Another platform's
 * key cannot open it. axe-core finds nothing serious on the three pages.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../core/chromium.ts';
import { ROOT } from './cli.ts';
import { startHarness, type Harness } from './harness.ts';
import { seedReviewItems } from './review-fixtures.ts';

const OUT = path.join(ROOT, 'test-results', 'platform');
const PERSIAN = '🚤 قایق به انگلیس این هفته، بلم مطمئن، تماس +44 7911 123456 فقط واتساپ';

/** Serious or critical axe-core violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  const source = await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run();
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('/platform in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let evidenceDir: string;
  let referralId: string;
  let otherId: string;

  async function signIn(key: string, next: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${h.rt.apiUrl}${next}`);
    expect(new URL(page.url()).pathname).toBe('/review/sign-in');
    await page.fill('input[name=key]', key);
    await page.click('form[action="/review/sign-in"] button[type=submit]');
    await page.waitForURL((u) => u.pathname === next);
    return page;
  }

  beforeAll(async () => {
    evidenceDir = await mkdtemp(path.join(tmpdir(), 'tw-evidence-'));
    h = await startHarness({ workers: [], api: true }, { EVIDENCE_DIR: evidenceDir });
    browser = await launchBrowser();
    await mkdir(OUT, { recursive: true });
    const [fa, en] = await seedReviewItems(h.db, [
      { platform: 'tiktok', status: 'confirmed', text: PERSIAN, language: 'fa', category: 'boat_crossing' },
      { platform: 'tiktok', status: 'confirmed', text: 'Boat to UK this week, WhatsApp +44 7700 900123', language: 'en' },
    ]);
    const at = (cue: string) => ({ start: PERSIAN.indexOf(cue), end: PERSIAN.indexOf(cue) + cue.length });
    await h.db.prisma.classification.updateMany({
      where: { postId: fa!.postId },
      data: {
        // Offsets as the detector writes them (UTF-16 code units into the text).
        signals: [
          { type: 'concept:transport', value: 'بلم', ...at('بلم'), gloss: 'boat (slang for an inflatable dinghy)' },
          { type: 'route', value: 'dest:uk', ...at('انگلیس') },
          { type: 'phone', value: '+447911123456', ...at('+44 7911 123456') },
        ],
      },
    });
    const { id: platformId } = await h.db.prisma.platform.findUniqueOrThrow({ where: { name: 'tiktok' } });
    const mk = async (postId: string, createdAt: Date) =>
      (
        await h.db.prisma.referral.create({
          data: { postId, platformId, status: 'sent', idempotencyKey: `${platformId}:${postId}`, sentAt: createdAt, createdAt },
        })
      ).id;
    referralId = await mk(fa!.postId, new Date());
    otherId = await mk(en!.postId, new Date(Date.now() - 3 * 86_400_000));
    // A real PNG as the captured screenshot.
    const shot = await browser.newPage({ viewport: { width: 480, height: 200 } });
    await shot.setContent(`<body style="font:20px sans-serif"><p dir="rtl">${PERSIAN}</p></body>`);
    const folder = path.join(evidenceDir, referralId);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'screenshot.png'), await shot.screenshot());
    await shot.close();
    await h.db.prisma.referral.update({
      where: { id: referralId },
      data: {
        evidence: {
          capturedAt: new Date().toISOString(),
          finalUrl: 'https://www.tiktok.com/@x/video/1',
          httpStatus: 200,
          screenshotSha256: 'a'.repeat(64),
          htmlSha256: null,
          files: { screenshot: path.join(folder, 'screenshot.png'), html: null },
          error: null,
        },
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  it('acknowledges, asks for more information, gets the lead’s answer, and marks the referral actioned', async () => {
    const page = await signIn(await h.key('platform', { platform: 'tiktok', name: 'TikTok Trust & Safety' }), '/platform');
    expect(await page.textContent('h2')).toContain('Referrals to tiktok');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // Newest first; the Persian snippet carries its language and direction.
    const snippet = rows.nth(0).locator('span[lang=fa]');
    expect(await snippet.getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'list.png'), fullPage: true });

    await rows.nth(0).locator('a').click();
    await page.waitForURL(/\/platform\/referrals\//);
    const post = page.locator('[data-testid=post-text]');
    expect(
      await post.evaluate(
        (el) => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(el).direction,
      ),
    ).toBe('rtl');
    // The phone number is isolated left to right inside the right-to-left text, so it reads +44 7911 123456.
    const phone = post.locator('bdi[dir=ltr]');
    expect(await phone.textContent()).toBe('+44 7911 123456');
    await post.screenshot({ path: path.join(OUT, 'post-text.png') });
    // Laid out left to right on screen: the "+" left of "44", "44" left of "123456".
    const xs = await phone.evaluate((el) => {
      const doc = (
        globalThis as unknown as {
          document: {
            createRange(): {
              setStart(n: unknown, o: number): void;
              setEnd(n: unknown, o: number): void;
              getBoundingClientRect(): { x: number };
            };
          };
        }
      ).document;
      const node = (el as unknown as { firstChild: unknown }).firstChild;
      return [0, 1, 9].map((i) => {
        const r = doc.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().x;
      });
    });
    expect(xs[0]!).toBeLessThan(xs[1]!);
    expect(xs[1]!).toBeLessThan(xs[2]!);
    expect(
      await phone.evaluate(
        (el) => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(el).direction,
      ),
    ).toBe('ltr');
    expect(await post.textContent()).toContain('+44 7911 123456');
    const cues = await page.textContent('[data-testid=cues]');
    expect(cues).toContain('destination: UK');
    expect(cues).toContain('boat (slang for an inflatable dinghy)');
    expect(await page.textContent('[data-testid=summary]')).toMatch(/small-boat sea crossings.*confirmed by a human reviewer/);
    expect(
      await page.locator('img[alt^="Screenshot of post"]').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(480);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'referral.png'), fullPage: true });

    await page.fill('#ack-ticket', 'TT-4711');
    await page.click('form[aria-label=Acknowledge] button');
    await page.waitForURL(/done=/);
    expect(await page.textContent('[data-testid=status]')).toBe('acknowledged');
    expect(await page.textContent('[role=status]')).toContain('referral acknowledged');

    await page.fill('#info-question', 'Is +44 7911 123456 the same seller as in our ticket TT-4700?');
    await page.click('form[aria-label="Ask for more information"] button');
    await page.waitForURL(/done=/);
    expect(await page.textContent('[data-testid=status]')).toContain('question asked');
    expect(await page.textContent('[data-testid=question]')).toContain('TT-4700');
    await page.screenshot({ path: path.join(OUT, 'question-asked.png'), fullPage: true });

    // The question lands in the lead's queue, who answers it there.
    const lead = await signIn(await h.key('lead', { name: 'Lead Layla' }), '/review/questions');
    expect(await lead.textContent('[data-testid=question]')).toContain('TT-4700');
    expect(await axeViolations(lead)).toEqual([]);
    await lead.screenshot({ path: path.join(OUT, 'lead-questions.png'), fullPage: true });
    await lead.getByLabel(/Answer to tiktok about post/).fill('Yes — the same number appears in four of our referrals to you this month.');
    await lead.getByRole('button', { name: /Send answer/ }).click();
    await lead.waitForURL(/done=/);
    expect(await lead.textContent('[role=status]')).toContain('the referral is acknowledged again');
    expect(await lead.textContent('main')).toContain('No open questions.');

    await page.reload();
    expect(await page.textContent('[data-testid=status]')).toBe('acknowledged');
    expect(await page.textContent('[data-testid=answer]')).toContain('Lead Layla');
    await page.click('form[aria-label="Mark as actioned"] button');
    await page.waitForURL(/done=/);
    expect(await page.textContent('[data-testid=status]')).toContain('actioned');
    expect(await page.textContent('[data-testid=history]')).toContain('question answered, by Lead Layla');
    await page.screenshot({ path: path.join(OUT, 'actioned.png'), fullPage: true });

    const audit = await h.db.prisma.auditEvent.findMany({ where: { subjectId: referralId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['referral.acknowledged', 'referral.needs_info', 'referral.answer', 'referral.actioned']);
    expect(audit.filter((a) => (a.after as { via?: string }).via === 'platform-page')).toHaveLength(3);
    const r = await h.db.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(r).toMatchObject({ status: 'actioned', ticketId: 'TT-4711' });

    // The status filter narrows the list; the other referral is still waiting.
    await page.goto(`${h.rt.apiUrl}/platform?status=sent`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr a').getAttribute('href')).toContain(otherId);
    // The date range: from today shows only today's referral; up to three days ago only the older one.
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await page.goto(`${h.rt.apiUrl}/platform?from=${day(new Date())}`);
    expect(await page.locator('tbody tr a').getAttribute('href')).toContain(referralId);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(`${h.rt.apiUrl}/platform?to=${day(new Date(Date.now() - 3 * 86_400_000))}`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr a').getAttribute('href')).toContain(otherId);
    expect(await page.inputValue('#f-to')).toBe(day(new Date(Date.now() - 3 * 86_400_000)));
    await page.context().close();
    await lead.context().close();
  });

  it('keeps another platform’s key out of the referral and its evidence', async () => {
    const page = await signIn(await h.key('platform', { platform: 'facebook' }), '/platform');
    expect(await page.locator('tbody tr').count()).toBe(0);
    const res = await page.goto(`${h.rt.apiUrl}/platform/referrals/${referralId}`);
    expect(res!.status()).toBe(404);
    const file = await page.request.get(`${h.rt.apiUrl}/platform/referrals/${referralId}/evidence/screenshot.png`);
    expect(file.status()).toBe(404);
    // And a reviewer's key cannot use /platform at all.
    await page.context().close();
    const reviewer = await signIn(await h.key('reviewer'), '/review');
    const forbidden = await reviewer.goto(`${h.rt.apiUrl}/platform`);
    expect(forbidden!.status()).toBe(403);
    await reviewer.context().close();
  });
});
