/**
 * The SQL behind every figure: one row per (stage, post) event in the range, with the post's
 * platform, language, category, account and page, which `stats.ts` then counts. Every value from a
 * request is a bound parameter; nothing is concatenated into the SQL text.
 *
 * Definitions (also in docs/analytics.md):
 * - flagged: posts ingested in the range (`Post.ingestedAt`), re-uploads included.
 * - classified: posts classified and routed in the range (`routedAt`; re-uploads are not classified).
 * - sentToReview: review items created in the range.
 * - confirmed: review items confirmed in the range (their latest `confirm` decision) and still
 *   confirmed now. Each lands in exactly one delivery stage, dated by the confirmation, so
 *   confirmed = confirmedReferred + awaitingDelivery + deliveryFailed + notReferable:
 *   - confirmedReferred: its referral has been sent (at any time up to now);
 *   - deliveryFailed: its referral was dead-lettered (`failed`) and not sent since;
 *   - notReferable: its platform's delivery mode is `none` (nothing is ever sent there);
 *   - awaitingDelivery: otherwise: a referral row still `queued` (being delivered, or held for
 *     the platform's next action day), or no referral row yet.
 * - referred: referrals sent to the platform in the range (`sentAt`; one referral per content
 *   and platform). A referral recorded but never sent (delivery `none`, or dead-lettered) is not
 *   referred.
 * - acknowledged, removed, declined: what became of the referrals sent in the range, up to now,
 *   attributed to the day they were sent, so removal rate = removed ÷ referred per bucket too.
 * - removed (confirmed removal): the platform reported `actioned`, or the liveness check saw the
 *   content offline (404/410/451 or the platform's "content unavailable" page), whichever came
 *   first; that instant is the removal time. Content the liveness check saw offline after a
 *   decline counts as removed and as declined.
 * - declined: the platform reported `declined`.
 * The platform's decision and the first offline sighting are read from the append-only audit
 * trail, because the status moves on (`actioned` → `confirmed_offline` → `reappeared`) and
 * `offlineAt` is cleared when content reappears.
 */
import { join, sql, type Sql } from '../core/db/index.ts';
import type { StatsFilters } from './filters.ts';

export const STAGES = [
  'flagged',
  'classified',
  'sentToReview',
  'confirmed',
  'confirmedReferred',
  'awaitingDelivery',
  'deliveryFailed',
  'notReferable',
  'referred',
  'acknowledged',
  'removed',
  'declined',
] as const;

/** What became of each confirmation: these four stages add up to `confirmed`, in total and per bucket or dimension. */
export const DELIVERY_STAGES = ['confirmedReferred', 'awaitingDelivery', 'deliveryFailed', 'notReferable'] as const;
export type Stage = (typeof STAGES)[number];

/** Time-to-removal bins, in hours: [from, to). */
export const REMOVAL_BINS = [
  { bin: '<1h', fromHours: 0, toHours: 1 },
  { bin: '1-6h', fromHours: 1, toHours: 6 },
  { bin: '6-24h', fromHours: 6, toHours: 24 },
  { bin: '1-3d', fromHours: 24, toHours: 72 },
  { bin: '3-7d', fromHours: 72, toHours: 168 },
  { bin: '>=7d', fromHours: 168, toHours: null },
] as const;

/**
 * Where a post was published, from its URL: a Telegram channel (`t.me/<channel>/…`, `t.me/s/<channel>/…`,
 * `t.me/c/<id>/…`), a Facebook page or group (`facebook.com/<page>/posts/…`, `facebook.com/groups/<id>`),
 * a YouTube channel (`youtube.com/@<name>`, `/channel/<id>`, `/c/<name>`). Posts on profile-only
 * platforms (x, tiktok, instagram, snapchat) have no page; their author is the account. Plain
 * string functions over the lower-cased URL (scheme, host, first two path segments): a regular
 * expression per post costs several times more on large ranges.
 */
const urlParts = sql`CROSS JOIN LATERAL (SELECT lower(split_part(split_part(p.url, '#', 1), '?', 1)) AS u) url_
  CROSS JOIN LATERAL (SELECT split_part(url_.u, '/', 3) AS h, split_part(url_.u, '/', 4) AS s1, split_part(url_.u, '/', 5) AS s2) seg`;

