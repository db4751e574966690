/**
 * The network tables' statements: the one lock, the union step's two reads and its one write,
 * vouching for a post, the confirmation raise, and the reads behind the API's pages. The rules
 * (merging, counting, views) stay in union.ts, known-contacts.ts, priority.ts and read.ts.
 */
import { timestampText } from '../../core/db/array-literal.ts';
import { empty, NOW_UTC, sql, type Db } from '../../core/db/index.ts';
import type { EntityKind } from '../entities.ts';

/** Advisory lock key of the network tables ("twnet" as a number). */
export const NETWORK_LOCK = 0x74776e6574n;

/**
 * The one lock over the network tables. Every change to networks (the classify step adding posts
 * and merging, a confirmation marking a network confirmed) takes it, transaction-scoped, so merges
 * never interleave; it is released at commit or rollback.
 */
export async function lockNetworks(tx: Db): Promise<void> {
  await tx.execute`SELECT pg_advisory_xact_lock(${NETWORK_LOCK}::bigint)`;
}

/** A network's stored figures, as read by union.ts and read.ts. */
export interface NetworkRow {
  id: string;
  postCount: number;
  entityCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  confirmedAt: Date | null;
  /** Member posts referred or confirmed (known-contacts.ts). */
  vouchedCount: number;
}

/** Which of `postIds` are members of a network already. */
export async function selectMemberPosts(tx: Db, postIds: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ postId: string }>`
      SELECT "postId" FROM "NetworkMember" WHERE "postId" = ANY(${postIds}::uuid[])`;
  return rows.map((r) => r.postId);
}

/** An entity already stored, with its (live) network's figures. */
export type KnownEntityRow = { key: string; networkId: string } & Omit<NetworkRow, 'id'>;

/** The entities among `keys` already stored, with their networks' figures, in one read. */
export function selectKnownEntities(tx: Db, keys: readonly string[]): Promise<KnownEntityRow[]> {
  return tx.query<KnownEntityRow>`
    SELECT e.key, e."networkId"::text AS "networkId", n."postCount", n."entityCount", n."firstSeenAt", n."lastSeenAt", n."confirmedAt", n."vouchedCount"
    FROM "NetworkEntity" e JOIN "Network" n ON n.id = e."networkId" WHERE e.key = ANY(${keys}::text[])`;
}

/** Everything one union step writes (union.ts decides it). */
export interface NetworkChanges {
  /** The live network of each component, created or updated with its new figures. */
  roots: readonly NetworkRow[];
  /** Networks merged away, each with the network that absorbs it. */
  merges: readonly { loser: string; winner: string }[];
  /** Entities seen for the first time. */
  entities: readonly { key: string; kind: EntityKind; networkId: string; firstSeenAt: Date }[];
  postEntities: readonly { postId: string; entityKey: string }[];
  members: readonly { postId: string; networkId: string }[];
  /** Posts whose open items get `boost`, and networks (before the merge) whose members' open items do. */
  raisePosts: readonly string[];
  raiseNetworks: readonly string[];
  boost: number;
}

/**
 * Every write of a union step in one statement (one round trip); the number of items raised.
 * Data-modifying CTEs all run to completion and share one snapshot, so they touch disjoint rows:
 * roots are upserted, losers re-pointed, new rows inserted pointing at roots; foreign keys are
 * checked at the end of the statement.
 */
