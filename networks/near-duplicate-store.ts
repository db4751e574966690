/**
 * Near-duplicate linking for the classify stage, set-based: before routing, one index lookup of
 * every band key of the batch (band rows are kept for each cluster's representative and for
 * confirmed posts, not for every copy), with whether each candidate was confirmed (a re-upload of a
 * confirmed post is routed to referral candidate); in the routing transaction, one statement inserting
 * signatures, band keys and links (all ON CONFLICT DO NOTHING, so a re-run of the job writes nothing new).
 *
 * "Earlier" means classified before: a post is compared with the stored signatures and with the
 * posts before it in the same batch (by ingest time, then id). Signatures are stored for posts
 * routed to review or referral only — those are what a reviewer can confirm, and what a re-upload
 * needs to be recognised against; dismissed posts are still checked against them.
 * Two near-duplicates classified at the same instant by two workers do not see each other
 * (neither signature is committed yet); exact re-uploads are unaffected (ingest de-duplicates
 * those race-free).
 */
import type { Db } from '../core/db/index.ts';
import {
  bandsOf,
  minhashBytes,
  minhashFromBytes,
  NEAR_DUPLICATE_MIN_SIMILARITY,
  signatureOf,
  similarity,
  type Signature,
} from './near-duplicate.ts';
import { SignatureCache } from './signature-cache.ts';
import { insertBandRows, insertNearDuplicates, selectBandMatches, selectMinhashes } from './sql/near-duplicates.ts';

/**
 * Signatures this process has computed or read, by post id. A post's signature is a pure function
 * of its text, so the scan reads only the ids (and matching band keys) of stored candidates and
 * fetches the minima of those it has not seen; a re-uploaded advert's earlier copies are usually
 * posts this worker signed itself.
 */
const known = new SignatureCache();

export interface NearDuplicateMatch {
  earlierPostId: string;
  similarity: number;
  /** Whether a reviewer confirmed the earlier post (its review item is `confirmed`). */
  confirmed: boolean;
}

export interface NearDuplicateScan {
  signatures: Map<string, Signature>;
  matches: Map<string, NearDuplicateMatch>;
  /**
   * Band rows already stored under the scanned posts' own ids, by post id: only left behind by a
   * post deleted and ingested again under the same id (band rows have no foreign key). Usually empty;
   * saveNearDuplicates skips them, since it inserts band rows without ON CONFLICT.
   */
  ownBands?: Map<string, Set<number>>;
}

interface PostForScan {
  id: string;
  text: string;
  ingestedAt: Date;
}

/**
 * The best earlier match of each post: a confirmed earlier post first (its decision decides the
 * routing and is what the reviewer is shown), then the most similar, then the smaller post id.
 */
export async function findNearDuplicates(
  tx: Db,
  posts: readonly PostForScan[],
  /** Signatures already computed for some of `posts` (by ingest); the rest are computed here. */
  given?: ReadonlyMap<string, Signature>,
): Promise<NearDuplicateScan> {
  const ordered = [...posts].sort((a, b) => a.ingestedAt.getTime() - b.ingestedAt.getTime() || (a.id < b.id ? -1 : 1));
  const signatures = new Map<string, Signature>();
  const allBands = new Set<number>();
  for (const p of ordered) {
    const s = given?.get(p.id) ?? signatureOf(p.text);
    signatures.set(p.id, s);
    for (const b of s.bands) allBands.add(b);
  }
  const matches = new Map<string, NearDuplicateMatch>();
  const ownBands = new Map<string, Set<number>>();
  if (!ordered.length) return { signatures, matches, ownBands };

  const rows = (await selectBandMatches(tx, [...allBands])).filter((r) => {
    // A row under a scanned post's own id is left from an earlier post with that id, not a candidate.
    if (!signatures.has(r.postId)) return true;
    ownBands.set(r.postId, new Set(parseInts(r.bands)));
    return false;
  });
  // A cached signature must carry every band key the database matched: a post deleted and ingested
  // again under the same id with another text is read afresh.
  const unknown = rows.filter((r) => !known.matches(r.postId, parseInts(r.bands))).map((r) => r.postId);
  if (unknown.length) {
    for (const r of await selectMinhashes(tx, unknown)) {
      const minhash = minhashFromBytes(Buffer.from(r.minhash, 'hex'));
      if (minhash) known.set(r.postId, { minhash, bands: bandsOf(minhash) });
    }
  }
  const stored = rows.flatMap((r) => {
    const sig = known.get(r.postId);
    return sig ? [{ postId: r.postId, minhash: sig.minhash, bands: sig.bands, confirmed: r.confirmed }] : [];
  });
  const confirmed = new Set(stored.filter((r) => r.confirmed).map((r) => r.postId));
  // band key → posts carrying it (stored ones, then batch posts as they are passed)
  const byBand = new Map<number, { id: string; minhash: ArrayLike<number> }[]>();
  const index = (id: string, minhash: ArrayLike<number>, bands: Iterable<number>) => {
    for (const b of bands) {
      if (!allBands.has(b)) continue;
      const list = byBand.get(b);
      if (list) list.push({ id, minhash });
      else byBand.set(b, [{ id, minhash }]);
    }
  };
  for (const r of stored) index(r.postId, r.minhash, r.bands);

  const candidates = new Map<string, { id: string; similarity: number }[]>();
  for (const p of ordered) {
    const sig = signatures.get(p.id)!;
    const seen = new Set<string>();
    const found: { id: string; similarity: number }[] = [];
    for (const b of sig.bands) {
      for (const c of byBand.get(b) ?? []) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        const sim = similarity(sig.minhash, c.minhash);
        if (sim >= NEAR_DUPLICATE_MIN_SIMILARITY) found.push({ id: c.id, similarity: sim });
      }
    }
    // Later posts of the batch may match this one if it starts a cluster (matched nothing), as
    // later batches would: a member is reached through its cluster's representative.
    if (found.length) candidates.set(p.id, found);
    else index(p.id, sig.minhash, sig.bands);
  }
  if (!candidates.size) return { signatures, matches, ownBands };

  for (const [postId, found] of candidates) {
    found.sort(
      (a, b) => Number(confirmed.has(b.id)) - Number(confirmed.has(a.id)) || b.similarity - a.similarity || (a.id < b.id ? -1 : 1),
    );
    const best = found[0]!;
    matches.set(postId, { earlierPostId: best.id, similarity: best.similarity, confirmed: confirmed.has(best.id) });
  }
  return { signatures, matches, ownBands };
}

