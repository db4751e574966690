/**
 * Action days as an operator runs them (issue #19 point 4): a platform set to hold confirmations
 * gets a held referral per confirmation, visibly waiting (API), while other platforms are still
 * referred at once; `action-day` sends the held ones in one batch; the platform reports through
 * its API; and `action-day report` counts the batch exactly as `/v1/stats` does.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { startHarness, type Harness, until } from './harness.ts';
import { seedReviewItems } from './review-fixtures.ts';

describe('action days with held confirmations', () => {
  let h: Harness;
  let dir: string;
  let env: Record<string, string>;
  let reviewer: string;
  let analyst: string;
  let lead: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tw-actionday-hold-'));
    h = await startHarness({ workers: ['refer'], api: true }, { EXPORT_DIR: dir });
    env = { DATABASE_URL: h.databaseUrl, REDIS_URL: h.config.redisUrl, QUEUE_PREFIX: h.config.queuePrefix, EXPORT_DIR: dir };
    [reviewer, analyst, lead] = await Promise.all([h.key('reviewer'), h.key('analyst'), h.key('lead')]);
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A reviewer claims and confirms the item, as on the review page. */
  async function confirm(itemId: string) {
    expect((await h.request('POST', `/v1/review/items/${itemId}/claim`, { key: reviewer })).status).toBe(200);
    const res = await h.request('POST', `/v1/review/items/${itemId}/decision`, {
      key: reviewer,
      body: { action: 'confirm', reasonCode: 'smuggling_offer' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  it('holds confirmations until the action day, sends them in one batch, and reports removals as /v1/stats does', async () => {
    const hold = await runCli(['platforms', 'update', 'telegram', '--delivery', 'export', '--hold-for-action-day'], env);
    expect(hold.code, hold.stderr).toBe(0);
    expect((await runCli(['platforms', 'update', 'facebook', '--delivery', 'export'], env)).code).toBe(0);
    const list = await runCli(['platforms', 'list', '--json'], env);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; holdForActionDay: boolean });
    expect(rows.find((r) => r.name === 'telegram')?.holdForActionDay).toBe(true);
    expect(rows.find((r) => r.name === 'facebook')?.holdForActionDay).toBe(false);

    const items = await seedReviewItems(h.db, [
      { platform: 'telegram', text: 'Boat to UK, 1500€, Telegram @boatuk' },
      { platform: 'telegram', text: 'Lorry to England, 2000£, WhatsApp +44 7700 900555' },
      { platform: 'facebook', text: 'Boat to Italy, 900€' },
    ]);
    for (const item of items) await confirm(item.id);

    // The platform without a hold is referred (and exported) at once…
    const immediate = await until(() => h.db.prisma.referral.findFirst({ where: { postId: items[2]!.postId, status: 'sent' } }));
    expect(immediate.heldForActionDay).toBe(false);
    // …while the held platform's confirmations wait, created but not delivered.
    const held = await until(async () => {
      const rs = await h.db.prisma.referral.findMany({ where: { postId: { in: [items[0]!.postId, items[1]!.postId] } } });
      return rs.length === 2 && rs;
    });
    await h.drain();
    for (const r of await h.db.prisma.referral.findMany({ where: { id: { in: held.map((r) => r.id) } } })) {
      expect(r).toMatchObject({ status: 'queued', heldForActionDay: true, sentAt: null, notice: null, batchId: null });
    }
    // Visible to whoever looks the post up.
    const lookup = await h.request('GET', `/v1/posts/${items[0]!.postId}`, { key: analyst });
    expect(lookup.status).toBe(200);
    const record = (await lookup.json()) as {
      platformHoldsForActionDay: boolean;
      referrals: { status: string; heldForActionDay: boolean }[];
    };
    expect(record.platformHoldsForActionDay).toBe(true);
    expect(record.referrals).toMatchObject([{ status: 'queued', heldForActionDay: true }]);

    // The action day sends exactly the held ones, in one bundle.
    const day = await runCli(['action-day', '--platform', 'telegram'], env);
    expect(day.code, day.stderr).toBe(0);
    const batchId = /batch ([0-9a-f-]{36}): 2 referrals to telegram/.exec(day.stdout)?.[1];
    expect(batchId, day.stdout).toBeDefined();
    const sent = await h.db.prisma.referral.findMany({ where: { batchId: batchId! }, orderBy: { createdAt: 'asc' } });
    expect(sent.map((r) => r.id).sort()).toEqual(held.map((r) => r.id).sort());
    expect(sent.every((r) => r.status === 'sent' && r.sentAt && !r.heldForActionDay)).toBe(true);
    const bundle = JSON.parse(await readFile(path.join(dir, 'telegram', batchId!, 'notices.json'), 'utf8')) as { count: number };
    expect(bundle.count).toBe(2);
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'referral.released', subjectId: { in: held.map((r) => r.id) } } })).toBe(
      2,
    );
    expect((await runCli(['action-day', '--platform', 'telegram'], env)).stdout).toContain('nothing to send');

    // The platform acknowledges both, takes one down and declines the other; no liveness check ran.
    const platformKey = await h.key('platform', { platform: 'telegram' });
    const report = (id: string, body: Record<string, unknown>) =>
      h.request('POST', `/v1/platform/referrals/${id}/status`, { key: platformKey, body: { referralId: id, ...body } });
    const [a, b] = sent;
    expect((await report(a!.id, { status: 'acknowledged', ticketId: 'T-1' })).status).toBe(200);
    expect((await report(a!.id, { status: 'actioned' })).status).toBe(200);
    expect((await report(b!.id, { status: 'acknowledged', ticketId: 'T-2' })).status).toBe(200);
    expect((await report(b!.id, { status: 'declined', reason: 'not illegal here' })).status).toBe(200);

    const cli = await runCli(['action-day', 'report', batchId!], env);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/sent\s+2\n/);
    expect(cli.stdout).toMatch(/removed\s+1\n/);
    expect(cli.stdout).toMatch(/declined\s+1\n/);
    expect(cli.stdout).toMatch(/removal rate\s+50\.0 %/);

    // The same figures as the analytics, on the same data (the batch is all telegram sent today).
    const { actionDayReport } = await import('../referrals/action-day.ts');
    const r = await actionDayReport(h.db, batchId!);
    const today = new Date().toISOString().slice(0, 10);
    const statsRes = await h.request('GET', `/v1/stats?from=${today}&to=${today}&batch=${batchId!}`, { key: lead });
    expect(statsRes.status).toBe(200);
    const stats = (await statsRes.json()) as {
      counts: Record<string, { posts: number }>;
      removalRate: number | null;
      timeToRemovalHours: { median: number | null };
    };
    expect(r).toMatchObject({ referrals: 2, unsent: 0, sent: 2, acknowledged: 2, removed: 1, declined: 1, removalRate: 0.5 });
    expect({
      sent: r.sent,
      acknowledged: r.acknowledged,
      removed: r.removed,
      declined: r.declined,
      removalRate: r.removalRate,
      median: r.medianHoursToRemoval,
    }).toEqual({
      sent: stats.counts.referred!.posts,
      acknowledged: stats.counts.acknowledged!.posts,
      removed: stats.counts.removed!.posts,
      declined: stats.counts.declined!.posts,
      removalRate: stats.removalRate,
      median: stats.timeToRemovalHours.median,
    });
  });

  it('refuses to send an action day under the placeholder sender, naming the settings to change', async () => {
    const res = await runCli(['action-day', '--platform', 'telegram'], {
      ...env,
      NOTIFIER_NAME: 'Tidewatch operator',
      NOTIFIER_EMAIL: 'referrals@tidewatch.invalid',
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('NOTIFIER_NAME');
    expect(res.stderr).toContain('NOTIFIER_EMAIL');
  });
});
