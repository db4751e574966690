/**
 * Near-duplicate detection with MinHash and LSH banding, over the same canonical text as exact
 * duplicates (`core/content-hash.ts`: case-folded, digits folded, punctuation/emoji/spaces
 * removed), so a re-upload with a changed price, an extra word or different emoji still matches.
 *
 * Why our own: the maintained npm MinHash (`bloom-filters`' MinHashFactory) draws its hash
 * functions from an unseeded `Math.random`, so signatures made by two worker processes (or
 * before and after a restart) cannot be compared, and stored ones would be meaningless. Here the
 * hash family is fixed (multiply-add over murmur3-mixed shingle hashes, constant seeds), so a signature is a
 * pure function of the text.
 *
 * Shingles are character 5-grams of the canonical text; the estimated Jaccard similarity is the
 * share of equal MinHash values. Candidates come from LSH: 10 bands of 6 values, each band hashed
 * to one int4 key; two posts are candidates when they share a band key, which happens with
 * probability 1 − (1 − J⁶)¹⁰: 0.99 at J = 0.85, 0.93 at J = 0.75, 0.14 at J = 0.5, 0.007 at J = 0.3.
 * Candidates are then kept only at or above {@link NEAR_DUPLICATE_MIN_SIMILARITY}. About 17 µs a post on one core.
 */
import { canonicalText } from '../core/content-hash.ts';
import { fmix } from '../detector/model/hashing.ts';

/** MinHash values per post (bands × rows). */
export const MINHASH_SIZE = 60;
if (MINHASH_SIZE % 4 !== 0) throw new Error('near-duplicate: MINHASH_SIZE must be a multiple of 4');
/** LSH bands; each covers MINHASH_SIZE / BANDS consecutive values. */
export const BANDS = 10;
const ROWS = MINHASH_SIZE / BANDS;
/** Character shingle length. */
export const SHINGLE = 5;
/** Estimated Jaccard similarity at or above which a post is linked as a near-duplicate. Default 0.7. */
export const NEAR_DUPLICATE_MIN_SIMILARITY = 0.7;

/**
 * The fixed hash family h_k(x) = A_k·x + B_k (mod 2³², A_k odd) over fmix-mixed shingle hashes:
 * one multiply-add per value instead of a full mix, and the same in every process, forever.
 */
const A = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => fmix(0x9e3779b9 + Math.imul(i + 1, 0x632be5ab)) | 1);
const B = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => fmix(0x7f4a7c15 ^ Math.imul(i + 1, 0x2545f491)));

/** FNV-1a over the UTF-16 units of text[start, end). */
function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Distinct shingle hashes of a canonical text (a text shorter than one shingle is one shingle). */
export function shingleHashes(canonical: string): Int32Array {
  if (canonical.length <= SHINGLE) return Int32Array.of(fmix(fnv1a(canonical, 0, canonical.length)));
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= canonical.length; i++) set.add(fnv1a(canonical, i, i + SHINGLE));
  // Mixed once here so the per-function hash can be a single multiply-add.
  const out = new Int32Array(set.size);
  let j = 0;
  for (const h of set) out[j++] = fmix(h);
  return out;
}

export interface Signature {
  /** MINHASH_SIZE signed 32-bit minima. */
  minhash: Int32Array;
  /** BANDS signed 32-bit band keys (band index mixed in, so equal rows in different bands differ). */
  bands: Int32Array;
}

/** Shingle hashes of the post being signed (reused: signing is synchronous). */
let scratch = new Int32Array(1024);

/** MinHash signature and LSH band keys of a post's text. */
export function signatureOf(text: string): Signature {
  return signatureOfCanonical(canonicalText(text));
}

