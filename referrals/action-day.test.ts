import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { closeQueues, createRedis, openQueues, type Queues } from '../core/queues.ts';
import { referralKey } from './create-referral.ts';
import { actionDayReport, runActionDay } from './action-day.ts';

describe('action day', () => {
  let iso: Isolated;
  let dir: string;
  let redis: ReturnType<typeof createRedis>;
  let queues: Queues;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tw-actionday-'));
    iso = await isolate({ EXPORT_DIR: dir });
    redis = createRedis(iso.config.redisUrl);
    queues = openQueues(redis, iso.config.queuePrefix);
  });
  afterAll(async () => {
    await closeQueues(queues);
    redis.disconnect();
    await iso?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('batches confirmed, unreferred items of one platform, exports them once, and reports outcomes', async () => {
    const telegram = await iso.db.prisma.platform.update({ where: { name: 'telegram' }, data: { deliveryMode: 'export' } });
    const seeded = await seedReviewItems(iso.db, [
      { platform: 'telegram', status: 'confirmed', text: 'Boat to UK, 1500€, Telegram @boatuk' },
      { platform: 'telegram', status: 'confirmed', text: 'Lorry to England, 2000£, WhatsApp' },
      { platform: 'telegram', status: 'confirmed', text: 'Flight with passport, 8000$' },
      { platform: 'telegram', status: 'open', text: 'Boat this week?' },
      { platform: 'x', status: 'confirmed', text: 'Boat to Italy, 900€' },
    ]);
    // The third was already referred by the normal path: it must not be notified again.
    await iso.db.prisma.referral.create({
      data: { postId: seeded[2]!.postId, platformId: telegram.id, idempotencyKey: referralKey(telegram.id, seeded[2]!.postId) },
    });

    const res = await runActionDay({ db: iso.db, config: iso.config, queues }, { platform: 'telegram', actor: 'test' });
    expect(res).toMatchObject({ referrals: 2, mode: 'export' });
    const bundle = JSON.parse(await readFile(path.join(res.exportFolder!, 'notices.json'), 'utf8')) as {
      count: number;
      notices: { content: { puid: string } }[];
    };
    expect(bundle.count).toBe(2);
    const csv = await readFile(path.join(res.exportFolder!, 'notices.csv'), 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    const batch = await iso.db.prisma.referral.findMany({ where: { batchId: res.batchId! } });
    expect(batch.map((r) => r.postId).sort()).toEqual([seeded[0]!.postId, seeded[1]!.postId].sort());
    expect(batch.every((r) => r.status === 'sent' && r.sentAt && r.notice)).toBe(true);
    expect(await iso.db.prisma.auditEvent.count({ where: { subjectId: res.batchId!, action: 'action_day.create' } })).toBe(1);

    // Nothing is sent twice.
    expect((await runActionDay({ db: iso.db, config: iso.config, queues }, { platform: 'telegram', actor: 'test' })).batchId).toBeNull();

    // The platform acknowledges one, and it comes down two hours after sending.
    const [a] = batch;
    await iso.db.prisma.referral.update({
      where: { id: a!.id },
      data: {
        status: 'confirmed_offline',
        acknowledgedAt: new Date(a!.sentAt!.getTime() + 600_000),
        offlineAt: new Date(a!.sentAt!.getTime() + 2 * 3_600_000),
      },
    });
    expect(await actionDayReport(iso.db, res.batchId!)).toMatchObject({
      platform: 'telegram',
      referrals: 2,
      sent: 2,
      acknowledged: 1,
      removed: 1,
      removalRate: 0.5,
      medianHoursToRemoval: 2,
    });

    const env = { DATABASE_URL: iso.databaseUrl, REDIS_URL: iso.config.redisUrl, QUEUE_PREFIX: iso.config.queuePrefix };
    const report = await runCli(['action-day', 'report', res.batchId!], env);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/removed\s+1\n/);
    expect(report.stdout).toMatch(/removal rate\s+50\.0 %/);
    expect(report.stdout).toMatch(/median time to removal\s+2\.0 h/);
    const unknown = await runCli(['action-day', '--platform', 'myspace'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown platform "myspace"');
  });
});
