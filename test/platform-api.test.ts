/**
 * The platform API as a platform's integration uses it: the list with `since`, cursor paging and
 * delivery errors; bulk status reports with per-item results; `needs_info` questions answered by a
 * lead; evidence downloads only by the referral's own platform.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { seedSentReferrals } from './platform-fixtures.ts';

describe('platform API', () => {
  let h: Harness;
  let evidenceDir: string;
  let tiktok: string;
  let facebook: string;
  let admin: string;
  let lead: string;

  const get = async (p: string, key: string) => {
    const res = await h.request('GET', p, { key });
    return { status: res.status, body: (await res.json()) as any };
  };
  const post = async (p: string, key: string, body: unknown) => {
    const res = await h.request('POST', p, { key, body });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    evidenceDir = await mkdtemp(path.join(tmpdir(), 'tw-evidence-'));
    h = await startHarness({ workers: [], api: true }, { EVIDENCE_DIR: evidenceDir });
    tiktok = await h.key('platform', { platform: 'tiktok', name: 'TikTok T&S' });
    facebook = await h.key('platform', { platform: 'facebook' });
    admin = await h.key('admin');
    lead = await h.key('lead', { name: 'Lead Layla' });
  });
  afterAll(async () => {
    await h?.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  it('lists newest first in cursor pages, filters by since, and shows attempts and lastError', async () => {
    const ids = await seedSentReferrals(h.db, 'tiktok', 5);
    await seedSentReferrals(h.db, 'facebook', 1);
    // Distinct creation times, oldest first in `ids`.
    for (const [i, id] of ids.entries()) {
      await h.db.prisma.referral.update({ where: { id }, data: { createdAt: new Date(Date.UTC(2026, 10, 1 + i, 12)) } });
    }
    await h.db.prisma.referral.update({
      where: { id: ids[0]! },
      data: { status: 'failed', attempts: 4, lastError: 'HTTP 503 from https://hooks.example/referrals' },
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await get(`/v1/platform/referrals?limit=2${cursor ? `&cursor=${cursor}` : ''}`, tiktok);
      expect(page.status).toBe(200);
      expect(page.body.referrals.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.referrals.map((r: any) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const since = await get('/v1/platform/referrals?since=2026-11-03', tiktok);
    expect(since.body.referrals.map((r: any) => r.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect((await get('/v1/platform/referrals?since=2026-11-04T12:00:00Z', tiktok)).body.referrals).toHaveLength(2);

    const failed = await get('/v1/platform/referrals?status=failed', tiktok);
    expect(failed.body.referrals).toHaveLength(1);
    expect(failed.body.referrals[0]).toMatchObject({ id: ids[0], attempts: 4, lastError: 'HTTP 503 from https://hooks.example/referrals' });

    // Another platform's key sees none of them; a tampered cursor or a bad date is a 400 naming it.
    const other = await get('/v1/platform/referrals?limit=500', facebook);
    expect(other.body.referrals.some((r: any) => ids.includes(r.id))).toBe(false);
    expect((await get('/v1/platform/referrals?cursor=bm90LWEtY3Vyc29y', tiktok)).status).toBe(400);
    const badSince = await get('/v1/platform/referrals?since=yesterday', tiktok);
    expect(badSince.status).toBe(400);
    expect(badSince.body.error.message).toMatch(/since/);
  });

  it('applies a bulk report item by item, with a result per update', async () => {
    const [a, b, c, d] = await seedSentReferrals(h.db, 'tiktok', 4);
    const [theirs] = await seedSentReferrals(h.db, 'facebook', 1);
    await h.db.prisma.referral.update({ where: { id: d! }, data: { status: 'failed' } });
    const unknown = '0193a5b2-0000-7000-8000-000000000000';
    const res = await post('/v1/platform/referrals/status', tiktok, {
      updates: [
        { referralId: a, status: 'acknowledged', ticketId: 'TT-1' },
        { referralId: b, status: 'declined' },
        { referralId: c, status: 'needs_info', question: 'Which of the two phone numbers is the smuggler’s?' },
        { referralId: d, status: 'actioned' },
        { referralId: theirs, status: 'actioned' },
        { referralId: unknown, status: 'actioned' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => [r.referralId, r.ok, r.status ?? r.error.code])).toEqual([
      [a, true, 'acknowledged'],
      [b, false, 'bad_request'],
      [c, true, 'needs_info'],
      [d, false, 'conflict'],
      [theirs, false, 'not_found'],
      [unknown, false, 'not_found'],
    ]);
    expect(res.body.results[1].error.message).toMatch(/reason/);
    const states = await h.db.prisma.referral.findMany({
      where: { id: { in: [a!, b!, c!, d!, theirs!] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(states.map((s) => [s.id, s.status]))).toEqual({
      [a!]: 'acknowledged',
      [b!]: 'sent',
      [c!]: 'needs_info',
      [d!]: 'failed',
      [theirs!]: 'sent',
    });
    // Each applied update wrote its own audit event; the refused ones wrote none.
    const audit = await h.db.prisma.auditEvent.findMany({ where: { subjectId: { in: [a!, b!, c!, d!, theirs!] } } });
    expect(audit.map((e) => [e.subjectId, e.action]).sort()).toEqual(
      [
        [a, 'referral.acknowledged'],
        [c, 'referral.needs_info'],
      ].sort(),
    );
    const tooMany = await post('/v1/platform/referrals/status', tiktok, {
      updates: Array.from({ length: 501 }, () => ({ referralId: a, status: 'actioned' })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/500/);
  });

  it('takes a question from the platform, lets a lead answer it, and shows the answer to the platform', async () => {
    const [id] = await seedSentReferrals(h.db, 'tiktok', 1);
    const ask = await post(`/v1/platform/referrals/${id}/status`, tiktok, { referralId: id, status: 'needs_info' });
    expect(ask.status).toBe(400);
    expect(ask.body.error.message).toMatch(/question/);
    expect(
      (
        await post(`/v1/platform/referrals/${id}/status`, tiktok, {
          referralId: id,
          status: 'needs_info',
          question: 'Is the account a reseller?',
        })
      ).status,
    ).toBe(200);

    // Only a lead's answer takes it out of needs_info back to sent/acknowledged, not a platform report.
    const skip = await post(`/v1/platform/referrals/${id}/status`, tiktok, { referralId: id, status: 'acknowledged', ticketId: 'TT-0' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toMatch(/is needs_info; it cannot become acknowledged \(this move is made only from sent\)/);
    expect((await post(`/v1/referrals/${id}/answer`, await h.key('reviewer'), { answer: 'no' })).status).toBe(403);
    const answered = await post(`/v1/referrals/${id}/answer`, lead, { answer: 'Yes: the same number advertises three crossings a week.' });
    expect(answered).toEqual({ status: 200, body: { id, status: 'sent' } });
    expect((await post(`/v1/referrals/${id}/answer`, lead, { answer: 'again' })).status).toBe(409);

    const seen = (await get('/v1/platform/referrals?status=sent&limit=500', tiktok)).body.referrals.find((r: any) => r.id === id);
    expect(seen.infoRequest).toMatchObject({
      question: 'Is the account a reseller?',
      answer: 'Yes: the same number advertises three crossings a week.',
      answeredBy: 'Lead Layla',
    });
    const audit = await h.db.prisma.auditEvent.findMany({ where: { subjectId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['referral.needs_info', 'referral.answer']);
    // Having acknowledged first, an answer returns the referral to acknowledged.
    await post(`/v1/platform/referrals/${id}/status`, tiktok, { referralId: id, status: 'acknowledged', ticketId: 'TT-9' });
    await post(`/v1/platform/referrals/${id}/status`, tiktok, {
      referralId: id,
      status: 'needs_info',
      question: 'And the second account?',
    });
    expect((await post(`/v1/referrals/${id}/answer`, lead, { answer: 'Same person.' })).body.status).toBe('acknowledged');
  });

  it('serves evidence files to the referral’s own platform only, and never a path outside its folder', async () => {
    const [id, stray] = await seedSentReferrals(h.db, 'tiktok', 2);
    const folder = path.join(evidenceDir, id!);
    await mkdir(folder, { recursive: true });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await writeFile(path.join(folder, 'screenshot.png'), png);
    await writeFile(path.join(folder, 'page.html'), '<script>alert(1)</script>');
    await h.db.prisma.referral.update({
      where: { id: id! },
      data: { evidence: { files: { screenshot: path.join(folder, 'screenshot.png'), html: path.join(folder, 'page.html') }, error: null } },
    });
    // A record pointing elsewhere (another referral's folder) is refused even for the owner.
    await h.db.prisma.referral.update({
      where: { id: stray! },
      data: { evidence: { files: { screenshot: path.join(folder, 'screenshot.png'), html: null }, error: null } },
    });

    const own = await h.request('GET', `/v1/platform/referrals/${id}/evidence/screenshot.png`, { key: tiktok });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer()).equals(png)).toBe(true);
    const html = await h.request('GET', `/v1/platform/referrals/${id}/evidence/page.html`, { key: tiktok });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    await html.arrayBuffer();

    expect((await h.request('GET', `/v1/platform/referrals/${id}/evidence/screenshot.png`, { key: facebook })).status).toBe(404);
    expect((await h.request('GET', `/v1/platform/referrals/${id}/evidence/screenshot.png`, { key: admin })).status).toBe(200);
    expect((await h.request('GET', `/v1/platform/referrals/${stray}/evidence/screenshot.png`, { key: tiktok })).status).toBe(404);
    expect((await h.request('GET', `/v1/platform/referrals/${id}/evidence/..%2f..%2fetc%2fpasswd`, { key: tiktok })).status).toBe(400);
    const listed = (await get('/v1/platform/referrals?limit=500', tiktok)).body.referrals.find((r: any) => r.id === id);
    expect(listed.evidenceFiles).toEqual(['screenshot.png', 'page.html']);
  });
});
