/**
 * `tidewatch referrals redeliver` as an operator runs it: a platform's failed referrals go back to
 * `queued` with a `deliver` job each on the refer queue (same job id, so the failed one is
 * replaced), audited; a referral that is not failed is reported and the exit code says so.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../core/jobs.ts';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedSentReferrals } from '../test/platform-fixtures.ts';

describe('tidewatch referrals redeliver', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());
  const env = () => ({ DATABASE_URL: iso.databaseUrl, REDIS_URL: iso.config.redisUrl, QUEUE_PREFIX: iso.config.queuePrefix });

  it('re-queues a platform’s failed referrals for delivery and reports one that is not failed', async () => {
    const [a, b] = await seedSentReferrals(iso.db, 'tiktok', 2);
    const [other] = await seedSentReferrals(iso.db, 'facebook', 1);
    await iso.db.prisma.referral.updateMany({ where: { id: { in: [a!, b!, other!] } }, data: { status: 'failed', lastError: 'HTTP 503' } });

    const run = await runCli(['referrals', 'redeliver', '--platform', 'tiktok'], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 of 2 referrals queued for re-delivery');
    const rows = await iso.db.prisma.referral.findMany({
      where: { id: { in: [a!, b!, other!] } },
      select: { id: true, status: true, lastError: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [a!]: 'queued', [b!]: 'queued', [other!]: 'failed' });
    expect(rows.find((r) => r.id === a)!.lastError).toBeNull();
    const audit = await iso.db.prisma.auditEvent.findMany({ where: { action: 'referral.redeliver' } });
    expect(audit.map((e) => e.subjectId).sort()).toEqual([a, b].sort());
    expect(audit.every((e) => e.actor.startsWith('cli:') && (e.after as { via?: string }).via === 'cli')).toBe(true);

    const queue = new Queue('refer', { connection: { url: iso.config.redisUrl }, prefix: iso.config.queuePrefix });
    try {
      const job = await queue.getJob(jobIds.deliver(a!));
      expect(job?.name).toBe('deliver');
      expect(await job!.getState()).toBe('waiting');
    } finally {
      await queue.close();
    }

    const again = await runCli(['referrals', 'redeliver', a!], env());
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/is queued, not failed/);
    const bad = await runCli(['referrals', 'redeliver', '--status', 'sent', '--platform', 'tiktok'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/only failed referrals/);
  });
});
