import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, REDIS_URL, sql } from '../../test/services.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from './database.ts';
import { withDatabase } from './url.ts';

describe('openDatabase with migrate', () => {
  const name = `tw_open_${process.pid}_${Date.now().toString(36)}`;
  const url = withDatabase(ADMIN_URL, name);
  beforeAll(async () => void (await sql(ADMIN_URL, `CREATE DATABASE ${name}`)));
  afterAll(async () => void (await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  // Workers and the API started together each migrate on start; unserialised, two of them raced to
  // create the append-only trigger function and one died with a pg_proc unique violation.
  it('lets several processes start on a fresh database at once', async () => {
    const config = loadConfig({ DATABASE_URL: url, REDIS_URL });
    const opened = await Promise.all([1, 2, 3, 4].map(() => openDatabase(config, createLogger('silent'), { migrate: true })));
    try {
      const [migrations] = await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
      const [dupes] = await sql<{ n: number }>(
        url,
        `SELECT count(*)::int AS n FROM (SELECT migration_name FROM _prisma_migrations GROUP BY 1 HAVING count(*) > 1) d`,
      );
      const [triggers] = await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname LIKE '%_append_only'`);
      expect(migrations!.n).toBeGreaterThan(0);
      expect(dupes!.n).toBe(0);
      expect(triggers!.n).toBeGreaterThan(0);
      expect(await opened[0]!.db.prisma.platform.count()).toBeGreaterThan(0);
    } finally {
      await Promise.all(opened.map((d) => d.close()));
    }
  });
});
