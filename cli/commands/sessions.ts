import { userInfo } from 'node:os';
import { Command } from 'commander';
import { endSessionById, listSessions, SessionError } from '../../api/auth/sessions.ts';
import type { Database } from '../../core/db/database.ts';
import { UsageError, withCommandDatabase } from '../process-lifecycle.ts';
import { printTable } from '../print-table.ts';

const withDb = <T>(fn: (db: Database['db']) => Promise<T>) => withCommandDatabase([SessionError], (db) => fn(db));

/**
 * Browser sessions on the pages (api/auth/sessions.ts): list the live ones, end one at once.
 * Sessions are shown by id, key and times; their cookie tokens are never stored, so never shown.
 */
export function sessionsCommand() {
  const sessions = new Command('sessions').description('browser sign-ins to the pages: list, end');
  sessions
    .command('list')
    .description('live sessions (not expired, key not revoked), newest first')
    .option('--json', 'JSON lines instead of a table')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withDb((db) => listSessions(db));
      if (opts.json) {
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      const table = [['ID', 'KEY', 'ROLE', 'NAME', 'CREATED', 'LAST SEEN', 'EXPIRES']].concat(
        rows.map((r) => [
          r.id,
          r.keyId,
          r.role,
          r.keyName,
          r.createdAt.toISOString(),
          r.lastSeenAt.toISOString(),
          r.expiresAt.toISOString(),
        ]),
      );
      printTable(table);
    });
  sessions
    .command('end')
    .description('end a session at once (its cookie stops working)')
    .argument('<id>', 'the session id, as `sessions list` shows it')
    .action(async (id: string) => {
      const ended = await withDb((db) => endSessionById(db, id, `cli:${userInfo().username}`));
      if (!ended) throw new UsageError(`no session ${id} (already ended or expired?)`);
      process.stdout.write(`ended session ${id}\n`);
    });
  return sessions;
}