export async function applyNetworkChanges(tx: Db, c: NetworkChanges): Promise<number> {
  const { roots, merges, entities: keys, postEntities: pe, members, raisePosts, raiseNetworks } = c;
  const [res] = await tx.query<{ raised: number }>`
    WITH roots AS (
      INSERT INTO "Network" (id, "postCount", "entityCount", "firstSeenAt", "lastSeenAt", "confirmedAt", "vouchedCount")
      SELECT * FROM unnest(${roots.map((r) => r.id)}::uuid[], ${roots.map((r) => r.postCount)}::int[], ${roots.map((r) => r.entityCount)}::int[],
        ${roots.map((r) => timestampText(r.firstSeenAt))}::timestamp(3)[], ${roots.map((r) => timestampText(r.lastSeenAt))}::timestamp(3)[],
        ${roots.map((r) => (r.confirmedAt ? timestampText(r.confirmedAt) : null))}::timestamp(3)[], ${roots.map((r) => r.vouchedCount)}::int[])
      ON CONFLICT (id) DO UPDATE SET "postCount" = EXCLUDED."postCount", "entityCount" = EXCLUDED."entityCount",
        "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt", "confirmedAt" = EXCLUDED."confirmedAt",
        "vouchedCount" = EXCLUDED."vouchedCount"),
    merge AS (SELECT * FROM unnest(${merges.map((m) => m.loser)}::uuid[], ${merges.map((m) => m.winner)}::uuid[]) AS m(l, w)),
    -- Networks merged earlier keep pointing straight at the live one (no chains).
    merged AS (UPDATE "Network" n SET "mergedIntoId" = m.w FROM merge m WHERE n.id = m.l OR n."mergedIntoId" = m.l),
    moved_entities AS (UPDATE "NetworkEntity" e SET "networkId" = m.w FROM merge m WHERE e."networkId" = m.l),
    moved_members AS (UPDATE "NetworkMember" e SET "networkId" = m.w FROM merge m WHERE e."networkId" = m.l),
    entities AS (
      INSERT INTO "NetworkEntity" (key, kind, "networkId", "firstSeenAt")
      SELECT * FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.kind)}::text[], ${keys.map((k) => k.networkId)}::uuid[],
        ${keys.map((k) => timestampText(k.firstSeenAt))}::timestamp(3)[])
      ON CONFLICT DO NOTHING),
    post_entities AS (
      INSERT INTO "PostEntity" ("postId", "entityKey")
      SELECT * FROM unnest(${pe.map((x) => x.postId)}::uuid[], ${pe.map((x) => x.entityKey)}::text[]) ON CONFLICT DO NOTHING),
    members AS (
      INSERT INTO "NetworkMember" ("postId", "networkId")
      SELECT * FROM unnest(${members.map((m) => m.postId)}::uuid[], ${members.map((m) => m.networkId)}::uuid[]) ON CONFLICT DO NOTHING),
    -- Items looked up by post id (an index probe each), not found by scanning every open item
    -- for an OR of the two lists: that scan ran on every batch and grew with the queue.
    raised AS (
      UPDATE "ReviewItem" ri SET priority = ri.priority + ${c.boost}, "networkBoost" = ${c.boost}
      WHERE ri."postId" IN (
          SELECT unnest(${raisePosts}::uuid[])
          UNION SELECT "postId" FROM "NetworkMember" WHERE "networkId" = ANY(${raiseNetworks}::uuid[]))
        AND ri.status IN ('open', 'escalated', 'needs_translation') AND ri."networkBoost" = 0
      RETURNING 1)
    SELECT count(*)::int AS raised FROM raised`;
  return res!.raised;
}

/** Whether the post's membership is vouched for already; undefined when the post is in no network. */
export async function selectMemberVouched(tx: Db, postId: string): Promise<boolean | undefined> {
  const [member] = await tx.query<{ vouched: boolean }>`SELECT vouched FROM "NetworkMember" WHERE "postId" = ${postId}::uuid`;
  return member?.vouched;
}

/** Marks the post vouched for and counts it on its network, once (a second call changes nothing). */
export async function markMemberVouched(tx: Db, postId: string): Promise<void> {
  await tx.execute`
    WITH v AS (UPDATE "NetworkMember" SET vouched = true WHERE "postId" = ${postId}::uuid AND NOT vouched RETURNING "networkId")
    UPDATE "Network" n SET "vouchedCount" = n."vouchedCount" + 1 FROM v WHERE n.id = v."networkId"`;
}

/** The network the post belongs to, or undefined. */
export async function selectPostNetwork(tx: Db, postId: string): Promise<string | undefined> {
  const [member] = await tx.query<{ networkId: string }>`SELECT "networkId" FROM "NetworkMember" WHERE "postId" = ${postId}::uuid`;
  return member?.networkId;
}

/** Records the network's first confirmation (later ones keep the first time). */
export async function markNetworkConfirmed(tx: Db, networkId: string): Promise<void> {
  await tx.execute`
    UPDATE "Network" SET "confirmedAt" = ${NOW_UTC} WHERE id = ${networkId}::uuid AND "confirmedAt" IS NULL`;
}

/** Adds `boost` to the undecided items of the network's posts but `exceptPostId`, once each; how many were raised. */
export function raiseNetworkItems(tx: Db, networkId: string, exceptPostId: string, boost: number): Promise<number> {
  return tx.execute`
    UPDATE "ReviewItem" ri SET priority = ri.priority + ${boost}, "networkBoost" = ${boost}
    FROM "NetworkMember" nm
    WHERE nm."networkId" = ${networkId}::uuid AND ri."postId" = nm."postId" AND ri."postId" <> ${exceptPostId}::uuid
      AND ri.status IN ('open', 'escalated', 'needs_translation') AND ri."networkBoost" = 0`;
}

/**
 * A member post counts as removed when the platform reported it actioned or the liveness check
 * found it offline, unless a later check saw it still online or back again.
 */
const REMOVED = sql`EXISTS (SELECT 1 FROM "Referral" rf WHERE rf."postId" = p.id
  AND rf.status NOT IN ('still_online', 'reappeared')
  AND (rf.status IN ('actioned', 'confirmed_offline') OR rf."offlineAt" IS NOT NULL))`;

