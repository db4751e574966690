/**
 * The n-gram model's logit for a post, from per-word cached sums.
 *
 * A post's features are, per word, its char n-grams and unigram (which depend on that word alone)
 * followed by its bigram with the previous word. The model is linear after pooling, so a word's
 * own features add the same amount to every post it appears in: for each distinct word
 * (token-table id) we keep that sum of projections, its feature count and its word hash. Scoring a
 * post is then one cached read per word and one table read per bigram, instead of hashing every
 * n-gram and reading a 1 MB table at random.
 *
 * The same number as EmbeddingBagScorer.logit over hashWords' ids up to float64 rounding (each
 * word's values are summed before they join the post's sum, so the additions are grouped
 * differently: a relative difference of order 1e-16, far below anything a threshold can see);
 * `word-projections.test.ts` checks it.
 */
import { MAX_TOKENS, currentIds, tokenGeneration, type TokenIds } from '../heuristics/token-table.ts';
import type { EmbeddingBagScorer } from './embedding-bag.ts';
import { FeatureBuffer, bigramId, hashWord, wordHash, type HashingParams } from './hashing.ts';

export class WordProjections {
  /**
   * Token id → [sum of its features' projections, feature count (0: not cached), word hash] at
   * 3·id: one cache line per word.
   */
  private readonly entry = new Float64Array(3 * MAX_TOKENS);
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
    const entry = this.entry;
    let s = 0;
    let n = 0;
    let prev = 0;
    for (let w = 0; w < ids.length; w++) {
      const e = 3 * ids[w]!;
      if (entry[e + 1] === 0) this.add(e, words[w]!);
      s += entry[e]!;
      n += entry[e + 1]!;
      const h = entry[e + 2]!;
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
    this.tableGen = tokenGeneration();
  }

  private add(e: number, word: string): void {
    const b = this.buffer;
    b.reset();
    hashWord(word, this.hashing, b);
    let s = 0;
    for (let i = 0; i < b.length; i++) s += this.scorer.project(b.ids[i]!);
    this.entry[e] = s;
    // Every word has at least its unigram, so a cached entry never has count 0.
    this.entry[e + 1] = b.length;
    this.entry[e + 2] = wordHash(word, this.hashing.seed) >>> 0;
  }
}
