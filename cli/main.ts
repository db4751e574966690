/**
 * `tidewatch` command line. Each subcommand lives in its own file under cli/commands/.
 *
 * Subcommands are imported only when run: the heavy ones pull in TensorFlow.js, the API and the
 * Prisma client, and loading all of them made every process start (workers restarted after a
 * crash included) pay for all of them.
 */
import { Command } from 'commander';
import { ConfigError } from '../core/config.ts';

type Loader = () => Promise<Command>;

const COMMANDS: Record<string, Loader> = {
  worker: async () => (await import('./commands/worker.ts')).workerCommand(),
  api: async () => (await import('./commands/api.ts')).apiCommand(),
  ingest: async () => (await import('./commands/ingest.ts')).ingestCommand(),
  demo: async () => (await import('./commands/demo.ts')).demoCommand(),
  db: async () => (await import('./commands/db.ts')).dbCommand(),
  'action-day': async () => (await import('./commands/action-day.ts')).actionDayCommand(),
  keys: async () => (await import('./commands/keys.ts')).keysCommand(),
  'export-labels': async () => (await import('./commands/export-labels.ts')).exportLabelsCommand(),
  classify: async () => (await import('./commands/classify.ts')).classifyCommand(),
  train: async () => (await import('./commands/train.ts')).trainCommand(),
  eval: async () => (await import('./commands/eval.ts')).evalCommand(),
  model: async () => (await import('./commands/model.ts')).modelCommand(),
  platforms: async () => (await import('./commands/platforms.ts')).platformsCommand(),
  purge: async () => (await import('./commands/purge.ts')).purgeCommand(),
  stats: async () => (await import('./commands/stats.ts')).statsCommand(),
  sessions: async () => (await import('./commands/sessions.ts')).sessionsCommand(),
  contacts: async () => (await import('./commands/contacts.ts')).contactsCommand(),
  referrals: async () => (await import('./commands/referrals.ts')).referralsCommand(),
};

const program = new Command('tidewatch')
  .description('Moderation pipeline for posts that advertise migrant-smuggling services')
  .showHelpAfterError();

// A known subcommand loads alone; anything else (--help, a typo) loads all so help lists them.
const wanted = process.argv[2];
const names = wanted !== undefined && wanted in COMMANDS ? [wanted] : Object.keys(COMMANDS);
for (const name of names) program.addCommand(await COMMANDS[name]!());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || (err as { code?: string }).code === 'TIDEWATCH_USAGE') {
    process.stderr.write(`tidewatch: ${(err as Error).message}\n`);
    process.exit(2);
  }
  if ((err as { code?: string }).code === 'TIDEWATCH_START') {
    process.stderr.write(`tidewatch: ${(err as Error).message}\n`);
    process.exit(1);
  }
  throw err;
}