/** Integers from comma-separated decimal text ("12,-3,4"), as PostgreSQL's array_to_string writes them. */
export function parseInts(text: string): Int32Array {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  let negative = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = negative ? -v : v;
      v = 0;
      negative = false;
    } else if (c === 45) negative = true;
    else v = v * 10 + (c - 48);
  }
  out[k] = negative ? -v : v;
  return out;
}

/**
 * The kept posts that start a cluster (its representative): those that matched nothing, or matched
 * a post of their own batch that is not one itself (a dismissed post, or a member). Only these get
 * band rows: a re-upload is compared with its cluster's representative, not with every earlier
 * copy, so the candidates of a post do not grow with the number of copies (docs/performance-log.md,
 * 2026-12-08). `kept` is in scan order, so a batch post's earlier match is decided before it.
 */
function representatives(scan: NearDuplicateScan, kept: readonly [string, Signature][]): Set<string> {
  const out = new Set<string>();
  for (const [id] of kept) {
    const m = scan.matches.get(id);
    // A match outside the batch was found by its band rows: it represents the cluster already.
    if (!m || (scan.signatures.has(m.earlierPostId) && !out.has(m.earlierPostId))) out.add(id);
  }
  return out;
}

/**
 * Stores the links and the signatures of the posts `keepSignature` accepts, and the band rows of
 * those that represent a cluster (confirmed members get theirs on confirmation: indexConfirmedPost).
 */
export async function saveNearDuplicates(tx: Db, scan: NearDuplicateScan, keepSignature: (postId: string) => boolean): Promise<void> {
  const kept = [...scan.signatures].filter(([id]) => keepSignature(id));
  const links = [...scan.matches];
  if (!kept.length && !links.length) return;
  const reps = representatives(scan, kept);
  // Cached before the commit: if it rolls back, the signature is still this post's (a pure function
  // of its text) and is only ever looked up for an id the database returns. Only representatives
  // are ever candidates, so only theirs are worth a place.
  for (const [id, sig] of kept) if (reps.has(id)) known.set(id, sig);
  // A representative's band rows, each key once, less any the scan found already stored under its id.
  const bandKeys: number[] = [];
  const bandPosts: string[] = [];
  for (const [id, sig] of kept) {
    if (!reps.has(id)) continue;
    const skip = scan.ownBands?.get(id);
    for (let i = 0; i < sig.bands.length; i++) {
      const b = sig.bands[i]!;
      if (skip?.has(b) || sig.bands.indexOf(b) < i) continue;
      bandKeys.push(b);
      bandPosts.push(id);
    }
  }
  // Minima as bytea, band keys as two parallel arrays (key, post id): nothing spelled out in text
  // for the server to parse.
  await insertNearDuplicates(tx, {
    signatures: kept.map(([postId, s]) => ({ postId, minhash: minhashBytes(s.minhash) })),
    bandKeys,
    bandPosts,
    links: links.map(([postId, m]) => ({ postId, earlierPostId: m.earlierPostId, similarity: m.similarity })),
  });
}

/**
 * Called in the transaction that confirms `postId`: gives the post band rows if it has none (a
 * cluster member), so a later re-upload finds it, confirmed, beside its cluster's representative
 * and goes straight to referral candidate. Confirmations are a reviewer's pace, so this stays small.
 */
export async function indexConfirmedPost(tx: Db, postId: string): Promise<void> {
  const [row] = await selectMinhashes(tx, [postId]);
  const minhash = row && minhashFromBytes(Buffer.from(row.minhash, 'hex'));
  if (minhash) await insertBandRows(tx, postId, [...new Set(bandsOf(minhash))]);
}