/** signatureOf() for a text whose canonicalText() the caller already has (ingest hashes it too). */
export function signatureOfCanonical(canonical: string): Signature {
  // Every shingle's hash, repeats included: a minimum over a multiset is the minimum over its set,
  // so the Set that shingleHashes builds (exact Jaccard needs it) would only cost time here.
  const n = canonical.length <= SHINGLE ? 1 : canonical.length - SHINGLE + 1;
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, 2 * scratch.length));
  const shingles = scratch;
  if (canonical.length <= SHINGLE) shingles[0] = fmix(fnv1a(canonical, 0, canonical.length));
  else for (let i = 0; i < n; i++) shingles[i] = fmix(fnv1a(canonical, i, i + SHINGLE));
  const minhash = new Int32Array(MINHASH_SIZE);
  const a = A;
  const b = B;
  // Four hash functions per pass over the shingles (MINHASH_SIZE is a multiple of 4): one load of
  // each shingle serves four independent multiply-add-min chains.
  for (let k = 0; k < MINHASH_SIZE; k += 4) {
    const a0 = a[k]!,
      a1 = a[k + 1]!,
      a2 = a[k + 2]!,
      a3 = a[k + 3]!;
    const b0 = b[k]!,
      b1 = b[k + 1]!,
      b2 = b[k + 2]!,
      b3 = b[k + 3]!;
    let m0 = 0x7fffffff,
      m1 = 0x7fffffff,
      m2 = 0x7fffffff,
      m3 = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const x = shingles[i]!;
      const v0 = (Math.imul(a0, x) + b0) | 0;
      const v1 = (Math.imul(a1, x) + b1) | 0;
      const v2 = (Math.imul(a2, x) + b2) | 0;
      const v3 = (Math.imul(a3, x) + b3) | 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    minhash[k] = m0;
    minhash[k + 1] = m1;
    minhash[k + 2] = m2;
    minhash[k + 3] = m3;
  }
  return { minhash, bands: bandsOf(minhash) };
}

/** The LSH band keys of a MinHash signature (a pure function of it: stored ones can be recomputed). */
export function bandsOf(minhash: ArrayLike<number>): Int32Array {
  const bands = new Int32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = fmix(0x5bd1e995 ^ b);
    for (let r = 0; r < ROWS; r++) h = fmix(h ^ minhash[b * ROWS + r]!);
    bands[b] = h;
  }
  return bands;
}

/**
 * The minima as bytes: MINHASH_SIZE big-endian int32s, the order PostgreSQL's int4send writes
 * (PostSignature.minhash stores exactly these bytes; a job carries them as base64).
 */
export function minhashBytes(minhash: Int32Array): Buffer {
  const bytes = Buffer.allocUnsafe(4 * MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) bytes.writeInt32BE(minhash[i]!, 4 * i);
  return bytes;
}

/** minhashBytes' inverse; undefined for anything that is not exactly MINHASH_SIZE int32s. */
export function minhashFromBytes(bytes: Uint8Array): Int32Array | undefined {
  if (bytes.length !== 4 * MINHASH_SIZE) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minhash = new Int32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) minhash[i] = view.getInt32(4 * i);
  return minhash;
}

/** The minima as base64 of minhashBytes (320 characters), to travel in a job. */
export function encodeMinhash(minhash: Int32Array): string {
  return minhashBytes(minhash).toString('base64');
}

/** encodeMinhash's inverse; undefined for anything that is not exactly MINHASH_SIZE int32s. */
export function decodeMinhash(text: string): Int32Array | undefined {
  return minhashFromBytes(Buffer.from(text, 'base64'));
}

/**
 * A signature as a classify job carries it from ingest: `<content hash>:<encodeMinhash(minima)>`,
 * so the receiver can tell whether it was computed from the text it has stored.
 */
export function sentSignature(contentHash: string, minhash: Int32Array): string {
  return `${contentHash}:${encodeMinhash(minhash)}`;
}

/** The signature in `sent` if it was computed from a text whose content hash is `contentHash`. */
export function receivedSignature(sent: unknown, contentHash: string): Signature | undefined {
  const at = contentHash.length;
  if (typeof sent !== 'string' || sent[at] !== ':' || !sent.startsWith(contentHash)) return undefined;
  const minhash = decodeMinhash(sent.slice(at + 1));
  return minhash && { minhash, bands: bandsOf(minhash) };
}

/** Estimated Jaccard similarity of two signatures' shingle sets: the share of equal minima. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** Exact Jaccard similarity of two texts' shingle sets (for tests and tuning). */
export function exactJaccard(a: string, b: string): number {
  const x = new Set(shingleHashes(canonicalText(a)));
  const y = new Set(shingleHashes(canonicalText(b)));
  let inter = 0;
  for (const v of x) if (y.has(v)) inter++;
  return inter / (x.size + y.size - inter);
}
