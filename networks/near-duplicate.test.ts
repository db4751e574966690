import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalText } from '../core/content-hash.ts';
import { readSplit } from '../detector/model/corpus.ts';
import { fmix } from '../detector/model/hashing.ts';
import {
  bandsOf,
  decodeMinhash,
  encodeMinhash,
  exactJaccard,
  MINHASH_SIZE,
  NEAR_DUPLICATE_MIN_SIMILARITY,
  shingleHashes,
  signatureOf,
  similarity,
} from './near-duplicate.ts';
import { parseInts } from './near-duplicate-store.ts';

const advert = 'Boat to UK this week 🚤 100% guaranteed, 1500€ per person, kids half price. WhatsApp +44 7911 123456';

describe('MinHash near-duplicates', () => {
  it('is a pure function of the text (signatures stored by one process compare with another’s)', () => {
    expect([...signatureOf(advert).minhash]).toEqual([...signatureOf(advert).minhash]);
    // Pinned: changing the hash family would silently orphan every stored signature.
    expect([...signatureOf(advert).bands.slice(0, 3)]).toEqual([-843519891, -103458677, 1788792850]);
    expect(signatureOf(advert).minhash[0]).toBe(-2125840796);
    expect(signatureOf('').minhash).toHaveLength(60);
  });
  it('ignores case, punctuation, emoji and spacing', () => {
    const a = signatureOf(advert);
    const b = signatureOf(advert.toUpperCase().replace(/[🚤,.]/gu, '  '));
    expect(similarity(a.minhash, b.minhash)).toBe(1);
  });
  it('scores a small edit above the threshold and sharing a band, a different advert far below', () => {
    const edit = 'Boat to UK this week 🚤🚤 100% guaranteed, 1400€ per person, kids half price!! WhatsApp +44 7911 123456';
    const other = 'Lorry from Calais to London, hidden place, 2000€, pay on arrival, WhatsApp +44 7911 123456';
    const a = signatureOf(advert);
    const e = signatureOf(edit);
    const o = signatureOf(other);
    expect(similarity(a.minhash, e.minhash)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_MIN_SIMILARITY);
    expect(Math.abs(similarity(a.minhash, e.minhash) - exactJaccard(advert, edit))).toBeLessThan(0.15);
    expect([...a.bands].some((b) => e.bands.includes(b))).toBe(true);
    expect(similarity(a.minhash, o.minhash)).toBeLessThan(0.3);
    expect([...a.bands].some((b) => o.bands.includes(b))).toBe(false);
  });
});

/** The definition: per hash function k, the minimum of A_k·x + B_k over the distinct shingle hashes. */
function referenceMinhash(text: string): number[] {
  const shingles = shingleHashes(canonicalText(text));
  return Array.from({ length: MINHASH_SIZE }, (_, k) => {
    const a = fmix(0x9e3779b9 + Math.imul(k + 1, 0x632be5ab)) | 1;
    const b = fmix(0x7f4a7c15 ^ Math.imul(k + 1, 0x2545f491));
    let min = 0x7fffffff;
    for (const x of shingles) min = Math.min(min, (Math.imul(a, x) + b) | 0);
    return min;
  });
}

describe('signatureOf', () => {
  it('equals the minima over distinct shingles (it scans repeats instead of building a set)', () => {
    for (const p of readSplit('test')) expect(Array.from(signatureOf(p.text).minhash)).toEqual(referenceMinhash(p.text));
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        expect(Array.from(signatureOf(t).minhash)).toEqual(referenceMinhash(t));
      }),
    );
    // Repeated text: many repeated shingles, and a post longer than the scratch buffer.
    const long = 'boat uk 1500 '.repeat(200);
    expect(Array.from(signatureOf(long).minhash)).toEqual(referenceMinhash(long));
  });
  it('minima survive their text form (base64 int32) exactly; other lengths are refused', () => {
    const sig = signatureOf(advert);
    expect(encodeMinhash(sig.minhash)).toHaveLength(320);
    expect(decodeMinhash(encodeMinhash(sig.minhash))).toEqual(sig.minhash);
    expect(decodeMinhash('AAAA')).toBeUndefined();
  });
  it('bands are recomputable from the minima alone', () => {
    const sig = signatureOf(advert);
    expect(bandsOf(sig.minhash)).toEqual(sig.bands);
  });
});

describe('parseInts (stored band keys read as text)', () => {
  it('reads what array_to_string writes, signs and int32 extremes included', () => {
    expect(Array.from(parseInts('12,-3,0,2147483647,-2147483648'))).toEqual([12, -3, 0, 2147483647, -2147483648]);
    expect(Array.from(parseInts('-7'))).toEqual([-7]);
    const sig = signatureOf('Boat to UK this week, 1500€, WhatsApp +44 7911 123456');
    expect(parseInts(Array.from(sig.minhash).join(','))).toEqual(sig.minhash);
  });
});
