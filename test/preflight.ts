/**
 * What `npm test` needs besides Node, checked together before any test file runs: Redis,
 * PostgreSQL and a Chromium. Anything missing is reported in one message, each piece with the line
 * that installs or starts it, instead of a failure in every file that uses it.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../core/chromium.ts';
import { scrubSecrets } from '../core/logger.ts';

export interface PreflightTargets {
  redisUrl: string;
  databaseUrl: string;
  /** CHROMIUM_PATH, if set. */
  chromiumPath: string | undefined;
}

async function checkRedis(url: string): Promise<string | undefined> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 });
  let cause: Error | undefined; // the socket's error ("ECONNREFUSED"), clearer than the command's
  redis.on('error', (err: Error) => (cause ??= err));
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (err) {
    return (
      `Redis does not answer at ${scrubSecrets(url)} (${(cause ?? (err as Error)).message}).\n` +
      '    install and start it: apt-get install redis-server && redis-server --daemonize yes   (macOS: brew install redis; or set TEST_REDIS_URL)'
    );
  } finally {
    redis.disconnect();
  }
}

async function checkPostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (
      `PostgreSQL does not answer at ${scrubSecrets(url)} (${(err as Error).message}).\n` +
      '    install and start it: apt-get install postgresql && pg_ctlcluster <version> main start, with "host all all 127.0.0.1/32 trust" for the\n' +
      '    postgres user in pg_hba.conf (.ci/run does all this), or set TEST_DATABASE_URL to a superuser URL'
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function checkChromium(configured: string | undefined): string | undefined {
  const found = findChromium(configured);
  return 'missing' in found
    ? `Chromium (the browser tests and evidence capture): ${found.missing}.\n    install it: ${HOW_TO_GET_CHROMIUM}`
    : undefined;
}

/** Every missing piece, each with its install line; empty when all are there. */
export async function preflight(t: PreflightTargets): Promise<string[]> {
  const found = await Promise.all([checkRedis(t.redisUrl), checkPostgres(t.databaseUrl), checkChromium(t.chromiumPath)]);
  return found.filter((p): p is string => p !== undefined);
}

export function preflightMessage(problems: readonly string[]): string {
  return `npm test cannot run: ${problems.length} prerequisite${problems.length > 1 ? 's are' : ' is'} missing\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}