const pageOf = sql`CASE
    WHEN seg.h IN ('t.me', 'www.t.me', 'telegram.me', 'www.telegram.me') THEN
      CASE WHEN seg.s1 = 's' THEN NULLIF(seg.s2, '') WHEN seg.s1 = 'c' THEN 'c/' || NULLIF(seg.s2, '') ELSE NULLIF(seg.s1, '') END
    WHEN seg.h IN ('facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com') THEN
      CASE WHEN seg.s1 = 'groups' THEN 'groups/' || NULLIF(seg.s2, '') WHEN seg.s2 = 'posts' THEN NULLIF(seg.s1, '') END
    WHEN seg.h IN ('youtube.com', 'www.youtube.com', 'm.youtube.com') THEN
      CASE WHEN seg.s1 LIKE '@_%' THEN seg.s1 WHEN seg.s1 IN ('channel', 'c') THEN seg.s1 || '/' || NULLIF(seg.s2, '') END
  END`;

const ts = (d: Date) => sql`${d.toISOString()}::timestamp`;

/** `col` within [from, to). Columns are zone-less UTC, as Prisma stores DateTime. */
export function inRange(col: Sql, f: Pick<StatsFilters, 'from' | 'to'>): Sql {
  return sql`${col} >= ${ts(f.from)} AND ${col} < ${ts(f.to)}`;
}

/** The latest classification's category of post `p` (a re-upload takes its original's), as `cl.category`. */
export const categoryJoin = sql`LEFT JOIN LATERAL (
    SELECT c.category FROM "Classification" c WHERE c."postId" = COALESCE(p."duplicateOfId", p.id) ORDER BY c."createdAt" DESC, c.id DESC LIMIT 1
  ) cl ON true`;

export const LANGUAGE = sql`COALESCE(p.language, 'und')`;
export const CATEGORY = sql`COALESCE(cl.category, 'unclassified')`;

/** Platform / language / category / action-day batch conditions over post `p` joined with `categoryJoin`. */
export function postFilter(f: StatsFilters): Sql {
  return sql`(${f.platformId ?? null}::int IS NULL OR p."platformId" = ${f.platformId ?? null}::int)
    AND (${f.language ?? null}::text IS NULL OR ${LANGUAGE} = ${f.language ?? null}::text)
    AND (${f.category ?? null}::text IS NULL OR ${CATEGORY} = ${f.category ?? null}::text)
    AND (${f.batchId ?? null}::uuid IS NULL
      OR EXISTS (SELECT 1 FROM "Referral" rb WHERE rb."postId" = p.id AND rb."batchId" = ${f.batchId ?? null}::uuid))`;
}

/**
 * Accounts are distinct (platform, author handle); pages distinct (platform, page). Both are
 * counted over posts the detector kept (review or referral candidate, or re-uploads of one):
 * dismissed posts are the only ones retention purges, so purging never changes an account or
 * page count; and a post still pending is not counted until it is routed, so the rollups only
 * ever add an account when a post is routed, never take one back (analytics/rollup/).
 */
const accountAndPage = sql`
  CASE WHEN eff.outcome IN ('dismissed', 'pending') OR p."authorHandle" IS NULL THEN NULL
       ELSE p."platformId"::text || ':' || ltrim(lower(p."authorHandle"), '@') END AS account,
  CASE WHEN eff.outcome IN ('dismissed', 'pending') THEN NULL
       ELSE p."platformId"::text || ':' || ${pageOf} END AS page`;

/**
 * Which events a statement covers: those dated in a range (the stats request), or every event of
 * some posts, whatever its date (the rollup fold, which recomputes a changed post's facts).
 */
export type Scope = Pick<StatsFilters, 'from' | 'to'> | PostSet;

/**
 * Some posts: by id (the fold's batches), or every post ingested in a range (a rebuild's chunks:
 * posts and their rows lie on disk roughly in ingest order, where random ids would scatter a chunk
 * over the whole table).
 */
export type PostSet = { postIds: readonly string[] } | { ingested: Pick<StatsFilters, 'from' | 'to'> };

/** `postCol` names a post of the set. */
export function inPostSet(postCol: Sql, s: PostSet): Sql {
  return 'postIds' in s
    ? sql`${postCol} = ANY(${s.postIds}::uuid[])`
    : // An array computed once, so each table is read by its post-id index rather than scanned whole.
      sql`${postCol} = ANY(ARRAY(SELECT ps.id FROM "Post" ps WHERE ${inRange(sql`ps."ingestedAt"`, s.ingested)}))`;
}

