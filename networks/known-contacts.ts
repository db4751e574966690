/**
 * Known contacts: a contact point (phone, handle, link) of a network that holds a referred or
 * reviewer-confirmed advert raises a new post naming it (`known_contact`, valued with the network
 * id), whatever its text score: the post goes at least to review, with the priority raise a
 * confirmed network gives (priority.ts), and joins the network. Contacts a lead marked benign
 * (benign.ts) never count and never link.
 *
 * "Referred or confirmed" is kept on the network as `vouchedCount` (each member counted once, by
 * `NetworkMember.vouched`), summed by union.ts on merges, so classify's lookup is one indexed
 * read per batch. A post is vouched for when a reviewer confirms it (priority.ts) or the refer
 * stage creates its referral (workers/refer.ts), both under the network lock, so a count is never
 * lost to a concurrent merge. A later reversal keeps the count (the contact was vouched for once).
 */
import type { Db } from '../core/db/index.ts';
import type { Signal } from '../detector/types.ts';
import { entityOf } from './entities.ts';
import { selectKnownOrBenignContacts } from './sql/contacts.ts';
import { lockNetworks, markMemberVouched, selectMemberVouched } from './sql/networks.ts';

export const KNOWN_CONTACT = 'known_contact';

export interface ContactLookup {
  /** Entity key → the live network that makes it known (vouchedCount > 0), for keys not benign. */
  known: Map<string, { networkId: string; vouchedCount: number }>;
  /** Keys a lead marked benign. */
  benign: Set<string>;
}

/**
 * The batch's contact keys that are known or benign, in one read (before the network lock: a
 * referral committed while this batch is between the read and its commit is seen by the next).
 */
export async function lookupContacts(tx: Db, keys: readonly string[]): Promise<ContactLookup> {
  const out: ContactLookup = { known: new Map(), benign: new Set() };
  if (!keys.length) return out;
  for (const r of await selectKnownOrBenignContacts(tx, [...new Set(keys)])) {
    if (r.benign) out.benign.add(r.key);
    else if (r.networkId) out.known.set(r.key, { networkId: r.networkId, vouchedCount: r.vouchedCount ?? 0 });
  }
  return out;
}

/** Every contact key a post's signals name (the lookup's input). */
export function contactKeys(signals: readonly Signal[], text: string): string[] {
  const keys: string[] = [];
  for (const s of signals) {
    const e = entityOf(s, text);
    if (e) keys.push(e.key);
  }
  return keys;
}

/** One `known_contact` signal per known key of the post, spanning the key's first mention. */
export function knownContactSignals(signals: readonly Signal[], text: string, lookup: ContactLookup): Signal[] {
  if (!lookup.known.size) return [];
  const out: Signal[] = [];
  const done = new Set<string>();
  for (const s of signals) {
    const e = entityOf(s, text);
    const hit = e && !done.has(e.key) ? lookup.known.get(e.key) : undefined;
    if (!e || !hit) continue;
    done.add(e.key);
    out.push({ type: KNOWN_CONTACT, value: hit.networkId, start: s.start, end: s.end });
  }
  return out;
}

/**
 * Marks `postId` referred or confirmed in its network (once): called in the transaction that
 * confirms it or creates its referral. Takes the network lock unless `locked` (the caller holds it).
 * A post in no network (no contact point) has nothing to mark.
 */
export async function vouchForPost(tx: Db, postId: string, locked = false): Promise<void> {
  const vouched = await selectMemberVouched(tx, postId);
  if (vouched !== false) return;
  if (!locked) await lockNetworks(tx);
  await markMemberVouched(tx, postId);
}
