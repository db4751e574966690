import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import { DELIVERY_MODES, listPlatforms, PlatformError, upsertPlatform, type PlatformSettings } from '../../referrals/platforms.ts';
import type { DeliveryMode } from '../../generated/prisma/enums.ts';
import type { Database } from '../../core/db/database.ts';
import { withCommandDatabase } from '../process-lifecycle.ts';
import { printTable } from '../print-table.ts';

const withDb = <T>(fn: (db: Database['db'], secretsKey: string | undefined) => Promise<T>) =>
  withCommandDatabase([PlatformError], (db, config) => fn(db, config.secretsKey));

type Opts = {
  displayName?: string;
  delivery?: DeliveryMode;
  webhookUrl?: string;
  signingSecret?: string;
  autoRefer?: boolean;
  offlinePattern?: string[];
  holdForActionDay?: boolean;
};

const settings = (o: Opts): PlatformSettings => ({
  displayName: o.displayName,
  deliveryMode: o.delivery,
  webhookUrl: o.webhookUrl === '' ? null : o.webhookUrl,
  signingSecret: o.signingSecret === 'none' ? null : o.signingSecret,
  autoRefer: o.autoRefer,
  offlinePatterns: o.offlinePattern,
  holdForActionDay: o.holdForActionDay,
});

function withOptions(c: Command): Command {
  return c
    .option('--display-name <name>', 'name shown to people')
    .addOption(new Option('--delivery <mode>', 'how referrals reach the platform').choices(DELIVERY_MODES))
    .option('--webhook-url <url>', 'receiver for webhook delivery')
    .option('--signing-secret <secret>', 'whsec_<base64>, "generate" (printed once), or "none"')
    .option('--auto-refer', 'refer above-threshold items without a reviewer')
    .option('--no-auto-refer', 'only refer items a reviewer confirmed')
    .option('--offline-pattern <regex...>', 'page text meaning "content unavailable" (replaces the list)')
    .option('--hold-for-action-day', 'confirmed items wait (referral queued, held) until `action-day` sends them')
    .option('--no-hold-for-action-day', 'deliver each confirmation as soon as it is made');
}

/**
 * `tidewatch platforms add|update|list`: per-platform referral delivery. A generated signing
 * secret is printed once, alone on stdout (like API keys); afterwards `list` only says whether
 * one is set.
 */
export function platformsCommand() {
  const cmd = new Command('platforms').description('platforms and how referrals are delivered to them');
  const save = (create: boolean) => async (name: string, o: Opts) => {
    const actor = `cli:${userInfo().username}`;
    const r = await withDb((db, key) => upsertPlatform(db, name, settings(o), key, create));
    process.stderr.write(`${create ? 'added' : 'updated'} platform ${name} (by ${actor})\n`);
    if (r.generatedSecret) {
      process.stderr.write('signing secret (store it now, it will not be shown again):\n');
      process.stdout.write(`${r.generatedSecret}\n`);
    }
  };
  withOptions(cmd.command('add').description('add a platform').argument('<name>')).action(save(true));
  withOptions(cmd.command('update').description('change a platform’s settings').argument('<name>')).action(save(false));
  cmd
    .command('list')
    .description('list platforms (never their secrets)')
    .option('--json', 'JSON lines')
    .action(async (o: { json?: boolean }) => {
      const rows = await withDb((db) => listPlatforms(db));
      if (o.json) return void rows.forEach((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
      const table = [['NAME', 'DELIVERY', 'WEBHOOK', 'SECRET', 'AUTO-REFER', 'HOLD', 'OFFLINE-PATTERNS']].concat(
        rows.map((r) => [
          r.name,
          r.deliveryMode,
          r.webhookUrl ?? '-',
          r.signingSecret,
          String(r.autoRefer),
          r.holdForActionDay ? 'action day' : '-',
          r.offlinePatterns.join(' | ') || '-',
        ]),
      );
      printTable(table);
    });
  return cmd;
}
