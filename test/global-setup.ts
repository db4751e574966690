/**
 * Runs once per `vitest` run: checks that Redis, Postgres and a Chromium are there (test/preflight.ts),
 * and migrates a template database that each test file clones (CREATE DATABASE … TEMPLATE is much
 * faster than migrating).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../core/config.ts';
import { createDb } from '../core/db/index.ts';
import { installSchemaCode } from '../core/db/schema-code.ts';
import { applyMigrations } from '../core/db/migrations.ts';
import { withDatabase } from '../core/db/url.ts';
import { preflightMessage, preflight } from './preflight.ts';
import { ADMIN_URL, REDIS_URL } from './services.ts';

export default async function setup(project: TestProject) {
  const problems = await preflight({ redisUrl: REDIS_URL, databaseUrl: ADMIN_URL, chromiumPath: loadConfig().chromiumPath });
  if (problems.length) {
    // One message, then stop: vitest would otherwise report it once per test file.
    process.stderr.write(`\n${preflightMessage(problems)}\n\n`);
    process.exit(1);
  }

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const template = `tw_template_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(ADMIN_URL, template);
  await applyMigrations(templateUrl, { preferNative: false });
  const db = createDb(templateUrl, 1);
  await installSchemaCode(db);
  await db.close();
  project.provide('templateDatabase', template);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
