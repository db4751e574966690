import { loadConfig, type Config } from '../core/config.ts';
import { openDatabase, type Database } from '../core/db/database.ts';
import { createLogger } from '../core/logger.ts';
import type { Runtime } from './runtime.ts';

/**
 * Graceful shutdown on SIGINT/SIGTERM: stop taking jobs, let in-flight ones finish, close
 * connections, exit 0. A second signal exits at once.
 */
export function closeOnSignals(rt: Runtime, onClosed: () => void = () => process.exit(0)): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    rt.log.info({ signal }, 'shutting down');
    rt.close().then(onClosed, (err: Error) => {
      rt.log.error({ err: err.message }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** An error meant for the person at the terminal, printed without a stack trace. */
export class UsageError extends Error {
  readonly code = 'TIDEWATCH_USAGE';
}

/**
 * Opens the database (migrated) for one command, runs `fn`, closes it. Errors of the domain's
 * `userErrors` classes are the person's mistake: they become a UsageError (a message, exit 2).
 */
export async function withCommandDatabase<T>(
  userErrors: readonly (abstract new (...args: never[]) => Error)[],
  fn: (db: Database['db'], config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), { migrate: true });
  try {
    return await fn(database.db, config);
  } catch (err) {
    if (userErrors.some((type) => err instanceof type)) throw new UsageError((err as Error).message);
    throw err;
  } finally {
    await database.close();
  }
}
