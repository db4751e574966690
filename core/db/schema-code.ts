/**
 * What the schema needs beyond Prisma's migrations (which cannot express triggers): the
 * append-only guards and the analytics triggers. Every path that migrates a database calls this.
 */
import { installAppendOnlyGuards } from './append-only.ts';
import type { Db } from './index.ts';
import { installStatsTriggers } from './stats-triggers.ts';

export async function installSchemaCode(db: Db): Promise<void> {
  await installAppendOnlyGuards(db);
  await installStatsTriggers(db);
}
