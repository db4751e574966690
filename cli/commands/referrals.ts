/**
 * `tidewatch referrals redeliver [ID…] [--platform P] [--status failed]`: sends failed referrals
 * again (referrals/redeliver.ts): each goes back to `queued`, audited as `referral.redeliver`, and
 * onto the `refer` queue with its original idempotency key. A running worker delivers them.
 */
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { redeliverFailed } from '../../referrals/redeliver.ts';
import { UsageError } from '../process-lifecycle.ts';
import { startRuntime } from '../runtime.ts';

export function referralsCommand() {
  const cmd = new Command('referrals').description('operate on referrals (re-delivery)');
  cmd
    .command('redeliver')
    .description('send failed referrals again, with the same webhook id (workers deliver them)')
    .argument('[ids...]', 'referral ids (or --platform P for all of that platform’s failed referrals)')
    .option('--platform <name>', 'only this platform’s failed referrals')
    .option('--status <status>', 'which referrals to re-deliver (only failed is allowed)', 'failed')
    .action(async (ids: string[], opts: { platform?: string; status: string }) => {
      if (opts.status !== 'failed') throw new UsageError(`--status ${opts.status}: only failed referrals can be re-delivered`);
      const bad = ids.find((id) => !/^[0-9a-f-]{36}$/i.test(id));
      if (bad) throw new UsageError(`"${bad}" is not a referral id`);
      if (!ids.length && !opts.platform)
        throw new UsageError('name referral ids or --platform P (re-delivering every platform’s failed referrals needs --platform)');
      const config = loadConfig();
      const rt = await startRuntime(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
      try {
        let platformId: number | undefined;
        if (opts.platform) {
          const p = await rt.database.db.prisma.platform.findUnique({ where: { name: opts.platform }, select: { id: true } });
          if (!p) throw new UsageError(`--platform: unknown platform ${opts.platform}`);
          platformId = p.id;
        }
        const results = await redeliverFailed(
          { db: rt.database.db, config: rt.config, queues: rt.queues },
          { ids, platformId },
          `cli:${userInfo().username}`,
          'cli',
        );
        for (const r of results)
          process.stdout.write(r.ok ? `${r.id}  queued for re-delivery\n` : `${r.id}  not re-delivered: ${r.error}\n`);
        const ok = results.filter((r) => r.ok).length;
        process.stdout.write(`${ok} of ${results.length} referrals queued for re-delivery\n`);
        if (results.some((r) => !r.ok)) process.exitCode = 1;
      } finally {
        await rt.close();
      }
    });
  return cmd;
}
