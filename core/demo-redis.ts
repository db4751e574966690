/**
 * The demo runs its own redis-server on a random port. It records that port under DATA_DIR while it
 * runs, so a command started beside it (`tidewatch ingest FILE` in a second terminal, same
 * DATA_DIR, no REDIS_URL and no DATABASE_URL) queues onto the demo's Redis, where its workers are,
 * rather than onto a default Redis nobody consumes.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';
import { alive } from './process-alive.ts';

interface DemoState {
  pid: number;
  redisUrl: string;
}

const fileOf = (dataDir: string) => path.resolve(dataDir, 'demo.json');

export async function recordDemoRedis(dataDir: string, redisUrl: string): Promise<() => Promise<void>> {
  const file = fileOf(dataDir);
  await writeFile(file, JSON.stringify({ pid: process.pid, redisUrl } satisfies DemoState), { mode: 0o600 });
  return () => rm(file, { force: true });
}

/** The Redis this process should use: REDIS_URL if given, else a running demo's on this DATA_DIR, else the default. */
export async function redisUrlFor(config: Config): Promise<string> {
  if (config.redisUrlExplicit || config.databaseUrl) return config.redisUrl;
  const state = await readFile(fileOf(config.dataDir), 'utf8').then(
    (t) => JSON.parse(t) as DemoState,
    () => undefined,
  );
  if (!state || state.pid === process.pid) return config.redisUrl;
  // A demo that died without cleaning up left the file behind.
  return alive(state.pid) ? state.redisUrl : config.redisUrl;
}
