/**
 * Evidence with real Chromium: the referred page is captured before the notice goes out (here by
 * export delivery), files exist with the hashes the notice states, and a capture that keeps
 * failing is recorded without blocking the referral.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { startHarness, type Harness } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { startFakePlatform, type FakePlatform } from '../test/fake-platform.ts';
import { generateSigningSecret } from './secrets.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

describe('evidence capture and export delivery', () => {
  let h: Harness;
  let fake: FakePlatform;
  const dir = mkdtempSync(join(tmpdir(), 'tw-evidence-'));
  beforeAll(async () => {
    fake = await startFakePlatform(generateSigningSecret());
    // Port 9 (discard) is closed here: an allowed host whose capture keeps failing.
    h = await startHarness(
      { workers: ['refer', 'evidence'], api: false },
      {
        EVIDENCE_CAPTURE: 'on',
        EVIDENCE_DIR: join(dir, 'evidence'),
        EXPORT_DIR: join(dir, 'exports'),
        LIVENESS_SCHEDULE: '1d',
        FETCH_ALLOW_HOSTS: `${fake.hostPort},127.0.0.1:9`,
      },
    );
    await h.db.prisma.platform.update({ where: { name: 'youtube' }, data: { deliveryMode: 'export' } });
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function referred(url: string) {
    const { postId } = (await seedReviewItems(h.db, [{ platform: 'youtube', status: 'confirmed' }]))[0]!;
    await h.db.prisma.post.update({ where: { id: postId }, data: { url } });
    await h.rt.queues.refer.add('refer', { postId });
    const end = Date.now() + 45_000;
    for (;;) {
      const r = await h.db.prisma.referral.findFirst({ where: { postId, status: 'sent' } });
      if (r) return { r, post: await h.db.prisma.post.findUniqueOrThrow({ where: { id: postId } }) };
      if (Date.now() > end) throw new Error('not sent in time');
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  it('stores screenshot and HTML with correct hashes, and the exported notice carries them', async () => {
    const { r, post } = await referred(`${fake.url}/posts/ev1`);
    const ev = r.evidence as Record<string, any>;
    expect(ev.error).toBeNull();
    expect(ev.httpStatus).toBe(200);
    expect(ev.finalUrl).toBe(`${fake.url}/posts/ev1`);
    const png = readFileSync(ev.files.screenshot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(sha(png)).toBe(ev.screenshotSha256);
    const html = readFileSync(ev.files.html, 'utf8');
    expect(html).toContain('Post ev1');
    expect(sha(html)).toBe(ev.htmlSha256);
    expect(ev.textSha256).toBe(sha(post.text));

    const bundle = JSON.parse(readFileSync(join(dir, 'exports', 'youtube', r.id, 'notices.json'), 'utf8')) as { notices: any[] };
    const notice = bundle.notices[0];
    expect(notice.evidence.screenshotSha256).toBe(ev.screenshotSha256);
    expect(notice.content.textSha256).toBe(sha(post.text));
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('./notice.schema.json', import.meta.url), 'utf8')));
    expect(validate(notice), JSON.stringify(validate.errors)).toBe(true);
    const csv = readFileSync(join(dir, 'exports', 'youtube', r.id, 'notices.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^noticeId,url,puid/);
    expect(csv).toContain(r.id);
  });

  it('records a capture that keeps failing and sends the referral anyway', async () => {
    const { r } = await referred('http://127.0.0.1:9/unreachable');
    const ev = r.evidence as Record<string, any>;
    // Generic: no socket error text in what the platform sees.
    expect(ev.error).toBe('capture failed (attempt 3): page could not be loaded: network error');
    expect(ev.screenshotSha256).toBeNull();
  });
});
