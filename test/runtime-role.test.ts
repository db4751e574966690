/**
 * The audit trail against the application's own credentials: a login role that is a member of
 * `tidewatch_runtime` (what the API and workers connect as in production) runs the pipeline, the
 * review API and the analytics, but every way of changing or removing audit rows fails with a
 * permission error (not just the trigger's refusal), and the rows and the trigger stay as they were.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api/auth/keys.ts';
import { purgeDismissed } from '../retention/purge.ts';
import { makePost } from './harness.ts';
import { isolate, type Isolated } from './isolation.ts';
import { ADMIN_URL } from './services.ts';
import { waitForDrain } from '../workers/drain.ts';
import { appendAudit } from '../core/audit.ts';
import { createLogger } from '../core/logger.ts';
import { startRuntime, type Runtime } from '../cli/runtime.ts';
import { createDb, type PoolDb } from '../core/db/index.ts';
import { openDatabase } from '../core/db/database.ts';
import { installRuntimeRole, RUNTIME_ROLE, warnIfPrivileged } from '../core/db/runtime-role.ts';
import { captureLog } from './log-capture.ts';

const ADVERT =
  'Boat to UK leaving this week 🚤🇬🇧 100% guaranteed safe crossing, 1500€ per person, kids half price. WhatsApp +44 7911 123456';
const NEWS = 'Police arrested four smugglers in Calais yesterday; two people drowned when a boat capsized, the report says.';

const asUser = (url: string, user: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
};

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe(`the ${RUNTIME_ROLE} role`, () => {
  let iso: Isolated;
  let login: string;
  let runtimeUrl: string;
  let runtimeDb: PoolDb;
  let rt: Runtime | undefined;
  beforeAll(async () => {
    iso = await isolate();
    // `db migrate` as the owner (here the superuser): migrations, guards, the role and its grants.
    await (await openDatabase({ ...iso.config, databaseUrl: iso.databaseUrl }, createLogger('silent'), { migrate: true })).close();
    login = `tw_rt_${randomBytes(5).toString('hex')}`;
    await withClient(ADMIN_URL, (c) => c.query(`CREATE ROLE ${login} LOGIN IN ROLE ${RUNTIME_ROLE}`));
    runtimeUrl = asUser(iso.databaseUrl, login);
    runtimeDb = createDb(runtimeUrl, 2);
  }, 60_000);
  afterAll(async () => {
    await rt?.close();
    await runtimeDb?.close();
    await iso?.cleanup();
    if (login) await withClient(ADMIN_URL, (c) => c.query(`DROP ROLE IF EXISTS ${login}`));
  });

  it('connects as itself, not as the owner or a superuser', async () => {
    const [me] = await withClient(
      runtimeUrl,
      async (c) => (await c.query<{ user: string; su: string }>(`SELECT current_user AS user, current_setting('is_superuser') AS su`)).rows,
    );
    expect(me).toEqual({ user: login, su: 'off' });
  });

  it('cannot change or remove audit rows by any route; the rows and the trigger are unchanged', async () => {
    await appendAudit(runtimeDb, {
      actor: 'test',
      action: 'test.append',
      subjectType: 'retention',
      subjectId: 'runtime-role',
      after: { ok: true },
    });
    const snapshot = () => withClient(iso.databaseUrl, async (c) => (await c.query(`SELECT * FROM "AuditEvent" ORDER BY id`)).rows);
    const triggerState = () =>
      withClient(
        iso.databaseUrl,
        async (c) =>
          (
            await c.query(
              `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
            )
          ).rows,
      );
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    expect(await triggerState()).toEqual([
      { tgname: 'AuditEvent_append_only', tgenabled: 'O' },
      { tgname: 'tidewatch_stats_audit_ins', tgenabled: 'O' },
    ]);

    const attempts: [string, RegExp][] = [
      [`UPDATE "AuditEvent" SET actor = 'forged'`, /permission denied for table AuditEvent/],
      [`DELETE FROM "AuditEvent"`, /permission denied for table AuditEvent/],
      [`TRUNCATE "AuditEvent"`, /permission denied for table AuditEvent/],
      [`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`, /must be owner of table AuditEvent/],
      [`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`, /must be owner of table AuditEvent/],
      [`SET session_replication_role = replica`, /permission denied to set parameter "session_replication_role"/],
      [`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`, /must be owner of (table|relation) AuditEvent/],
      [
        `CREATE OR REPLACE FUNCTION tidewatch_forbid_change() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql`,
        /must be owner of function tidewatch_forbid_change|permission denied for schema/,
      ],
      [`DROP TABLE "AuditEvent"`, /must be owner of table AuditEvent/],
      [`ALTER TABLE "AuditEvent" RENAME TO "AuditEventOld"`, /must be owner of table AuditEvent/],
      [
        `CREATE TRIGGER skip BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION tidewatch_forbid_change()`,
        /permission denied for table AuditEvent/,
      ],
      [`UPDATE _prisma_migrations SET checksum = 'x'`, /permission denied for table _prisma_migrations/],
    ];
    for (const [sql, message] of attempts) {
      // A fresh session each time, so no attempt rides on another's side effects.
      const err = await withClient(runtimeUrl, (c) =>
        c.query(sql).then(
          () => null,
          (e: Error & { code?: string }) => e,
        ),
      );
      expect(err, sql).not.toBeNull();
      expect({ sql, code: err!.code, message: err!.message }).toMatchObject({
        sql,
        code: '42501',
        message: expect.stringMatching(message),
      });
    }
    // And within one session: the replica setting is refused, so the DELETE after it still is too.
    await withClient(runtimeUrl, async (c) => {
      await expect(c.query(`SET session_replication_role = replica`)).rejects.toMatchObject({ code: '42501' });
      await expect(c.query(`DELETE FROM "AuditEvent"`)).rejects.toMatchObject({ code: '42501' });
    });
    expect(await snapshot()).toEqual(before);
    expect(await triggerState()).toEqual([
      { tgname: 'AuditEvent_append_only', tgenabled: 'O' },
      { tgname: 'tidewatch_stats_audit_ins', tgenabled: 'O' },
    ]);
  });

  it('runs the pipeline, the review API, analytics and retention as that role', async () => {
    const config = { ...iso.config, databaseUrl: runtimeUrl };
    // Migrate-on-start with least-privilege credentials checks the schema is current instead.
    rt = await startRuntime(config, createLogger('silent'), { workers: ['ingest', 'classify', 'refer'], api: true, migrate: true });
    const key = async (role: 'ingest' | 'reviewer' | 'lead' | 'analyst') =>
      (await createApiKey(runtimeDb, { role, name: `runtime ${role}`, createdBy: 'test' })).key;
    const [ingest, reviewer, lead, analyst] = [await key('ingest'), await key('reviewer'), await key('lead'), await key('analyst')];
    const call = async (method: string, path: string, k: string, body?: unknown) => {
      const res = await fetch(`${rt!.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${k}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };

    await call('POST', '/v1/posts', ingest, {
      posts: [makePost(ADVERT, { lang: 'en' }), makePost(NEWS), makePost(ADVERT, { platform: 'tiktok' })],
    });
    const pending = () => runtimeDb.prisma.post.count({ where: { outcome: 'pending' } });
    await waitForDrain(rt.queues, { done: async () => (await pending()) === 0, timeoutMs: 60_000 });
    const outcomes = (await runtimeDb.prisma.post.findMany({ select: { outcome: true } })).map((p) => p.outcome);
    expect(outcomes).toHaveLength(3);
    expect(outcomes).toContain('dismissed');

    const { items } = (await call('GET', '/v1/review/items', reviewer)) as { items: { id: string }[] };
    expect(items.length).toBeGreaterThan(0);
    const id = items[0]!.id;
    await call('POST', `/v1/review/items/${id}/claim`, reviewer);
    await call('POST', `/v1/review/items/${id}/decision`, reviewer, { action: 'confirm', reasonCode: 'smuggling_offer' });
    await waitForDrain(rt.queues, { done: async () => (await runtimeDb.prisma.referral.count()) > 0, timeoutMs: 30_000 });
    const audit = (await call('GET', '/v1/audit?limit=100', lead)) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(expect.arrayContaining(['review.claim', 'review.decision', 'referral.create']));
    await call('GET', '/v1/stats', analyst);

    // Retention blanks dismissed posts (UPDATE on Post and Classification, an audit INSERT).
    const purged = await purgeDismissed(runtimeDb, { days: 1, now: new Date(Date.now() + 2 * 86_400_000), actor: 'test' });
    expect(purged.posts).toBeGreaterThan(0);
    expect(await runtimeDb.prisma.post.count({ where: { outcome: 'dismissed', purgedAt: null } })).toBe(0);
  }, 120_000);

  it('refuses to start with pending migrations it may not apply, naming them', async () => {
    const last = await withClient(iso.databaseUrl, async (c) => {
      const { rows } = await c.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`,
      );
      await c.query(`DELETE FROM _prisma_migrations WHERE migration_name = $1`, [rows[0]!.migration_name]);
      return rows[0]!.migration_name;
    });
    await expect(openDatabase({ ...iso.config, databaseUrl: runtimeUrl }, createLogger('silent'), { migrate: true })).rejects.toThrow(
      new RegExp(`1 migration\\(s\\) pending \\(${last}\\).*DATABASE_MIGRATION_URL`),
    );
  });

  it('warns once at startup when the process connects as a superuser or the owner, and not as the runtime role', async () => {
    const owner = captureLog('warn');
    await warnIfPrivileged(iso.db, owner.log);
    expect(owner.lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      expect.stringMatching(/as "postgres", a superuser: it could disable the audit trail's append-only guard.*Database roles/),
    ]);
    const runtime = captureLog('warn');
    await warnIfPrivileged(runtimeDb, runtime.log);
    expect(runtime.lines.filter(Boolean)).toEqual([]);
  });

  it('converges on exactly its rights when db migrate runs again, whatever was granted by hand', async () => {
    const rights = () =>
      withClient(iso.databaseUrl, async (c) =>
        (
          await c.query<{ p: string }>(
            `SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p WHERE has_table_privilege('${RUNTIME_ROLE}', '"AuditEvent"', p)`,
          )
        ).rows.map((r) => r.p),
      );
    await withClient(iso.databaseUrl, (c) => c.query(`GRANT ALL ON "AuditEvent" TO ${RUNTIME_ROLE}`));
    expect(await rights()).toHaveLength(7);
    expect(await installRuntimeRole(iso.db, createLogger('silent'))).toBe(true);
    expect(await rights()).toEqual(['SELECT', 'INSERT']);
  });
});
