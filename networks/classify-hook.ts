/**
 * The classify stage's hook into networks and near-duplicates: called inside the classify
 * transaction after routing, so links, signatures and network membership commit together with the
 * outcome (or not at all), and a redelivered job finds nothing left to do.
 */
import type { Db } from '../core/db/index.ts';
import type { Signal } from '../detector/types.ts';
import { entitiesOf, type Entity } from './entities.ts';
import { saveNearDuplicates, type NearDuplicateScan } from './near-duplicate-store.ts';
import { addToNetworks, type NetworkUpdate } from './union.ts';

export { findNearDuplicates, type NearDuplicateScan } from './near-duplicate-store.ts';

interface ClassifiedPost {
  id: string;
  text: string;
  postedAt: Date | null;
  ingestedAt: Date;
}

/**
 * Stores near-duplicate links and signatures, and adds the routed posts' contact points to
 * networks, for the posts the routing statement just routed (`routed`; a post routed by another
 * attempt is that attempt's to record). Dismissed posts join no network: news and warnings quote
 * hotlines and police numbers, which would otherwise tie unrelated adverts together. For the same
 * reason contacts a lead marked benign (`benign`) link nothing.
 */
export async function recordPostLinks(
  tx: Db,
  near: NearDuplicateScan,
  routed: readonly { id: string; outcome: string }[],
  posts: readonly ClassifiedPost[],
  signalsOf: (postId: string) => readonly Signal[],
  benign: ReadonlySet<string> = new Set(),
): Promise<NetworkUpdate> {
  const outcome = new Map(routed.map((r) => [r.id, r.outcome]));
  const scan: NearDuplicateScan = {
    signatures: new Map([...near.signatures].filter(([id]) => outcome.has(id))),
    matches: new Map([...near.matches].filter(([id]) => outcome.has(id))),
    ownBands: near.ownBands,
  };
  const inReview = (id: string) => outcome.has(id) && outcome.get(id) !== 'dismissed';
  const linking = (e: Entity) => !benign.has(e.key);
  await saveNearDuplicates(tx, scan, inReview);
  return addToNetworks(
    tx,
    posts
      .filter((p) => inReview(p.id))
      .map((p) => ({ postId: p.id, seenAt: p.postedAt ?? p.ingestedAt, entities: entitiesOf(signalsOf(p.id), p.text).filter(linking) })),
  );
}
