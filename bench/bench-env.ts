/**
 * What every benchmark part shares: its own database (created, migrated, dropped) and queue
 * prefix, spawned `tidewatch` processes whose peak RSS is read from /proc, and the multilingual
 * posts the pipeline is fed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDb } from '../core/db/index.ts';
import { applyMigrations } from '../core/db/migrations.ts';
import { installSchemaCode } from '../core/db/schema-code.ts';
import { seedPlatforms } from '../core/db/seed.ts';
import { withDatabase } from '../core/db/url.ts';
import type { PostInput } from '../core/post-input.ts';
import { peakRssMb } from './proc-stats.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Server to create the benchmark database on (BENCH_DATABASE_URL, default the local postgres). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function adminQuery(sql: string, url = ADMIN_URL): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface BenchDb {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database with the default platforms, `tw_bench_<tag>_<random>`; `drop()` removes it. */
export async function createBenchDb(tag: string): Promise<BenchDb> {
  const name = `tw_bench_${tag}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = withDatabase(ADMIN_URL, name);
  await applyMigrations(url);
  const db = createDb(url, 1);
  try {
    await installSchemaCode(db);
    await seedPlatforms(db);
  } finally {
    await db.close();
  }
  return { name, url, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface Spawned {
  name: string;
  child: ChildProcess;
  /** Peak RSS in MB, read just before the process was stopped (or now, while it runs). */
  peakRssMb(): number | undefined;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s; resolves once it exited. */
  stop(): Promise<void>;
  /** How it ended, if it exited without being stopped; undefined while it runs. */
  endedEarly(): string | undefined;
}

/**
 * Runs a script under Node directly (no npx wrapper), so the child's pid is the process whose
 * memory is measured. stderr is kept and shown if it exits early.
 */
export function spawnNode(name: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
  child.stdout!.resume();
  let exited = false;
  let endedEarly: string | undefined;
  let lastPeak: number | undefined;
  child.on('exit', (code, signal) => {
    exited = true;
    if (stopping) return;
    endedEarly = `exited early (${code ?? signal})`;
    if (code) console.error(`${name} ${endedEarly}:\n${stderr}`);
  });
  let stopping = false;
  const peak = () => {
    if (!exited && child.pid) lastPeak = peakRssMb(child.pid) ?? lastPeak;
    return lastPeak;
  };
  return {
    name,
    child,
    peakRssMb: peak,
    endedEarly: () => endedEarly,
    async stop() {
      peak();
      if (exited) return;
      stopping = true;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * V8 heap settings of the spawned `tidewatch` processes, as docker-compose.yml sets them. The old
 * space is capped: uncapped, V8 lets the heap grow towards its default limit (a quarter of RAM)
 * before collecting fully, and RSS says more about this machine's RAM than about what a worker
 * needs. The cap is 1024 MB, not less, because V8 derives from it how far the old generation may
 * grow between full collections: a factor of 1.3 at 256 MB or below, rising to 4.0 at 2 GB
 * (`--trace-gc-verbose` prints it as "[HeapController] factor"). At 256 MB the classify worker ran
 * a full collection every ~20 MB of old-space growth, 15 per 20,000 posts, each re-marking its
 * ~60 MB of live heap; at 1024 (factor 1.6) 9–10, classify CPU ~10 % lower, peak RSS the same
 * (~300–330 MB; at 2048, factor 2.0 and 3–4 collections, it passed 400 MB). The young generation
 * has 16 MB semi-spaces, so a batch's short-lived arrays and strings mostly die young (side by
 * side against V8's default: ~0.93 → ~0.80 CPU ms a post, ~+15 MB RSS).
 * BENCH_NODE_OPTIONS overrides it ('' measures V8's defaults).
 */
export const WORKER_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=1024 --max-semi-space-size=16';

/**
 * Node flags for the spawned `tidewatch` processes that NODE_OPTIONS refuses, space-separated
 * (`BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles every worker; each writes its
 * profile when it exits).
 */
const WORKER_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** `node bin/tidewatch.mjs <args>` with the benchmark's environment. */
export function spawnTidewatch(name: string, args: string[], env: Record<string, string>): Spawned {
  return spawnNode(name, [...WORKER_NODE_ARGS, 'bin/tidewatch.mjs', ...args], {
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: WORKER_NODE_OPTIONS,
    ...env,
  });
}

/**
 * Waits for `check()` to hold, polling; throws after `timeoutMs`, or as soon as one of `processes`
 * (those the wait depends on) has exited.
 */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 120_000,
  intervalMs = 100,
  processes: Spawned[] = [],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    for (const p of processes) {
      const ended = p.endedEarly();
      if (ended) throw new Error(`${p.name} ${ended} while waiting for ${what}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const PLATFORMS = ['facebook', 'instagram', 'tiktok', 'telegram', 'x', 'youtube', 'snapchat'];

/**
 * `n` posts from the labelled multilingual corpus (adverts and benign posts in every language it
 * has), cycled; each copy gets a serial so content de-duplication does not short-circuit the work.
 * A third come without a language, so the detector identifies it. `idPrefix` keeps runs apart;
 * `from` continues a sequence (posts from..from+n-1), so a long run can be fed in segments.
 */
export function corpusPosts(n: number, idPrefix = 'bench', from = 0): PostInput[] {
  const dir = path.join(ROOT, 'samples/corpus');
  const rows = ['train', 'validation', 'test'].flatMap((s) =>
    readFileSync(path.join(dir, `${s}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; lang: string }),
  );
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const r = rows[i % rows.length]!;
    return {
      platform: PLATFORMS[i % PLATFORMS.length]!,
      platformPostId: `${idPrefix}-${i}`,
      url: `https://example.org/p/${idPrefix}/${i}`,
      text: `${r.text} #${idPrefix}${i}`,
      lang: i % 3 === 0 ? null : r.lang,
    };
  });
}
