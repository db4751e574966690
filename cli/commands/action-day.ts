import { userInfo } from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { startRuntime } from '../runtime.ts';
import { ActionDayError, actionDayReport, runActionDay } from '../../referrals/action-day.ts';
import { UsageError } from '../process-lifecycle.ts';

function parseSince(since: string | undefined): Date | undefined {
  if (since === undefined) return undefined;
  const d = new Date(since);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--since: "${since}" is not a date (use e.g. 2026-11-01)`);
  return d;
}

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof startRuntime>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const rt = await startRuntime(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    return await fn(rt);
  } catch (err) {
    if (err instanceof ActionDayError) throw new UsageError(err.message);
    throw err;
  } finally {
    await rt.close();
  }
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
/** Hours in the unit that reads best: minutes under an hour, days from two days on. */
const duration = (h: number | null) =>
  h === null ? 'n/a' : h < 1 ? `${Math.round(h * 60)} min` : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`;

export function actionDayCommand() {
  const cmd = new Command('action-day')
    .description('refer every confirmed, unreferred item of one platform, and every referral held for its action day, in one batch')
    .option('--platform <name>', 'platform to send the batch to')
    .option('--since <date>', 'only items confirmed since this date')
    .action(async (opts: { platform?: string; since?: string }) => {
      if (!opts.platform) throw new UsageError('action-day needs --platform (or: action-day report ID)');
      const since = parseSince(opts.since);
      await withRuntime(async (rt) => {
        const res = await runActionDay(
          { db: rt.database.db, config: rt.config, queues: rt.queues },
          { platform: opts.platform!, since, actor: `cli:${userInfo().username}` },
        );
        if (!res.batchId) {
          process.stdout.write(`nothing to send: no confirmed, unreferred items for ${opts.platform}\n`);
          return;
        }
        const how =
          res.mode === 'export'
            ? `written to ${res.exportFolder}`
            : res.mode === 'webhook'
              ? 'queued for webhook delivery (workers send it)'
              : 'recorded; the platform has no delivery mode, send it by hand';
        process.stdout.write(
          `batch ${res.batchId}: ${res.referrals} referrals to ${opts.platform}, ${how}\nreport: npx tidewatch action-day report ${res.batchId}\n`,
        );
      });
    });
  cmd
    .command('report')
    .description("a batch's results, counted as /v1/stats counts them: sent, acknowledged, removed, removal rate, median time to removal")
    .argument('<id>', 'batch id printed by action-day')
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a batch id`);
      await withRuntime(async (rt) => {
        const r = await actionDayReport(rt.database.db, id);
        const rows: [string, string][] = [
          ['batch', `${r.batchId} (${r.platform}, ${r.createdAt.toISOString()})`],
          ['referrals', String(r.referrals)],
          ['not sent yet', String(r.unsent)],
          ['sent', String(r.sent)],
          ['acknowledged', String(r.acknowledged)],
          ['removed', String(r.removed)],
          ['declined', String(r.declined)],
          ['removal rate', pct(r.removalRate)],
          ['median time to removal', duration(r.medianHoursToRemoval)],
        ];
        process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(24)} ${v}`).join('\n')}\n`);
      });
    });
  return cmd;
}