/** `dateCol` in the scope's range, or `postCol` one of its posts (with `dateCol` set); on "Post" p itself, its own ingest date. */
function inScope(dateCol: Sql, postCol: Sql, s: Scope): Sql {
  if ('ingested' in s && postCol === POST_ID) return sql`${inRange(sql`p."ingestedAt"`, s.ingested)} AND ${dateCol} IS NOT NULL`;
  return 'postIds' in s || 'ingested' in s ? sql`${inPostSet(postCol, s)} AND ${dateCol} IS NOT NULL` : inRange(dateCol, s);
}

const POST_ID = sql`p.id`;

/** Referrals sent in the scope, with the platform's decision and the confirmed removal time. */
function referralOutcomes(s: Scope): Sql {
  return referralOutcomesWhere(inScope(sql`r."sentAt"`, sql`r."postId"`, s));
}

/** Referrals `r` matching `where`, as above; action-day reports count their batch with it (referrals/action-day.ts). */
export function referralOutcomesWhere(where: Sql): Sql {
  return sql`
  SELECT r.id, r."postId", r."sentAt", r."acknowledgedAt", d.action AS decision,
    LEAST(
      CASE WHEN d.action = 'referral.actioned' THEN COALESCE(r."decidedAt", d."createdAt") END,
      r."offlineAt",
      off.first_offline
    ) AS removed_at
  FROM "Referral" r
  LEFT JOIN LATERAL (
    SELECT a.action, a."createdAt" FROM "AuditEvent" a
    WHERE a."subjectType" = 'referral' AND a."subjectId" = r.id::text AND a.action IN ('referral.actioned', 'referral.declined')
    ORDER BY a.id LIMIT 1
  ) d ON true
  LEFT JOIN LATERAL (
    SELECT min(a."createdAt") AS first_offline FROM "AuditEvent" a
    WHERE a."subjectType" = 'referral' AND a."subjectId" = r.id::text AND a.action IN ('referral.offline', 'referral.confirmed_offline')
  ) off ON true
  WHERE ${where}`;
}

/**
 * Items confirmed in the range and still confirmed, each with its delivery stage. The latest
 * `confirm` decision dates it (a lead's confirmation after an escalation counts, not the escalation).
 */
function confirmations(s: Scope): Sql {
  return sql`
  SELECT DISTINCT ON (ri.id) ri."postId", d."createdAt" AS at,
    CASE WHEN ref.sent THEN 'confirmedReferred'
         WHEN ref.failed THEN 'deliveryFailed'
         WHEN pl."deliveryMode" = 'none' THEN 'notReferable'
         ELSE 'awaitingDelivery' END AS delivery
  FROM "Decision" d
  JOIN "ReviewItem" ri ON ri.id = d."reviewItemId" AND ri.status = 'confirmed'
  JOIN "Platform" pl ON pl.id = ri."platformId"
  LEFT JOIN LATERAL (
    SELECT bool_or(r."sentAt" IS NOT NULL) AS sent, bool_or(r.status = 'failed') AS failed FROM "Referral" r WHERE r."postId" = ri."postId"
  ) ref ON true
  WHERE d.action = 'confirm' AND ${inScope(sql`d."createdAt"`, sql`ri."postId"`, s)}
    AND NOT EXISTS (
      SELECT 1 FROM "Decision" later WHERE later."reviewItemId" = ri.id AND later.action = 'confirm' AND later."createdAt" > d."createdAt"
    )
  ORDER BY ri.id, d."createdAt" DESC`;
}

/**
 * The facts are built in two session-local temporary tables (dropped at commit), each analysed
 * before use, so the planner joins hundreds of thousands of events to their posts with hash joins
 * instead of guessing; the aggregates then read one small, flat table.
 */
export const CREATE_TEMP_TABLES = [
  sql`CREATE TEMP TABLE stats_ev (stage text NOT NULL, post_id uuid NOT NULL, at timestamp NOT NULL, hours float8) ON COMMIT DROP`,
  sql`CREATE TEMP TABLE stats_facts (stage text NOT NULL, at timestamp NOT NULL, hours float8, platform_id int NOT NULL,
    language text NOT NULL, category text NOT NULL, account text, page text) ON COMMIT DROP`,
];

