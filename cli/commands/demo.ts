import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { createApiKey } from '../../api/auth/keys.ts';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { recordDemoRedis } from '../../core/demo-redis.ts';
import { startRuntime } from '../runtime.ts';
import { waitForDrain } from '../../workers/drain.ts';
import { QUEUE_NAMES } from '../../core/jobs.ts';
import { demoSummary } from '../demo-summary.ts';
import { formatFileErrors, ingestFile } from '../ingest-file.ts';
import { chooseRedis } from '../private-redis.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../samples/posts.jsonl');

export function demoCommand() {
  return new Command('demo')
    .description('run the whole pipeline on the sample posts, print a summary, keep the API up')
    .option('--once', 'exit after the summary')
    .option('--file <file>', 'posts to ingest', SAMPLES)
    .action(async (opts: { once?: boolean; file: string }) => {
      const base = loadConfig();
      const redis = await chooseRedis(base.redisUrlExplicit ? base.redisUrl : undefined, base.redisUrl);
      // The sample posts carry real platform URLs: the stages that would fetch them stay off unless asked for.
      const fetchStages = {
        EVIDENCE_CAPTURE: process.env.EVIDENCE_CAPTURE || 'off',
        LIVENESS_SCHEDULE: process.env.LIVENESS_SCHEDULE || 'off',
      };
      const loaded = loadConfig({ ...process.env, ...fetchStages, REDIS_URL: redis.url });
      // The demo's notices go to no real platform: its placeholder sender is allowed here only.
      const config = { ...loaded, notice: { ...loaded.notice, placeholderSenderAllowed: true } };
      const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'tidewatch-demo');
      const tty = process.stderr.isTTY === true;
      process.stdout.write(`redis: ${redis.child ? `private redis-server at ${redis.url}` : redis.url}\n`);
      process.stdout.write(`database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}\n`);
      const fetchesOff = fetchStages.EVIDENCE_CAPTURE === 'off' && fetchStages.LIVENESS_SCHEDULE === 'off';
      process.stdout.write(
        `evidence capture: ${fetchStages.EVIDENCE_CAPTURE}, liveness checks: ${fetchStages.LIVENESS_SCHEDULE}${fetchesOff ? ' (off in the demo: the sample posts link to real sites; set EVIDENCE_CAPTURE=on or LIVENESS_SCHEDULE to fetch them)' : ''}\n`,
      );

      const rt = await startRuntime(config, log, { workers: QUEUE_NAMES, api: true }).catch(async (err: unknown) => {
        await redis.stop();
        throw err;
      });
      // Commands beside an embedded demo share its database; they must share its Redis too.
      const forgetRedis = rt.database.embedded ? await recordDemoRedis(config.dataDir, redis.url) : async () => undefined;
      const stopAll = async () => {
        await forgetRedis();
        await rt.close();
        await redis.stop();
      };
      try {
        const res = await ingestFile(rt, opts.file, { progress: tty });
        process.stdout.write(`queued ${res.queued} posts from ${opts.file}\n`);
        if (res.errors.length) process.stdout.write(`rejected:\n${formatFileErrors(res.errors)}\n`);

        const bar = new SingleBar(
          { format: 'pipeline [{bar}] {value}/{total} posts routed', hideCursor: true, noTTYOutput: !tty, notTTYSchedule: 2_000 },
          Presets.shades_classic,
        );
        bar.start(res.postIds.length, 0);
        const routed = () => rt.database.db.prisma.post.count({ where: { id: { in: res.postIds }, outcome: { not: 'pending' } } });
        await waitForDrain(rt.queues, {
          onTick: async () => bar.update(await routed()),
          done: async () => (await routed()) === res.postIds.length,
          intervalMs: 200,
          timeoutMs: 10 * 60_000,
        });
        bar.update(res.postIds.length);
        bar.stop();
        process.stdout.write(`\n${await demoSummary(rt.database.db, res.postIds)}\n\n`);
      } catch (err) {
        await stopAll();
        throw err;
      }
      if (opts.once) {
        await stopAll();
        return;
      }
      // Keys so the person running the demo can try every page and the API straight away: a lead
      // key for the daily work, and an admin key for what only admins may open (the queue dashboard).
      const [demoKey, adminKey] = await Promise.all([
        createApiKey(rt.database.db, { role: 'lead', name: 'demo lead', createdBy: 'cli:demo' }),
        createApiKey(rt.database.db, { role: 'admin', name: 'demo admin', createdBy: 'cli:demo' }),
      ]).catch(async (err: unknown) => {
        await stopAll();
        throw err;
      });
      process.stdout.write(
        [
          `API running on ${rt.apiUrl}: docs ${rt.apiUrl}/docs, review page ${rt.apiUrl}/review`,
          `sign in / Authorization: Bearer ${demoKey.key}   (a lead key made for this demo; revoke with: npx tidewatch keys revoke ${demoKey.id})`,
          `admin key: ${adminKey.key}   (for ${rt.apiUrl}/admin/queues and everything else; revoke with: npx tidewatch keys revoke ${adminKey.id})`,
          'Ctrl-C to stop',
          '',
        ].join('\n'),
      );
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        stopAll().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
