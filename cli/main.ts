/**
 * `tidewatch` command line. Each subcommand lives in its own file under cli/commands/.
 */
import { Command } from 'commander';
import { ConfigError } from '../core/config.ts';
import { apiCommand } from './commands/api.ts';
import { dbCommand } from './commands/db.ts';
import { demoCommand } from './commands/demo.ts';
import { ingestCommand } from './commands/ingest.ts';
import { workerCommand } from './commands/worker.ts';
import { actionDayCommand } from './commands/action-day.ts';
import { keysCommand } from './commands/keys.ts';
import { exportLabelsCommand } from './commands/export-labels.ts';
import { classifyCommand } from './commands/classify.ts';
import { trainCommand } from './commands/train.ts';
import { evalCommand } from './commands/eval.ts';
import { platformsCommand } from './commands/platforms.ts';

const program = new Command('tidewatch')
  .description('Moderation pipeline for posts that advertise migrant-smuggling services')
  .showHelpAfterError();

program.addCommand(workerCommand());
program.addCommand(apiCommand());
program.addCommand(ingestCommand());
program.addCommand(demoCommand());
program.addCommand(dbCommand());
program.addCommand(actionDayCommand());
program.addCommand(keysCommand());
program.addCommand(exportLabelsCommand());
program.addCommand(classifyCommand());
program.addCommand(trainCommand());
program.addCommand(evalCommand());
program.addCommand(platformsCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || (err as { code?: string }).code === 'TIDEWATCH_USAGE') {
    process.stderr.write(`tidewatch: ${(err as Error).message}\n`);
    process.exit(2);
  }
  throw err;
}
