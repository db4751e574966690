/**
 * Feature hashing for the n-gram model: character n-grams of each normalised word (with `<` `>`
 * word-boundary marks, fastText-style), word unigrams and word bigrams, all hashed into one
 * fixed-size bucket space.
 *
 * Why hashing: no vocabulary file to ship or keep in sync, unseen words still share sub-word
 * buckets with seen ones (misspellings, leetspeak residue, inflections in ten languages), and the
 * model size is fixed by `buckets`, not by the corpus. Why on the NORMALISED words: obfuscation
 * (homoglyphs, spacing, leet, Arabic letter variants) is undone before hashing, so the model sees
 * the same n-grams for `b0at` and `boat`. Digits are folded to `0`: phone numbers and prices carry
 * their shape, never their value, so the model cannot memorise one gang's number.
 *
 * Everything is computed on char codes with Math.imul; no substrings are allocated per n-gram.
 */

export interface HashingParams {
  /** Number of buckets; a power of two. */
  buckets: number;
  /** Smallest and largest character n-gram length (over `<word>`). */
  minN: number;
  maxN: number;
  /** Emit word unigrams (1) or unigrams and bigrams (2). */
  wordNgrams: 1 | 2;
  /** Words longer than this only contribute n-grams of their first `maxWordChars` characters. */
  maxWordChars: number;
  /** Hash seed; part of the model contract. */
  seed: number;
}

export const DEFAULT_HASHING: HashingParams = {
  buckets: 1 << 17,
  minN: 3,
  maxN: 5,
  wordNgrams: 2,
  maxWordChars: 24,
  seed: 0x7de1a5,
};

const FNV_PRIME = 0x01000193;
const LT = 0x3c; // '<'
const GT = 0x3e; // '>'
const SEED_WORD = 0x5bd1e995;
const SEED_BIGRAM = 0x1b873593;

/**
 * Murmur3's 32-bit finaliser, unsigned: a fast, well-mixed bijection on 32-bit integers (FNV's
 * low bits are weak, and we mask to the low bits). Also mixes the near-duplicate MinHash family.
 */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** ASCII and Arabic-Indic/Persian digits all become '0'. */
function foldCode(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  if ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) return 48;
  return c;
}

/**
 * Collects bucket ids into a growable buffer. Reuse one per thread of work: `reset()` then `add*`.
 * Duplicates are kept (a bag, not a set): repetition is part of the signal, mean pooling bounds it.
 */
export class FeatureBuffer {
  ids: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
  }
  reset(): void {
    this.length = 0;
  }
  push(id: number): void {
    if (this.length === this.ids.length) {
      const next = new Int32Array(this.ids.length * 2);
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.length++] = id;
  }
  /** A copy of the collected ids. */
  toArray(): Int32Array {
    return this.ids.slice(0, this.length);
  }
}

/** Hash of a whole (digit-folded) word: the unigram feature and the input to bigrams. */
export function wordHash(word: string, seed: number): number {
  let h = (seed ^ SEED_WORD) >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ foldCode(word.charCodeAt(i)), FNV_PRIME);
  return h >>> 0;
}

/** Character n-grams of `<word>`, lengths minN..maxN, each hashed incrementally from its start. */
function addCharNgrams(word: string, p: HashingParams, out: FeatureBuffer): void {
  const n = Math.min(word.length, p.maxWordChars);
  const total = n + 2; // with '<' and '>'
  const mask = p.buckets - 1;
  for (let i = 0; i + p.minN <= total; i++) {
    let h = p.seed >>> 0;
    const stop = Math.min(total, i + p.maxN);
    for (let k = i; k < stop; k++) {
      const c = k === 0 ? LT : k === total - 1 ? GT : foldCode(word.charCodeAt(k - 1));
      h = Math.imul(h ^ c, FNV_PRIME);
      if (k - i + 1 >= p.minN) out.push(fmix(h ^ (k - i + 1)) & mask);
    }
  }
}

/** Bucket of the bigram (previous word, word), from their wordHash values. */
export function bigramId(prev: number, h: number, p: HashingParams): number {
  return fmix(Math.imul(prev, 31) ^ h ^ SEED_BIGRAM) & (p.buckets - 1);
}

/**
 * The features of one word on its own, in hashWords order: its char n-grams, then its unigram.
 * A post's features are these per word, each word followed by its bigram with the word before.
 */
export function hashWord(word: string, p: HashingParams, out: FeatureBuffer): void {
  addCharNgrams(word, p, out);
  out.push(fmix(wordHash(word, p.seed)) & (p.buckets - 1));
}

/** All hashed features of one post's normalised words, appended to `out`. */
export function hashWords(words: readonly string[], p: HashingParams, out: FeatureBuffer): void {
  const mask = p.buckets - 1;
  let prev = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    addCharNgrams(word, p, out);
    const h = wordHash(word, p.seed);
    out.push(fmix(h) & mask);
    if (p.wordNgrams === 2 && w > 0) out.push(bigramId(prev, h, p));
    prev = h;
  }
}