/** Per-network figures computed from the members: platforms, languages and posts removed. */
export interface NetworkMembersRow {
  networkId: string;
  platforms: string[];
  languages: string[];
  removed: number;
}

export function selectNetworkMembersSummary(db: Db, networkIds: readonly string[]): Promise<NetworkMembersRow[]> {
  return db.query<NetworkMembersRow>`
    SELECT nm."networkId"::text AS "networkId",
      array_agg(DISTINCT pl.name ORDER BY pl.name) AS platforms,
      COALESCE(array_agg(DISTINCT p.language ORDER BY p.language) FILTER (WHERE p.language IS NOT NULL), '{}') AS languages,
      (count(*) FILTER (WHERE ${REMOVED}))::int AS removed
    FROM "NetworkMember" nm JOIN "Post" p ON p.id = nm."postId" JOIN "Platform" pl ON pl.id = p."platformId"
    WHERE nm."networkId" = ANY(${networkIds}::uuid[])
    GROUP BY nm."networkId"`;
}

/**
 * Up to `take` live networks of at least `minSize` posts, largest first (ties: smaller id first),
 * after the keyset position `after` when given.
 */
export function selectLiveNetworks(
  db: Db,
  page: { minSize: number; take: number; after?: { postCount: number; id: string } | undefined },
): Promise<NetworkRow[]> {
  const { minSize, after: at } = page;
  const after = at ? sql`AND ("postCount" < ${at.postCount} OR ("postCount" = ${at.postCount} AND id > ${at.id}::uuid))` : empty;
  return db.query<NetworkRow>`
    SELECT id::text, "postCount", "entityCount", "firstSeenAt", "lastSeenAt", "confirmedAt", "vouchedCount" FROM "Network"
    WHERE "mergedIntoId" IS NULL AND "postCount" >= ${minSize} ${after}
    ORDER BY "postCount" DESC, id ASC LIMIT ${page.take}`;
}

/** The live network `id` is (or was merged into), or undefined. */
export async function selectLiveNetwork(db: Db, id: string): Promise<NetworkRow | undefined> {
  const [row] = await db.query<NetworkRow & { mergedIntoId: string | null }>`
    SELECT n.id::text, n."postCount", n."entityCount", n."firstSeenAt", n."lastSeenAt", n."confirmedAt", n."vouchedCount", NULL::text AS "mergedIntoId"
    FROM "Network" n WHERE n.id = (SELECT COALESCE("mergedIntoId", id) FROM "Network" WHERE id = ${id}::uuid)`;
  return row;
}

export interface NetworkEntityRow {
  key: string;
  kind: EntityKind;
  /** Posts carrying it. */
  posts: number;
  firstSeenAt: Date;
  benign: boolean;
}

/** A network's entities, most posts first. */
export function selectNetworkEntities(db: Db, networkId: string): Promise<NetworkEntityRow[]> {
  return db.query<NetworkEntityRow>`
    SELECT e.key, e.kind, (SELECT count(*)::int FROM "PostEntity" pe WHERE pe."entityKey" = e.key) AS posts, e."firstSeenAt",
      EXISTS (SELECT 1 FROM "BenignContact" b WHERE b.key = e.key) AS benign
    FROM "NetworkEntity" e WHERE e."networkId" = ${networkId}::uuid ORDER BY posts DESC, e.key`;
}

export interface NetworkPostRow {
  id: string;
  platform: string;
  url: string;
  text: string | null;
  author: string | null;
  language: string | null;
  /** `postedAt ?? ingestedAt`. */
  seenAt: Date;
  outcome: string;
  reviewItemId: string | null;
  reviewStatus: string | null;
  removed: boolean;
  /** Entity keys, sorted. */
  entities: string[];
}

/** Up to `limit` of a network's posts, the oldest first. */
export function selectNetworkPosts(db: Db, networkId: string, limit: number): Promise<NetworkPostRow[]> {
  return db.query<NetworkPostRow>`
    SELECT p.id::text, pl.name AS platform, p.url, p.text, p."authorHandle" AS author, p.language,
      COALESCE(p."postedAt", p."ingestedAt") AS "seenAt", p.outcome::text, ri.id::text AS "reviewItemId", ri.status::text AS "reviewStatus",
      ${REMOVED} AS removed,
      ARRAY(SELECT pe."entityKey" FROM "PostEntity" pe WHERE pe."postId" = p.id ORDER BY 1) AS entities
    FROM "NetworkMember" nm JOIN "Post" p ON p.id = nm."postId" JOIN "Platform" pl ON pl.id = p."platformId"
    LEFT JOIN "ReviewItem" ri ON ri."postId" = p.id
    WHERE nm."networkId" = ${networkId}::uuid
    ORDER BY "seenAt", p.id LIMIT ${limit}`;
}