/** One row per stage event in the scope (`stage`, `post_id`, `at`, `hours`): `at` dates it for the series, `hours` is sending → removal on `removed` rows. */
export function stageEvents(s: Scope): Sql {
  return sql`
  WITH ro AS MATERIALIZED (${referralOutcomes(s)}),
  co AS MATERIALIZED (${confirmations(s)})
  SELECT 'flagged'::text AS stage, p.id AS post_id, p."ingestedAt" AS at, NULL::float8 AS hours FROM "Post" p
    WHERE ${inScope(sql`p."ingestedAt"`, POST_ID, s)}
  UNION ALL
  SELECT 'classified', p.id, p."routedAt", NULL FROM "Post" p
    WHERE ${inScope(sql`p."routedAt"`, POST_ID, s)} AND p.outcome IN ('dismissed', 'review', 'referral_candidate')
  UNION ALL
  SELECT 'sentToReview', ri."postId", ri."createdAt", NULL FROM "ReviewItem" ri WHERE ${inScope(sql`ri."createdAt"`, sql`ri."postId"`, s)}
  UNION ALL
  SELECT 'confirmed', co."postId", co.at, NULL FROM co
  UNION ALL
  SELECT co.delivery, co."postId", co.at, NULL FROM co
  UNION ALL
  SELECT 'referred', ro."postId", ro."sentAt", NULL FROM ro
  UNION ALL
  SELECT 'acknowledged', ro."postId", ro."sentAt", NULL FROM ro WHERE ro."acknowledgedAt" IS NOT NULL
  UNION ALL
  SELECT 'removed', ro."postId", ro."sentAt", EXTRACT(EPOCH FROM (ro.removed_at - ro."sentAt"))::float8 / 3600 FROM ro WHERE ro.removed_at IS NOT NULL
  UNION ALL
  SELECT 'declined', ro."postId", ro."sentAt", NULL FROM ro WHERE ro.decision = 'referral.declined'`;
}

/** `stats_ev`: the stage events of the request's range. */
export function insertEvents(f: StatsFilters): Sql {
  return sql`INSERT INTO stats_ev (stage, post_id, at, hours) ${stageEvents(f)}`;
}

/**
 * `pf`, with the CTEs before it: each post whose id `ids` selects, with its platform, language,
 * category (its original's latest classification for a re-upload) and, where they count, account
 * and page, when it matches `filter`.
 */
export function postDims(ids: Sql, filter: Sql): Sql {
  return sql`posts AS MATERIALIZED (
    SELECT p.id, p."platformId", p.language, p.url, p."authorHandle", p."duplicateOfId",
      CASE WHEN p.outcome = 'duplicate' THEN canon.outcome ELSE p.outcome END AS effective_outcome
    FROM "Post" p LEFT JOIN "Post" canon ON canon.id = p."duplicateOfId"
    WHERE p.id IN (${ids})
  ),
  cl AS (
    SELECT DISTINCT ON (c."postId") c."postId", c.category FROM "Classification" c
    WHERE c."postId" IN (SELECT COALESCE("duplicateOfId", id) FROM posts)
    ORDER BY c."postId", c."createdAt" DESC, c.id DESC
  ),
  pf AS MATERIALIZED (
    SELECT p.id, p."platformId" AS platform_id, ${LANGUAGE} AS language, ${CATEGORY} AS category, ${accountAndPage}
    FROM posts p CROSS JOIN LATERAL (SELECT p.effective_outcome AS outcome) eff
    ${urlParts}
    LEFT JOIN cl ON cl."postId" = COALESCE(p."duplicateOfId", p.id)
    WHERE ${filter}
  )`;
}

/** `stats_facts`: the events of posts matching the filters, with platform, language, category, account and page. */
export function insertFacts(f: StatsFilters): Sql {
  return sql`
  INSERT INTO stats_facts (stage, at, hours, platform_id, language, category, account, page)
  WITH ${postDims(sql`SELECT post_id FROM stats_ev`, postFilter(f))}
  SELECT ev.stage, ev.at, ev.hours, pf.platform_id, pf.language, pf.category, pf.account, pf.page
  FROM stats_ev ev JOIN pf ON pf.id = ev.post_id`;
}

/** The time-to-removal bin of `hours`, as SQL. */
export const removalBin = sql`CASE ${join(
  REMOVAL_BINS.map((b) =>
    b.toHours === null
      ? sql`WHEN hours >= ${b.fromHours}::float8 THEN ${b.bin}::text`
      : sql`WHEN hours < ${b.toHours}::float8 THEN ${b.bin}::text`,
  ),
  ' ',
)} END`;
