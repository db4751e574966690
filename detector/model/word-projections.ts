/**
 * The n-gram model's logit for a post, from per-word cached projections.
 *
 * A post's features are, per word, its char n-grams and unigram (which depend on that word alone)
 * followed by its bigram with the previous word. Posts reuse a small vocabulary, so for each
 * distinct word (token-table id) we keep the projections (dense · E[id]) of its own features, in
 * hashWords order, and its word hash. Scoring a post is then a sequential read of each word's
 * values and one table read per bigram, instead of hashing every n-gram and reading a 1 MB table
 * at random.
 *
 * Exactly the same number as EmbeddingBagScorer.logit over hashWords' ids: the same values are
 * added in the same order (`word-projections.test.ts` checks this bit for bit).
 */
import { MAX_TOKENS, currentIds, tokenGeneration, type TokenIds } from '../heuristics/token-table.ts';
import type { EmbeddingBagScorer } from './embedding-bag.ts';
import { FeatureBuffer, bigramId, hashWord, wordHash, type HashingParams } from './hashing.ts';

/** Cached values before the cache starts over (16 MB; typical vocabularies need a few MB). */
const MAX_VALUES = 1 << 21;

export class WordProjections {
  /**
   * Token id → [start, count, word hash, unused] at 4·id: its values are arena[start .. start + count)
   * (count 0: not cached). Side by side, one cache line per word instead of three.
   */
  private readonly entry = new Int32Array(4 * MAX_TOKENS);
  private arena = new Float64Array(1 << 16);
  private used = 0;
  /** Token-table generation the cache belongs to. */
  private tableGen = -1;
  private readonly buffer = new FeatureBuffer(256);

  constructor(
    private readonly hashing: HashingParams,
    private readonly scorer: EmbeddingBagScorer,
  ) {}

  /** Model logit of a post's normalised words: EmbeddingBagScorer.logit(hashWords(words)). */
  logit(tokens: TokenIds): number {
    const ids = currentIds(tokens);
    if (this.tableGen !== tokenGeneration()) this.reset();
    const bigrams = this.hashing.wordNgrams === 2;
    const words = tokens.words;
    let s = 0;
    let n = 0;
    let prev = 0;
    for (let w = 0; w < ids.length; w++) {
      const id = ids[w]!;
      const e = 4 * id;
      if (this.entry[e + 1] === 0) this.add(id, words[w]!);
      // Read after add(): adding may have grown (replaced) the arena.
      const arena = this.arena;
      const from = this.entry[e]!;
      const to = from + this.entry[e + 1]!;
      for (let i = from; i < to; i++) s += arena[i]!;
      n += to - from;
      const h = this.entry[e + 2]! >>> 0;
      if (bigrams && w > 0) {
        s += this.scorer.project(bigramId(prev, h, this.hashing));
        n++;
      }
      prev = h;
    }
    return n === 0 ? this.scorer.bias : s / n + this.scorer.bias;
  }

  private reset(): void {
    this.entry.fill(0);
    this.used = 0;
    this.tableGen = tokenGeneration();
  }

  private add(id: number, word: string): void {
    const b = this.buffer;
    b.reset();
    hashWord(word, this.hashing, b);
    // Every word has at least its unigram, so a cached entry never has count 0.
    if (this.used + b.length > MAX_VALUES) this.reset();
    if (this.used + b.length > this.arena.length) {
      let cap = this.arena.length * 2;
      while (cap < this.used + b.length) cap *= 2;
      const next = new Float64Array(cap);
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    for (let i = 0; i < b.length; i++) this.arena[this.used + i] = this.scorer.project(b.ids[i]!);
    this.entry[4 * id] = this.used;
    this.entry[4 * id + 1] = b.length;
    this.entry[4 * id + 2] = wordHash(word, this.hashing.seed);
    this.used += b.length;
  }
}
