/**
 * Networks as a union-find over contact points, kept in the database and updated inside the
 * classify transaction, set-based (a fixed number of statements per batch, whatever its size).
 *
 * Race safety: every change to networks runs under one transaction-scoped advisory lock
 * (lockNetworks, sql/networks.ts), taken as the last step of the classify transaction and released at its
 * commit, so two workers never merge the same networks at once and each sees the other's
 * committed result (READ COMMITTED: every statement after the lock reads the latest commits).
 * It is held for one batch's network step (two reads and one write statement) plus the commit.
 * Deterministic merge rule: the network with the smallest id (UUIDv7, i.e. the oldest) survives;
 * the others get `mergedIntoId` and their entities and members move to it.
 * Idempotency: a post already in `NetworkMember` is skipped, so a redelivered job (or a second
 * run racing the first) changes nothing.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../core/db/index.ts';
import type { Entity } from './entities.ts';
import { NETWORK_CONFIRM_BOOST } from './priority.ts';
import { applyNetworkChanges, lockNetworks, selectKnownEntities, selectMemberPosts, type NetworkRow } from './sql/networks.ts';

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
    await selectMemberPosts(
      tx,
      withEntities.map((m) => m.postId),
    ),
  );
  const fresh = withEntities.filter((m) => !already.has(m.postId));
  if (!fresh.length) return none;

  const kinds = new Map<string, Entity['kind']>();
  for (const m of fresh) for (const e of m.entities) kinds.set(e.key, e.kind);
  // Known entities with their (live) network's figures, in one read.
  const known = await selectKnownEntities(tx, [...kinds.keys()]);
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
  const merges: { loser: string; winner: string }[] = [];
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
    for (const loser of c.networks.slice(1)) merges.push({ loser, winner });
    for (const p of c.posts) memberNetwork.set(p.postId, winner);
    for (const k of c.newKeys) entityNetwork.set(k, winner);
  }

  const firstSeen = new Map<string, number>();
  for (const m of fresh) for (const e of m.entities) firstSeen.set(e.key, Math.min(firstSeen.get(e.key) ?? Infinity, m.seenAt.getTime()));
  const raised = await applyNetworkChanges(tx, {
    roots,
    merges,
    entities: [...entityNetwork].map(([key, networkId]) => ({
      key,
      kind: kinds.get(key)!,
      networkId,
      firstSeenAt: new Date(firstSeen.get(key)!),
    })),
    postEntities: fresh.flatMap((m) => m.entities.map((e) => ({ postId: m.postId, entityKey: e.key }))),
    members: [...memberNetwork].map(([postId, networkId]) => ({ postId, networkId })),
    raisePosts,
    raiseNetworks,
    boost: NETWORK_CONFIRM_BOOST,
  });
  return { added: fresh.length, created, merged: merges.length, raised };
}
