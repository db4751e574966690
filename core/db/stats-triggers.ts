/**
 * What keeps the analytics rollups current (analytics/rollup/): statement-level triggers on every
 * table an analytics fact comes from append the ids of the posts they touch to `StatsDirtyPost`,
 * whatever wrote them (the pipeline, the API, the CLI, a test's SQL), and the fold recomputes
 * those posts' facts. Installed idempotently after migrations, as the append-only guards are.
 * Also the HyperLogLog entry function, so the fold and a rebuild hash values identically.
 */
import { raw, type Db } from './index.ts';

/** `register << 5 | rank` of a value: 2^10 registers from the low bits of a 64-bit hash, rank from the next 54 (≤ 31). */
const HLL_ENTRY = `
CREATE OR REPLACE FUNCTION tidewatch_hll_entry(v text) RETURNS smallint AS $$
  SELECT (((h & 1023) << 5) | LEAST(31, 55 - length(ltrim(((h >> 10) & 18014398509481983)::bit(54)::text, '0'))))::smallint
  FROM (SELECT hashtextextended(v, 0) AS h) x
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE`;

const DIRTY = `INSERT INTO "StatsDirtyPost" ("postId")`;

/** [name, table, event, body]: body reads the transition table `changed` (and `before` on updates). */
const TRIGGERS: [string, string, 'INSERT' | 'UPDATE' | 'DELETE', string][] = [
  ['post_ins', 'Post', 'INSERT', `${DIRTY} SELECT id FROM changed`],
  [
    'post_upd',
    'Post',
    'UPDATE',
    // A post's own dimensions and dates; a change of outcome also changes its re-uploads' facts.
    `${DIRTY} SELECT n.id FROM changed n JOIN before o ON o.id = n.id
       WHERE (n.outcome, n."routedAt", n."ingestedAt", n."platformId", n.language, n.url, n."authorHandle", n."duplicateOfId")
         IS DISTINCT FROM (o.outcome, o."routedAt", o."ingestedAt", o."platformId", o.language, o.url, o."authorHandle", o."duplicateOfId")
     UNION ALL SELECT d.id FROM changed n JOIN before o ON o.id = n.id JOIN "Post" d ON d."duplicateOfId" = n.id
       WHERE n.outcome IS DISTINCT FROM o.outcome`,
  ],
  ['post_del', 'Post', 'DELETE', `${DIRTY} SELECT id FROM changed`],
  // The latest classification gives the category, of the post and of its re-uploads.
  [
    'classification_ins',
    'Classification',
    'INSERT',
    `${DIRTY} SELECT "postId" FROM changed UNION ALL SELECT d.id FROM changed c JOIN "Post" d ON d."duplicateOfId" = c."postId"`,
  ],
  [
    'classification_del',
    'Classification',
    'DELETE',
    `${DIRTY} SELECT "postId" FROM changed UNION ALL SELECT d.id FROM changed c JOIN "Post" d ON d."duplicateOfId" = c."postId"`,
  ],
  ['review_item_ins', 'ReviewItem', 'INSERT', `${DIRTY} SELECT "postId" FROM changed`],
  [
    'review_item_upd',
    'ReviewItem',
    'UPDATE',
    // Claims and lease renewals change nothing the figures read.
    `${DIRTY} SELECT n."postId" FROM changed n JOIN before o ON o.id = n.id
       WHERE (n.status, n."referralCandidate", n."createdAt", n."platformId", n."postId")
         IS DISTINCT FROM (o.status, o."referralCandidate", o."createdAt", o."platformId", o."postId")`,
  ],
  ['review_item_del', 'ReviewItem', 'DELETE', `${DIRTY} SELECT "postId" FROM changed`],
  ['decision_ins', 'Decision', 'INSERT', `${DIRTY} SELECT "postId" FROM changed`],
  ['decision_del', 'Decision', 'DELETE', `${DIRTY} SELECT "postId" FROM changed`],
  ['referral_ins', 'Referral', 'INSERT', `${DIRTY} SELECT "postId" FROM changed`],
  [
    'referral_upd',
    'Referral',
    'UPDATE',
    // Delivery attempts and errors change nothing the figures read.
    `${DIRTY} SELECT n."postId" FROM changed n JOIN before o ON o.id = n.id
       WHERE (n.status, n."sentAt", n."acknowledgedAt", n."decidedAt", n."offlineAt", n."postId")
         IS DISTINCT FROM (o.status, o."sentAt", o."acknowledgedAt", o."decidedAt", o."offlineAt", o."postId")`,
  ],
  ['referral_del', 'Referral', 'DELETE', `${DIRTY} SELECT "postId" FROM changed`],
  // The platform's decision and offline sightings are read from the audit trail.
  [
    'audit_ins',
    'AuditEvent',
    'INSERT',
    `${DIRTY} SELECT r."postId" FROM "Referral" r WHERE r.id IN (
       SELECT a."subjectId"::uuid FROM changed a
       WHERE a."subjectType" = 'referral' AND a.action IN ('referral.actioned', 'referral.declined', 'referral.offline', 'referral.confirmed_offline'))`,
  ],
  // A platform's delivery mode decides whether its confirmations are "not referable".
  [
    'platform_upd',
    'Platform',
    'UPDATE',
    `${DIRTY} SELECT ri."postId" FROM changed n JOIN before o ON o.id = n.id JOIN "ReviewItem" ri ON ri."platformId" = n.id
       WHERE n."deliveryMode" IS DISTINCT FROM o."deliveryMode" AND ri.status = 'confirmed'`,
  ],
];

export async function installStatsTriggers(db: Db): Promise<void> {
  const statements = [HLL_ENTRY];
  for (const [name, table, event, body] of TRIGGERS) {
    const fn = `tidewatch_stats_${name}`;
    const referencing =
      event === 'UPDATE'
        ? 'NEW TABLE AS changed OLD TABLE AS before'
        : event === 'INSERT'
          ? 'NEW TABLE AS changed'
          : 'OLD TABLE AS changed';
    statements.push(
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN ${body}; RETURN NULL; END; $$ LANGUAGE plpgsql`,
      `DROP TRIGGER IF EXISTS "${fn}" ON "${table}"`,
      `CREATE TRIGGER "${fn}" AFTER ${event} ON "${table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
  }
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(raw(statement));
  });
}
