/**
 * Reading networks for the API and the page: live networks by size (keyset pages), and one
 * network with its entities and posts. Sizes and first/last seen are kept on `Network` by the
 * union step; platforms, languages and the share already removed are computed for the page of
 * networks being shown, from its members.
 *
 * A post counts as removed when the platform reported it actioned or the liveness check found it
 * offline (`Referral.offlineAt`), unless a later check saw it still online or back again (the
 * statements are in sql/networks.ts).
 */
import { badCursor, decodeCursor, encodeCursor } from '../core/cursor.ts';
import type { Db } from '../core/db/index.ts';
import type { EntityKind } from './entities.ts';
import {
  selectLiveNetwork,
  selectLiveNetworks,
  selectNetworkEntities,
  selectNetworkMembersSummary,
  selectNetworkPosts,
  type NetworkPostRow,
  type NetworkRow,
} from './sql/networks.ts';

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

/** A member post as the API shows it: the row with its time as ISO 8601 text. */
export interface NetworkPost extends Omit<NetworkPostRow, 'seenAt'> {
  seenAt: string;
}

export interface NetworkDetail extends NetworkSummary {
  /** Set when the id asked for was merged into this network. */
  mergedFrom: string | null;
  entities: { key: string; kind: EntityKind; posts: number; firstSeenAt: string; benign: boolean }[];
  posts: NetworkPost[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function summarise(db: Db, rows: readonly NetworkRow[]): Promise<NetworkSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const agg = await selectNetworkMembersSummary(db, ids);
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
  db: Db,
  opts: ListNetworksOptions = {},
): Promise<{ networks: NetworkSummary[]; nextCursor: string | null }> {
  const minSize = opts.minSize ?? 2;
  const limit = opts.limit ?? 50;
  let after: { postCount: number; id: string } | undefined;
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, 'networks');
    if (typeof c.v !== 'number' || !UUID.test(c.id)) throw badCursor('not a cursor');
    after = { postCount: c.v, id: c.id };
  }
  const rows = await selectLiveNetworks(db, { minSize, take: limit + 1, after });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: 'networks', v: last.postCount, id: last.id }) : null;
  return { networks: await summarise(db, page), nextCursor };
}

/** Posts shown per network (the oldest first); the summary still counts all of them. */
export const MAX_NETWORK_POSTS = 500;

/** One network (following a merge to the live one), or undefined. */
export async function getNetwork(db: Db, id: string): Promise<NetworkDetail | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await selectLiveNetwork(db, id);
  if (!row) return undefined;
  const [summary] = await summarise(db, [row]);
  const entities = await selectNetworkEntities(db, row.id);
  const posts = await selectNetworkPosts(db, row.id, MAX_NETWORK_POSTS);
  return {
    ...summary!,
    mergedFrom: row.id === id ? null : id,
    entities: entities.map((e) => ({ ...e, firstSeenAt: e.firstSeenAt.toISOString() })),
    posts: posts.map((p) => ({ ...p, seenAt: p.seenAt.toISOString() })),
  };
}
