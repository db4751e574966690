/**
 * Database-enforced append-only tables. Prisma's schema language cannot express triggers, and
 * migrations are generated from the schema, so the guard is (re)installed idempotently by every
 * `db migrate`, right after the migrations, through the same handle the process then uses.
 */
import { raw, type Db } from './index.ts';

export const APPEND_ONLY_TABLES = ['AuditEvent'] as const;

const FORBID_CHANGE = `
CREATE OR REPLACE FUNCTION tidewatch_forbid_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql`;

export async function installAppendOnlyGuards(db: Db): Promise<void> {
  const statements = [FORBID_CHANGE];
  for (const table of APPEND_ONLY_TABLES) {
    statements.push(
      `DROP TRIGGER IF EXISTS "${table}_append_only" ON "${table}"`,
      `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION tidewatch_forbid_change()`,
    );
  }
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(raw(statement));
  });
}
