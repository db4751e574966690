/**
 * Applies and generates migrations in Prisma's standard `prisma/migrations/<timestamp>_<name>/`
 * layout, recorded in `_prisma_migrations` exactly as `prisma migrate deploy` records them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { NO_FILTERS, openSchemaEngine } from './schema-engine.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma/migrations');
const LOCKFILE = 'migration_lock.toml';

/** Where the schema and the migrations live; tests point these at scratch copies. */
export interface MigrationPaths {
  schemaPath?: string;
  migrationsDir?: string;
}

async function readSchema(file = SCHEMA_PATH) {
  return { path: file, content: await readFile(file, 'utf8') };
}

/** Reads the migrations folder into the engine's input shape. */
export async function loadMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      const content = await readFile(file, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        (err: Error) => ({ tag: 'error' as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockPath = path.join(dir, LOCKFILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** A native schema engine, when `@prisma/engines` managed to download one (it cannot offline). */
function nativeEngineAvailable(): boolean {
  const explicit = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (explicit && existsSync(explicit) && !/^\/(usr\/)?bin\/(true|false)$/.test(explicit)) return true;
  try {
    const require = createRequire(import.meta.url);
    const enginesDir = path.dirname(require.resolve('@prisma/engines/package.json'));
    return readdirSync(enginesDir).some((f) => f.startsWith('schema-engine-'));
  } catch {
    return false;
  }
}

export interface ApplyResult {
  applied: string[];
  via: 'prisma-cli' | 'wasm-engine';
}

/** Applies every migration not yet recorded in `_prisma_migrations`. Applying twice is a no-op. */
export async function applyMigrations(databaseUrl: string, opts: { preferNative?: boolean } & MigrationPaths = {}): Promise<ApplyResult> {
  const dir = opts.migrationsDir ?? MIGRATIONS_DIR;
  // The CLI reads its migrations folder from prisma.config.ts, so scratch folders go through wasm.
  if ((opts.preferNative ?? true) && !opts.migrationsDir && nativeEngineAvailable()) {
    const res = spawnSync('npx', ['prisma', 'migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (res.status === 0) {
      const applied = [...res.stdout.matchAll(/^\s*└─ (\S+)/gm)].map((m) => m[1] ?? '');
      return { applied, via: 'prisma-cli' };
    }
    // A native engine that cannot run here (wrong platform, blocked download) falls through to wasm.
  }
  const { engine, close } = await openSchemaEngine(databaseUrl, await readSchema(opts.schemaPath));
  try {
    const out = await engine.applyMigrations({ migrationsList: await loadMigrationList(dir), filters: NO_FILTERS });
    return { applied: out.appliedMigrationNames, via: 'wasm-engine' };
  } finally {
    await close();
  }
}

function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Generates the SQL that takes the existing migrations to the current schema (the engine replays
 * them in a throw-away shadow database on the same server) and writes it as a new migration.
 * Returns undefined when the schema has not changed.
 */
export async function createMigration(databaseUrl: string, name: string, paths: MigrationPaths = {}): Promise<string | undefined> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name "${name}": use lower-case letters, digits and _`);
  const migrationsDir = paths.migrationsDir ?? MIGRATIONS_DIR;
  const schema = await readSchema(paths.schemaPath);
  const migrations = await loadMigrationList(migrationsDir);
  const { engine, close } = await openSchemaEngine(databaseUrl, schema);
  let sql: string;
  try {
    const from = migrations.migrationDirectories.length ? ({ tag: 'migrations', ...migrations } as const) : ({ tag: 'empty' } as const);
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    sql = (result as { stdout?: string }).stdout ?? '';
  } finally {
    await close();
  }
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return undefined;
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  const lockPath = path.join(migrationsDir, LOCKFILE);
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
