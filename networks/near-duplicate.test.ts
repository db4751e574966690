import { describe, expect, it } from 'vitest';
import { exactJaccard, NEAR_DUPLICATE_MIN_SIMILARITY, signatureOf, similarity } from './near-duplicate.ts';
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

describe('parseInts (stored minima and band keys read as text)', () => {
  it('reads what array_to_string writes, signs and int32 extremes included', () => {
    expect(Array.from(parseInts('12,-3,0,2147483647,-2147483648'))).toEqual([12, -3, 0, 2147483647, -2147483648]);
    expect(Array.from(parseInts('-7'))).toEqual([-7]);
    const sig = signatureOf('Boat to UK this week, 1500€, WhatsApp +44 7911 123456');
    expect(parseInts(Array.from(sig.minhash).join(','))).toEqual(sig.minhash);
  });
});
