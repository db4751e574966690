/**
 * Review priority raise for a network with a confirmed post.
 *
 * Priority is log2(score) + hours/half-life (workers/route.ts), so adding 2 is the same as a
 * score four times higher, or a post two half-lives (48 h by default) newer. A reviewer's
 * confirmation says the network's contact point belongs to a smuggling offer; the other posts
 * naming it are then far more likely to be adverts of the same operation than their own score
 * says, and the sooner they are referred together the less the operation can move. ×4 lifts a
 * 0.25-score sibling level with a fresh 1.0 post of the same age, without letting week-old
 * siblings jump over everything posted today. Each item is raised once (`ReviewItem.networkBoost`
 * records it), however many of its network's posts are confirmed, so the raise is bounded and a
 * retried confirmation does not repeat it; a reversal keeps it (the contact point was still
 * confirmed once).
 */
import type { Db } from '../core/db/index.ts';
import { vouchForPost } from './known-contacts.ts';
import { lockNetworks, markNetworkConfirmed, raiseNetworkItems, selectPostNetwork } from './sql/networks.ts';

/** Taken by a confirming transaction before it locks the item (the order classify uses). */
export { lockNetworks } from './sql/networks.ts';

/** Added to the priority of open review items in a network with a confirmed post. Default 2 (×4 score). */
export const NETWORK_CONFIRM_BOOST = 2;

/**
 * Called in the transaction that confirms `postId`. That transaction takes the network lock
 * (lockNetworks) before it locks the item, the same order as classify (network lock, then rows),
 * so the two never deadlock. Marks the post's network confirmed, counts the post as vouched for
 * (its contacts become known contacts, known-contacts.ts) and raises its other undecided items
 * (open, escalated, needs translation) not raised yet. Returns how many were raised.
 */
export async function raiseNetworkOnConfirm(tx: Db, postId: string): Promise<number> {
  await lockNetworks(tx);
  const networkId = await selectPostNetwork(tx, postId);
  if (!networkId) return 0;
  await vouchForPost(tx, postId, true);
  await markNetworkConfirmed(tx, networkId);
  return raiseNetworkItems(tx, networkId, postId, NETWORK_CONFIRM_BOOST);
}
