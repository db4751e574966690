import { userInfo } from 'node:os';
import { Command } from 'commander';
import { addBenign, BenignContactError, listBenign, removeBenign } from '../../networks/benign.ts';
import type { Database } from '../../core/db/database.ts';
import { withCommandDatabase } from '../process-lifecycle.ts';

const withDb = <T>(fn: (db: Database['db']) => Promise<T>) => withCommandDatabase([BenignContactError], (db) => fn(db));
const actor = () => `cli:${userInfo().username}`;

/**
 * `tidewatch contacts benign add|list|remove`: contacts (hotline, police, NGO numbers, handles,
 * links) that never raise a post as a known contact nor link posts into networks
 * (networks/benign.ts). Changes are audited with the OS user as actor.
 */
export function contactsCommand() {
  const cmd = new Command('contacts').description('contact points (phones, handles, links) seen in posts');
  const benign = cmd.command('benign').description('contacts marked benign: they never count as known contacts nor link posts');
  benign
    .command('add')
    .description('mark a contact benign (a phone as written, @handle, messenger link or entity key)')
    .argument('<contact>')
    .requiredOption('--note <text>', 'whose contact it is (hotline, police, NGO)')
    .action(async (contact: string, o: { note: string }) => {
      const row = await withDb((db) => addBenign(db, contact, o.note, actor()));
      process.stdout.write(`${row.key}\n`);
      process.stderr.write(`marked ${row.key} benign (by ${actor()})\n`);
    });
  benign
    .command('list')
    .description('list benign contacts')
    .option('--json', 'JSON lines')
    .action(async (o: { json?: boolean }) => {
      const rows = await withDb((db) => listBenign(db));
      for (const r of rows)
        process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : `${r.key}\t${r.createdAt}\t${r.createdBy}\t${r.note}\n`);
    });
  benign
    .command('remove')
    .description('unmark a benign contact: it counts and links again for posts classified from now on')
    .argument('<contact>')
    .action(async (contact: string) => {
      const row = await withDb((db) => removeBenign(db, contact, actor()));
      process.stderr.write(`unmarked ${row.key} (by ${actor()})\n`);
    });
  return cmd;
}
