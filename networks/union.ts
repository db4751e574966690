/**
 * Networks as a union-find over contact points, kept in the database and updated inside the
 * classify transaction, set-based (a fixed number of statements per batch, whatever its size).
 *
 * Race safety: every change to networks runs under one transaction-scoped advisory lock
 * (networks/lock.ts), taken as the last step of the classify transaction and released at its
 * commit, so two workers never merge the same networks at once and each sees the other's
 * committed result (READ COMMITTED: every statement after the lock reads the latest commits).
 * It is held for one batch's network step (two reads and one write statement) plus the commit.
 * Deterministic merge rule: the network with the smallest id (UUIDv7, i.e. the oldest) survives;
 * the others get `mergedIntoId` and their entities and members move to it.
 * Idempotency: a post already in `NetworkMember` is skipped, so a redelivered job (or a second
 * run racing the first) changes nothing.
 */
import { v7 as uuidv7 } from 'uuid';
import { timestampText } from '../core/db/array-literal.ts';
import type { Db } from '../core/db/index.ts';
import type { Entity } from './entities.ts';
import { lockNetworks } from './lock.ts';
import { NETWORK_CONFIRM_BOOST } from './priority.ts';

export interface NetworkMemberInput {
  postId: string;
  /** `postedAt ?? ingestedAt`: what first/last seen are made of. */
  seenAt: Date;
  entities: readonly Entity[];
}

/** Plain union-find over string nodes, with path halving. */
class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) {
      this.parent.set(x, x);
      return x;
    }
    while (p !== x) {
      const gp = this.parent.get(p)!;
      this.parent.set(x, gp);
      x = p;
      p = this.parent.get(x)!;
    }
    return x;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
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

export interface NetworkUpdate {
  /** Posts newly added to a network. */
  added: number;
  /** Networks created and networks merged away. */
  created: number;
  merged: number;
  /** Open review items raised because their (merged) network has a confirmed post. */
  raised: number;
}

