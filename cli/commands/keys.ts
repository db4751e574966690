import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import { API_ROLES, createApiKey, KeyError, listApiKeys, revokeApiKey, type Role } from '../../api/auth/keys.ts';
import type { Database } from '../../core/db/database.ts';
import { withCommandDatabase } from '../process-lifecycle.ts';
import { printTable } from '../print-table.ts';

/** The audit trail's actor for changes made at the terminal. */
const cliActor = () => `cli:${userInfo().username}`;

const withDb = <T>(fn: (db: Database['db']) => Promise<T>) => withCommandDatabase([KeyError], (db) => fn(db));

/**
 * API key management. `create` prints the key alone on standard output (so a script can capture
 * it) and only there, once: the database keeps a hash.
 */
export function keysCommand() {
  const keys = new Command('keys').description('API keys: create, list, revoke');
  keys
    .command('create')
    .description('create a key; prints it once')
    .addOption(new Option('--role <role>', 'what the key may do').choices(API_ROLES).makeOptionMandatory())
    .requiredOption('--name <name>', 'who or what uses it, e.g. "alice" or "partner-feed-x"')
    .option('--platform <platform>', 'the platform a platform key acts for')
    .action(async (opts: { role: Role; name: string; platform?: string }) => {
      const created = await withDb((db) => createApiKey(db, { ...opts, createdBy: cliActor() }));
      process.stderr.write(
        `created key ${created.id} (${created.role}${created.platform ? ` for ${created.platform}` : ''}, "${created.name}"); store it now, it cannot be shown again:\n`,
      );
      process.stdout.write(`${created.key}\n`);
    });
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .option('--json', 'JSON lines instead of a table')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withDb((db) => listApiKeys(db));
      if (opts.json) {
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      const table = [['ID', 'ROLE', 'PLATFORM', 'NAME', 'CREATED', 'REVOKED']].concat(
        rows.map((r) => [r.id, r.role, r.platform ?? '-', r.name, r.createdAt.toISOString(), r.revokedAt?.toISOString() ?? '-']),
      );
      printTable(table);
    });
  keys
    .command('revoke')
    .description('revoke a key at once (requests with it get 401)')
    .argument('<id>', 'the key id, as `keys list` shows it')
    .action(async (id: string) => {
      const r = await withDb((db) => revokeApiKey(db, id, cliActor()));
      process.stdout.write(r.already ? `key ${r.id} was already revoked at ${r.revokedAt.toISOString()}\n` : `revoked key ${r.id}\n`);
    });
  return keys;
}
