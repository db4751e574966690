/**
 * Runs once per `vitest` run: checks that Redis and Postgres answer, and migrates a template
 * database that each test file clones (CREATE DATABASE … TEMPLATE is much faster than migrating).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../core/db/client.ts';
import { installAppendOnlyGuards } from '../core/db/append-only.ts';
import { applyMigrations } from '../core/db/migrations.ts';
import { withDatabase } from '../core/db/url.ts';
import { ADMIN_URL, REDIS_URL } from './services.ts';

export default async function setup(project: TestProject) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis does not answer at ${REDIS_URL} (${(err as Error).message}); run .ci/run or start redis-server`);
  } finally {
    redis.disconnect();
  }

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL does not answer at ${ADMIN_URL} (${(err as Error).message}); run .ci/run or start postgresql`);
  }
  const template = `tw_template_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(ADMIN_URL, template);
  await applyMigrations(templateUrl, { preferNative: false });
  const db = createDb(templateUrl, 1);
  await installAppendOnlyGuards(db);
  await db.$disconnect();
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