/** Adds posts and their entities to networks, creating and merging networks as needed. */
export async function addToNetworks(tx: Db, input: readonly NetworkMemberInput[]): Promise<NetworkUpdate> {
  const none: NetworkUpdate = { added: 0, created: 0, merged: 0, raised: 0 };
  const withEntities = input.filter((m) => m.entities.length);
  if (!withEntities.length) return none;
  await lockNetworks(tx);

  const already = new Set(
    (
      await tx.query<{ postId: string }>`
      SELECT "postId" FROM "NetworkMember" WHERE "postId" = ANY(${withEntities.map((m) => m.postId)}::uuid[])`
    ).map((r) => r.postId),
  );
  const fresh = withEntities.filter((m) => !already.has(m.postId));
  if (!fresh.length) return none;

  const kinds = new Map<string, Entity['kind']>();
  for (const m of fresh) for (const e of m.entities) kinds.set(e.key, e.kind);
  // Known entities with their (live) network's figures, in one read.
  const known = await tx.query<{ key: string; networkId: string } & Omit<NetworkRow, 'id'>>`
    SELECT e.key, e."networkId"::text AS "networkId", n."postCount", n."entityCount", n."firstSeenAt", n."lastSeenAt", n."confirmedAt", n."vouchedCount"
    FROM "NetworkEntity" e JOIN "Network" n ON n.id = e."networkId" WHERE e.key = ANY(${[...kinds.keys()]}::text[])`;
  const existing = new Map<string, NetworkRow>(known.map(({ key: _key, networkId, ...n }) => [networkId, { id: networkId, ...n }]));
  const existingIds = [...existing.keys()];

  // Nodes: `p:<post>`, `e:<entity key>`, `n:<network id>`.
  const uf = new UnionFind();
  for (const k of known) uf.union(`e:${k.key}`, `n:${k.networkId}`);
  for (const m of fresh) for (const e of m.entities) uf.union(`p:${m.postId}`, `e:${e.key}`);

  interface Component {
    networks: string[];
    posts: NetworkMemberInput[];
    newKeys: string[];
  }
  const components = new Map<string, Component>();
  const comp = (node: string) => {
    const root = uf.find(node);
    let c = components.get(root);
    if (!c) components.set(root, (c = { networks: [], posts: [], newKeys: [] }));
    return c;
  };
  for (const id of existingIds) comp(`n:${id}`).networks.push(id);
  for (const m of fresh) comp(`p:${m.postId}`).posts.push(m);
  const knownKeys = new Set(known.map((k) => k.key));
  for (const key of kinds.keys()) if (!knownKeys.has(key)) comp(`e:${key}`).newKeys.push(key);

  const roots: NetworkRow[] = [];
  const losers: string[] = [];
  const winnerOfLoser: string[] = [];
  const memberNetwork = new Map<string, string>();
  const entityNetwork = new Map<string, string>();
  const raisePosts: string[] = [];
  const raiseNetworks: string[] = [];
  let created = 0;
  for (const c of components.values()) {
    c.networks.sort();
    const winner = c.networks[0] ?? uuidv7();
    if (!c.networks.length) created += 1;
    const rows = c.networks.map((id) => existing.get(id)!);
    const seen = c.posts.map((p) => p.seenAt.getTime());
    const confirmed = rows.map((r) => r.confirmedAt).filter((d): d is Date => d !== null);
    const root: NetworkRow = {
      id: winner,
      postCount: rows.reduce((s, r) => s + r.postCount, 0) + c.posts.length,
      entityCount: rows.reduce((s, r) => s + r.entityCount, 0) + c.newKeys.length,
      firstSeenAt: new Date(Math.min(...rows.map((r) => r.firstSeenAt.getTime()), ...seen)),
      lastSeenAt: new Date(Math.max(...rows.map((r) => r.lastSeenAt.getTime()), ...seen)),
      confirmedAt: confirmed.length ? new Date(Math.min(...confirmed.map((d) => d.getTime()))) : null,
      // New posts are routed, not yet referred or confirmed: only the merged networks' counts.
      vouchedCount: rows.reduce((s, r) => s + r.vouchedCount, 0),
    };
    roots.push(root);
    // New posts of a network with a confirmed post, and the open items of networks that a merge
    // joins to one, get the raise a confirmation gives (see priority.ts). Only merged networks
    // are scanned whole; otherwise just this batch's posts.
    if (root.confirmedAt) {
      raisePosts.push(...c.posts.map((p) => p.postId));
      if (c.networks.length > 1) raiseNetworks.push(...c.networks); // before the merge: the statement's snapshot
    }
    for (const l of c.networks.slice(1)) {
      losers.push(l);
      winnerOfLoser.push(winner);
    }
    for (const p of c.posts) memberNetwork.set(p.postId, winner);
    for (const k of c.newKeys) entityNetwork.set(k, winner);
  }

  const keys = [...entityNetwork.keys()];
  const firstSeen = new Map<string, number>();
  for (const m of fresh) for (const e of m.entities) firstSeen.set(e.key, Math.min(firstSeen.get(e.key) ?? Infinity, m.seenAt.getTime()));
  const pe = fresh.flatMap((m) => m.entities.map((e) => [m.postId, e.key] as const));
  // Every write in one statement (one round trip). Data-modifying CTEs all run to completion and
  // share one snapshot, so they touch disjoint rows: roots are upserted, losers re-pointed, new
  // rows inserted pointing at roots; foreign keys are checked at the end of the statement.
  const [res] = await tx.query<{ raised: number }>`
    WITH roots AS (
      INSERT INTO "Network" (id, "postCount", "entityCount", "firstSeenAt", "lastSeenAt", "confirmedAt", "vouchedCount")
      SELECT * FROM unnest(${roots.map((r) => r.id)}::uuid[], ${roots.map((r) => r.postCount)}::int[], ${roots.map((r) => r.entityCount)}::int[],
        ${roots.map((r) => timestampText(r.firstSeenAt))}::timestamp(3)[], ${roots.map((r) => timestampText(r.lastSeenAt))}::timestamp(3)[],
        ${roots.map((r) => (r.confirmedAt ? timestampText(r.confirmedAt) : null))}::timestamp(3)[], ${roots.map((r) => r.vouchedCount)}::int[])
      ON CONFLICT (id) DO UPDATE SET "postCount" = EXCLUDED."postCount", "entityCount" = EXCLUDED."entityCount",
        "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt", "confirmedAt" = EXCLUDED."confirmedAt",
        "vouchedCount" = EXCLUDED."vouchedCount"),
    merge AS (SELECT * FROM unnest(${losers}::uuid[], ${winnerOfLoser}::uuid[]) AS m(l, w)),
    -- Networks merged earlier keep pointing straight at the live one (no chains).
    merged AS (UPDATE "Network" n SET "mergedIntoId" = m.w FROM merge m WHERE n.id = m.l OR n."mergedIntoId" = m.l),
    moved_entities AS (UPDATE "NetworkEntity" e SET "networkId" = m.w FROM merge m WHERE e."networkId" = m.l),
    moved_members AS (UPDATE "NetworkMember" e SET "networkId" = m.w FROM merge m WHERE e."networkId" = m.l),
    entities AS (
      INSERT INTO "NetworkEntity" (key, kind, "networkId", "firstSeenAt")
      SELECT * FROM unnest(${keys}::text[], ${keys.map((k) => kinds.get(k)!)}::text[], ${keys.map((k) => entityNetwork.get(k)!)}::uuid[],
        ${keys.map((k) => timestampText(new Date(firstSeen.get(k)!)))}::timestamp(3)[])
      ON CONFLICT DO NOTHING),
    post_entities AS (
      INSERT INTO "PostEntity" ("postId", "entityKey")
      SELECT * FROM unnest(${pe.map((x) => x[0])}::uuid[], ${pe.map((x) => x[1])}::text[]) ON CONFLICT DO NOTHING),
    members AS (
      INSERT INTO "NetworkMember" ("postId", "networkId")
      SELECT * FROM unnest(${[...memberNetwork.keys()]}::uuid[], ${[...memberNetwork.values()]}::uuid[]) ON CONFLICT DO NOTHING),
    -- Items looked up by post id (an index probe each), not found by scanning every open item
    -- for an OR of the two lists: that scan ran on every batch and grew with the queue.
    raised AS (
      UPDATE "ReviewItem" ri SET priority = ri.priority + ${NETWORK_CONFIRM_BOOST}, "networkBoost" = ${NETWORK_CONFIRM_BOOST}
      WHERE ri."postId" IN (
          SELECT unnest(${raisePosts}::uuid[])
          UNION SELECT "postId" FROM "NetworkMember" WHERE "networkId" = ANY(${raiseNetworks}::uuid[]))
        AND ri.status IN ('open', 'escalated', 'needs_translation') AND ri."networkBoost" = 0
      RETURNING 1)
    SELECT count(*)::int AS raised FROM raised`;
  const raised = res!.raised;
  return { added: fresh.length, created, merged: losers.length, raised };
}
