/**
 * Reading networks for the API and the page: live networks by size (keyset pages), and one
 * network with its entities and posts. Sizes and first/last seen are kept on `Network` by the
 * union step; platforms, languages and the share already removed are computed for the page of
 * networks being shown, from its members.
 *
 * A post counts as removed when the platform reported it actioned or the liveness check found it
 * offline (`Referral.offlineAt`), unless a later check saw it still online or back again.
 */
import { empty, sql, type PoolDb } from '../core/db/index.ts';
import { badCursor, decodeCursor, encodeCursor } from '../core/cursor.ts';
import type { EntityKind } from './entities.ts';
import type { NetworkRow } from './union.ts';

export interface NetworkSummary {
  id: string;
  size: number;
  entityCount: number;
  platforms: string[];
  languages: string[];
  firstSeenAt: string;
  lastSeenAt: string;
  /** Posts removed ÷ size, 0–1. */
  shareRemoved: number;
  removed: number;
  /** When a reviewer first confirmed one of its posts. */
  confirmedAt: string | null;
  /** Posts referred or confirmed by a reviewer: > 0 makes its contacts known (known-contacts.ts). */
  vouched: number;
}

export interface NetworkPost {
  id: string;
  platform: string;
  url: string;
  text: string | null;
  author: string | null;
  language: string | null;
  seenAt: string;
  outcome: string;
  reviewItemId: string | null;
  reviewStatus: string | null;
  removed: boolean;
  entities: string[];
}

export interface NetworkDetail extends NetworkSummary {
  /** Set when the id asked for was merged into this network. */
  mergedFrom: string | null;
  entities: { key: string; kind: EntityKind; posts: number; firstSeenAt: string; benign: boolean }[];
  posts: NetworkPost[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REMOVED = sql`EXISTS (SELECT 1 FROM "Referral" rf WHERE rf."postId" = p.id
  AND rf.status NOT IN ('still_online', 'reappeared')
  AND (rf.status IN ('actioned', 'confirmed_offline') OR rf."offlineAt" IS NOT NULL))`;

async function summarise(db: PoolDb, rows: readonly NetworkRow[]): Promise<NetworkSummary[]> {
  if (!rows.length) return [];
  const agg = await db.query<{ networkId: string; platforms: string[]; languages: string[]; removed: number }>`
    SELECT nm."networkId"::text AS "networkId",
      array_agg(DISTINCT pl.name ORDER BY pl.name) AS platforms,
      COALESCE(array_agg(DISTINCT p.language ORDER BY p.language) FILTER (WHERE p.language IS NOT NULL), '{}') AS languages,
      (count(*) FILTER (WHERE ${REMOVED}))::int AS removed
    FROM "NetworkMember" nm JOIN "Post" p ON p.id = nm."postId" JOIN "Platform" pl ON pl.id = p."platformId"
    WHERE nm."networkId" = ANY(${rows.map((r) => r.id)}::uuid[])
    GROUP BY nm."networkId"`;
  const byId = new Map(agg.map((a) => [a.networkId, a]));
  return rows.map((r) => {
    const a = byId.get(r.id);
    const removed = a?.removed ?? 0;
    return {
      id: r.id,
      size: r.postCount,
      entityCount: r.entityCount,
      platforms: a?.platforms ?? [],
      languages: a?.languages ?? [],
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      shareRemoved: r.postCount ? removed / r.postCount : 0,
      removed,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      vouched: r.vouchedCount,
    };
  });
}

export interface ListNetworksOptions {
  /** Smallest network listed. Default 2 (one post alone is not a network yet). */
  minSize?: number;
  /** Page size. Default 50. */
  limit?: number;
  cursor?: string | undefined;
}

/** Live networks, largest first (ties: oldest first), in keyset pages. */
export async function listNetworks(
  db: PoolDb,
  opts: ListNetworksOptions = {},
): Promise<{ networks: NetworkSummary[]; nextCursor: string | null }> {
  const minSize = opts.minSize ?? 2;
  const limit = opts.limit ?? 50;
  let after = empty;
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, 'networks');
    if (typeof c.v !== 'number' || !UUID.test(c.id)) throw badCursor('not a cursor');
    after = sql`AND ("postCount" < ${c.v} OR ("postCount" = ${c.v} AND id > ${c.id}::uuid))`;
  }
  const rows = await db.query<NetworkRow>`
    SELECT id::text, "postCount", "entityCount", "firstSeenAt", "lastSeenAt", "confirmedAt", "vouchedCount" FROM "Network"
    WHERE "mergedIntoId" IS NULL AND "postCount" >= ${minSize} ${after}
    ORDER BY "postCount" DESC, id ASC LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: 'networks', v: last.postCount, id: last.id }) : null;
  return { networks: await summarise(db, page), nextCursor };
}

/** Posts shown per network (the oldest first); the summary still counts all of them. */
export const MAX_NETWORK_POSTS = 500;

/** One network (following a merge to the live one), or undefined. */
export async function getNetwork(db: PoolDb, id: string): Promise<NetworkDetail | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.query<NetworkRow & { mergedIntoId: string | null }>`
    SELECT n.id::text, n."postCount", n."entityCount", n."firstSeenAt", n."lastSeenAt", n."confirmedAt", n."vouchedCount", NULL::text AS "mergedIntoId"
    FROM "Network" n WHERE n.id = (SELECT COALESCE("mergedIntoId", id) FROM "Network" WHERE id = ${id}::uuid)`;
  if (!row) return undefined;
  const [summary] = await summarise(db, [row]);
  const entities = await db.query<{ key: string; kind: EntityKind; posts: number; firstSeenAt: Date; benign: boolean }>`
    SELECT e.key, e.kind, (SELECT count(*)::int FROM "PostEntity" pe WHERE pe."entityKey" = e.key) AS posts, e."firstSeenAt",
      EXISTS (SELECT 1 FROM "BenignContact" b WHERE b.key = e.key) AS benign
    FROM "NetworkEntity" e WHERE e."networkId" = ${row.id}::uuid ORDER BY posts DESC, e.key`;
  const posts = await db.query<Omit<NetworkPost, 'seenAt'> & { seenAt: Date }>`
    SELECT p.id::text, pl.name AS platform, p.url, p.text, p."authorHandle" AS author, p.language,
      COALESCE(p."postedAt", p."ingestedAt") AS "seenAt", p.outcome::text, ri.id::text AS "reviewItemId", ri.status::text AS "reviewStatus",
      ${REMOVED} AS removed,
      ARRAY(SELECT pe."entityKey" FROM "PostEntity" pe WHERE pe."postId" = p.id ORDER BY 1) AS entities
    FROM "NetworkMember" nm JOIN "Post" p ON p.id = nm."postId" JOIN "Platform" pl ON pl.id = p."platformId"
    LEFT JOIN "ReviewItem" ri ON ri."postId" = p.id
    WHERE nm."networkId" = ${row.id}::uuid
    ORDER BY "seenAt", p.id LIMIT ${MAX_NETWORK_POSTS}`;
  return {
    ...summary!,
    mergedFrom: row.id === id ? null : id,
    entities: entities.map((e) => ({ ...e, firstSeenAt: e.firstSeenAt.toISOString() })),
    posts: posts.map((p) => ({ ...p, seenAt: p.seenAt.toISOString() })),
  };
}
