import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, sql } from '../../test/services.ts';
import { applyMigrations, createMigration, MIGRATIONS_DIR, SCHEMA_PATH } from './migrations.ts';
import { withDatabase } from './url.ts';

describe('migrations through the wasm schema engine', () => {
  const name = `tw_mig_${process.pid}_${Date.now().toString(36)}`;
  const url = withDatabase(ADMIN_URL, name);
  let scratch: string;

  beforeAll(async () => {
    await sql(ADMIN_URL, `CREATE DATABASE ${name}`);
    scratch = await mkdtemp(path.join(tmpdir(), 'tw-mig-'));
  });
  afterAll(async () => {
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await rm(scratch, { recursive: true, force: true });
  });

  it('applies the shipped migrations once, recorded like prisma migrate deploy; again is a no-op', async () => {
    const shipped = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const first = await applyMigrations(url, { preferNative: false });
    expect(first).toEqual({ applied: shipped, via: 'wasm-engine' });
    const second = await applyMigrations(url, { preferNative: false });
    expect(second.applied).toEqual([]);
    const rows = await sql<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      url,
      'SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(shipped);
    for (const r of rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    const tables = await sql<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['Post', 'Classification', 'ReviewItem', 'AuditEvent', 'Referral']),
    );
  });

  it('generates a migration from a schema change, applies it, and writes nothing when unchanged', async () => {
    const migrationsDir = path.join(scratch, 'migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const schemaPath = path.join(scratch, 'schema.prisma');
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    await writeFile(schemaPath, schema);
    expect(await createMigration(ADMIN_URL, 'nothing_changed', { schemaPath, migrationsDir })).toBeUndefined();

    await writeFile(schemaPath, `${schema}\nmodel ScratchNote {\n  id   Int    @id @default(autoincrement())\n  body String\n}\n`);
    const dir = await createMigration(ADMIN_URL, 'add_scratch_note', { schemaPath, migrationsDir });
    expect(dir).toMatch(/\/\d{14}_add_scratch_note$/);
    const generated = await readFile(path.join(dir!, 'migration.sql'), 'utf8');
    expect(generated).toContain('CREATE TABLE "ScratchNote"');
    expect(generated).not.toContain('CREATE TABLE "Post"');

    const res = await applyMigrations(url, { preferNative: false, schemaPath, migrationsDir });
    expect(res.applied).toEqual([path.basename(dir!)]);
    expect(await sql(url, 'SELECT * FROM "ScratchNote"')).toEqual([]);
    const leftovers = await sql<{ datname: string }>(
      ADMIN_URL,
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    expect(leftovers).toEqual([]);
  });
});
