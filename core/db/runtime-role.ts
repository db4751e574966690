/**
 * Least privilege for the running application. The append-only trigger on `AuditEvent` only holds
 * against a role that cannot drop or disable it: the table's owner (or a superuser) can `ALTER
 * TABLE … DISABLE TRIGGER` or `SET session_replication_role = replica` and then rewrite history.
 * So migrations run as the owner, and the API and workers connect as a login role that is a
 * member of the NOLOGIN group role `tidewatch_runtime`, which `db migrate` (re)creates and grants
 * exactly the DML the application uses: SELECT/INSERT/UPDATE/DELETE on its tables, SELECT and
 * INSERT only on the append-only ones, SELECT only on `_prisma_migrations`, USAGE on sequences.
 * No ownership, TRUNCATE, TRIGGER or REFERENCES, so no DDL.
 */
import type { Logger } from '../logger.ts';
import { APPEND_ONLY_TABLES } from './append-only.ts';
import { raw, type Db } from './index.ts';

export const RUNTIME_ROLE = 'tidewatch_runtime';

/** README section operators are pointed to. */
export const RUNTIME_ROLE_DOCS = 'docs/operations.md, "Database roles"';

// Roles are cluster-wide: concurrent migrations of different databases (test runs) may both try to
// create it; the loser's duplicate_object / unique_violation means it exists, which is the goal.
const CREATE_ROLE = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
    CREATE ROLE ${RUNTIME_ROLE} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`;

/** Revoke-then-grant in one statement (one transaction), so re-running it converges on exactly these rights. */
const GRANTS = `
DO $$
DECLARE
  s text := current_schema();
  t text;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${RUNTIME_ROLE}', s);
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${RUNTIME_ROLE}', current_database());
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${RUNTIME_ROLE}', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${RUNTIME_ROLE}', s);
  IF to_regclass(format('%I._prisma_migrations', s)) IS NOT NULL THEN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I._prisma_migrations FROM ${RUNTIME_ROLE}', s);
  END IF;
  FOREACH t IN ARRAY ARRAY[${APPEND_ONLY_TABLES.map((name) => `'${name}'`).join(', ')}]::text[] LOOP
    EXECUTE format('REVOKE UPDATE, DELETE ON %I.%I FROM ${RUNTIME_ROLE}', s, t);
  END LOOP;
  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${RUNTIME_ROLE}', s);
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO ${RUNTIME_ROLE}', s);
END $$`;

/**
 * Creates `tidewatch_runtime` if missing and grants it the runtime's rights on every table of the
 * current schema. Run by `db migrate` after the migrations (as the owner), so new tables are
 * covered. A migrating role without CREATEROLE cannot create it: that is logged, not fatal (the
 * operator creates the role; see docs/operations.md), and the grants are still made if it exists.
 */
export async function installRuntimeRole(db: Db, log: Logger): Promise<boolean> {
  try {
    await db.execute(raw(CREATE_ROLE));
  } catch (err) {
    log.warn(
      { err: (err as Error).message, role: RUNTIME_ROLE },
      `could not create the database role ${RUNTIME_ROLE}; create it (NOLOGIN) as a role administrator and run db migrate again (${RUNTIME_ROLE_DOCS})`,
    );
    return false;
  }
  await db.execute(raw(GRANTS));
  return true;
}

export interface ConnectedRole {
  role: string;
  superuser: boolean;
  /** Whether the role owns (or inherits the owner of) `AuditEvent`; null before the first migration. */
  owner: boolean | null;
}

export async function connectedRole(db: Db): Promise<ConnectedRole> {
  const [row] = await db.query<ConnectedRole>`
    SELECT current_user AS role,
      (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
      (SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c
        WHERE c.oid = to_regclass(format('%I.%I', current_schema(), 'AuditEvent'))) AS owner`;
  return row!;
}

/** A role that can neither migrate nor disable the guards: not a superuser, not the owner. */
export const isRuntimeRole = (r: ConnectedRole) => !r.superuser && r.owner === false;

/** Migrations in prisma/migrations not recorded as applied (every one when the table is missing). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const [table] = await db.query<{ exists: boolean }>`
    SELECT to_regclass(format('%I._prisma_migrations', current_schema())) IS NOT NULL AS exists`;
  const done = table?.exists
    ? await db.query<{ name: string }>`
        SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    : [];
  const applied = new Set(done.map((r) => r.name));
  // Imported when used: migrations.ts brings the schema engine, which a runtime process never needs.
  const { loadMigrationList } = await import('./migrations.ts');
  return (await loadMigrationList()).migrationDirectories.map((d) => d.path).filter((name) => !applied.has(name));
}

/**
 * At startup of the API and workers: warn once when the process could switch the audit trail's
 * guard off itself (it connects as a superuser or as the tables' owner). The development default
 * (`postgres`) keeps working; production should not run like that.
 */
export async function warnIfPrivileged(db: Db, log: Logger): Promise<void> {
  const r = await connectedRole(db);
  if (isRuntimeRole(r) || r.owner === null) return;
  log.warn(
    { role: r.role, superuser: r.superuser, owner: r.owner },
    `connected to PostgreSQL as "${r.role}", ${r.superuser ? 'a superuser' : 'the owner of the tables'}: it could disable the audit trail's append-only guard. ` +
      `Run migrations as the owner (DATABASE_MIGRATION_URL) and the API and workers as a login role in ${RUNTIME_ROLE} (${RUNTIME_ROLE_DOCS})`,
  );
}
