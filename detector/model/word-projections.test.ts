import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../heuristics/analyse.ts';
import { readSplit } from './corpus.ts';
import { EmbeddingBagScorer, type EmbeddingBagWeights } from './embedding-bag.ts';
import { DEFAULT_HASHING, FeatureBuffer, hashWords, type HashingParams } from './hashing.ts';
import { mulberry32 } from './random.ts';
import { loadModel } from './storage.ts';
import { WordProjections } from './word-projections.ts';
import { MAX_TOKENS, tokenIds } from '../heuristics/token-table.ts';

/** The reference: hash every feature of the post, then the scorer's mean over the ids. */
function reference(words: readonly string[], hashing: HashingParams, scorer: EmbeddingBagScorer): number {
  const b = new FeatureBuffer(16);
  hashWords(words, hashing, b);
  return scorer.logit(b.ids, b.length);
}

/** Equal up to float64 rounding: the per-word sums group the same additions differently. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

function randomWeights(buckets: number, dim: number, seed: number): EmbeddingBagWeights {
  const rng = mulberry32(seed);
  const embedding = new Float32Array(buckets * dim).map(() => rng() * 2 - 1);
  return { buckets, dim, embedding, dense: new Float32Array(dim).map(() => rng() - 0.5), bias: 0.25 };
}

describe('WordProjections.logit', () => {
  it('matches hashing the post and scoring its ids, on the corpus with the shipped model', async () => {
    const stored = await loadModel();
    const scorer = new EmbeddingBagScorer(stored.weights);
    const cached = new WordProjections(stored.meta.hashing, scorer);
    const posts = [...readSplit('validation'), ...readSplit('test')];
    const differ: string[] = [];
    const logits = new Set<number>();
    // Twice: first pass fills the cache, second reads it.
    for (let pass = 0; pass < 2; pass++) {
      for (const p of posts) {
        const words = analyse(p.text, p.lang).tokens.words;
        const want = reference(words, stored.meta.hashing, scorer);
        if (!same(cached.logit(tokenIds(words)), want)) differ.push(p.text);
        logits.add(want);
      }
    }
    expect(differ).toEqual([]);
    expect(logits.size).toBeGreaterThan(posts.length / 2);
    expect(cached.logit(tokenIds([]))).toBe(stored.weights.bias);
  });

  it('stays the same across cache clears, long words, digits and unigram-only hashing', () => {
    const weights = randomWeights(1 << 10, 4, 7);
    const scorer = new EmbeddingBagScorer(weights);
    for (const hashing of [
      { ...DEFAULT_HASHING, buckets: 1 << 10 },
      { ...DEFAULT_HASHING, buckets: 1 << 10, wordNgrams: 1 as const, maxWordChars: 6 },
    ]) {
      const cached = new WordProjections(hashing, scorer);
      const word = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('boat', '0770', '٠٧٧٠', 'x'.repeat(60)));
      fc.assert(
        fc.property(fc.array(word, { maxLength: 30 }), (words) => same(cached.logit(tokenIds(words)), reference(words, hashing, scorer))),
        { numRuns: 500 },
      );
      // More distinct words than the token table holds: it starts over, the cache with it.
      for (let i = 0; i < MAX_TOKENS + 20_000; i += 3) {
        const words = [`w${i}`, `w${i + 1}`, `w${i + 2}`];
        if (!same(cached.logit(tokenIds(words)), reference(words, hashing, scorer))) throw new Error(`differs at ${i}`);
      }
    }
  });
});
