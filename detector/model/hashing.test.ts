import { describe, expect, it } from 'vitest';
import { DEFAULT_HASHING, FeatureBuffer, hashWords } from './hashing.ts';
import { fromFloat16Bits, quantiseFloat16, toFloat16Bits } from './float16.ts';

const hash = (words: string[]) => {
  const b = new FeatureBuffer(4);
  hashWords(words, DEFAULT_HASHING, b);
  return Array.from(b.toArray());
};

describe('feature hashing', () => {
  it('is deterministic and stays inside the bucket range', () => {
    const a = hash(['safe', 'boat', 'بەلەم', 'emj_boat']);
    expect(hash(['safe', 'boat', 'بەلەم', 'emj_boat'])).toEqual(a);
    for (const id of a) expect(id >= 0 && id < DEFAULT_HASHING.buckets).toBe(true);
  });

  it('counts char 3–5-grams of <word>, the word and the bigram', () => {
    // "<boat>" has 6 chars: 4 trigrams + 3 four-grams + 2 five-grams = 9, plus the unigram.
    expect(hash(['boat'])).toHaveLength(10);
    expect(hash(['boat', 'boat'])).toHaveLength(21);
  });

  it('folds digits so numbers carry their shape, not their value', () => {
    expect(hash(['07700', '900123'])).toEqual(hash(['01234', '567890']));
    expect(hash(['٠٧٧٠٠'])).toEqual(hash(['12345']));
    expect(hash(['1234'])).not.toEqual(hash(['12345']));
  });
});

describe('float16 storage', () => {
  it('round-trips representable values exactly and rounds others closely', () => {
    for (const v of [0, 1, -2, 0.5, 65504, -0.000061035156]) expect(fromFloat16Bits(toFloat16Bits(v))).toBeCloseTo(v, 10);
    const q = quantiseFloat16(new Float32Array([0.1, -3.14159, 1e-3, 123.456]));
    [0.1, -3.14159, 1e-3, 123.456].forEach((v, i) => expect(Math.abs(q[i]! - v) / Math.abs(v)).toBeLessThan(1e-3));
  });
});
