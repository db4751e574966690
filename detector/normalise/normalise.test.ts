import { describe, expect, it } from 'vitest';
import { normalise, toOriginalSpan } from './index.ts';

const n = (t: string): string => normalise(t).text;
const orig = (t: string, word: string): string => {
  const r = normalise(t);
  const re = new RegExp(`(?<![\\p{L}_])${word}(?![\\p{L}_])`, 'u');
  const i = r.text.search(re);
  expect(i).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginalSpan(r, i, i + word.length);
  return t.slice(s, e);
};

describe('normalise', () => {
  it('Latin: case, leet, spacing, repeats, homoglyphs', () => {
    expect(n('GU4R4NT33D B04T')).toBe('guaranteed boat');
    expect(n('g u a r a n t e e d   b.o.a.t')).toBe('guaranteed   boat');
    expect(n('Boooat')).toBe('boat');
    expect(n('bоаt')).toBe('boat'); // Cyrillic о а
  });
  it('keeps numbers, prices and handles intact', () => {
    expect(n('call 07700 900123 price 1500e 2k 100%')).toBe('call 07700 900123 price 1500e 2k 100%');
    expect(n('@boss_uk $500')).toBe('@boss_uk $500');
    expect(n('0 7 7 0 0 9')).toBe('0 7 7 0 0 9');
  });
  it('leaves words with digits that are not leet as they are, offsets one for one', () => {
    const t = 'User1984 ref 2024abc 1500e';
    const r = normalise(t);
    expect(r.text).toBe(t.toLowerCase());
    expect(r.stats.leet).toBe(0);
    expect(Array.from(r.map)).toEqual(Array.from(t, (_, i) => i));
    // The same word shape with few digits is leet: rewritten, and counted.
    expect(n('b04t4 user1984')).toBe('boata user1984');
  });
  it('Arabic: alef, harakat, tatweel, teh marbuta, digits', () => {
    expect(n('قارِبٌ إلى بريطانيا ٠٧٧٠٠')).toBe('قارب الي بريطانيا 07700');
    expect(n('رحلـــة مضمونة')).toBe('رحله مضمونه');
  });
  it('Persian: yeh/keheh unified, ZWNJ joined, Persian digits', () => {
    expect(n('می‌توانم کشتی ۱۵۰۰')).toBe(n('ميتوانم كشتي 1500'));
    expect(n('۱۵۰۰')).toBe('1500');
  });
  it('Sorani and Pashto letters are kept', () => {
    expect(n('بەلەم بۆ بەریتانیا')).toContain('بەلەم');
    expect(n('کښتۍ ته ډالر')).toContain('ښ');
  });
  it('Vietnamese diacritics are kept, composed', () => {
    expect(n('Đi Anh bằng thuyền')).toBe('đi anh bằng thuyền');
    expect(n('thuye\u0302\u0300n')).toBe('thuyền');
  });
  it('Turkish dotted/dotless i fold to i', () => {
    expect(n('İSTANBUL ılık IĞDIR')).toBe('istanbul ilik iğdir');
  });
  it('emoji become concept tokens', () => {
    const t = n('🚤🇬🇧 ✈️ 🛂 💶 👻 🕊 🇹🇷');
    for (const tok of ['emj_boat', 'dest_gb', 'emj_flight', 'emj_passport', 'emj_money', 'emj_police', 'emj_calm', 'flag_tr'])
      expect(t).toContain(tok);
  });
  it('maps normalised spans back to the original', () => {
    const t = 'Call! GU4R4NT33D   g u a r d  🚤 Boooat بِالقَارِب';
    expect(orig(t, 'guaranteed')).toBe('GU4R4NT33D');
    expect(orig(t, 'guard')).toBe('g u a r d');
    expect(orig(t, 'emj_boat')).toBe('🚤');
    expect(orig(t, 'boat')).toBe('Boooat');
    expect(orig(t, 'بالقارب')).toBe('بِالقَارِب');
  });
  it('a spaced run too digit-heavy from its start is taken from the first token where it qualifies', () => {
    // From "1" onwards the run has more digits than letters; one token later it qualifies.
    expect(n('1 1 1 1 a b c')).toBe('1 111abc');
    expect(n('0 0 0 0 0 b.o.a.t')).toBe('0 0000boat');
    expect(n('x 1 1 1 1 a.b')).toBe('x 1 1 11ab');
    expect(orig('1 1 1 1 a b c', '111abc')).toBe('1 1 1 a b c');
  });
  it('folds at most 30 combining marks with one base character; the rest make clusters of their own', () => {
    const t = `a${'\u0301'.repeat(40)}b`;
    const r = normalise(t);
    expect(r.text).toBe(t.normalize('NFKC'));
    expect(r.ends[0]).toBe(31);
    expect([r.map[r.text.length - 2], r.ends[r.text.length - 2]]).toEqual([31, 41]);
  });
  it('handles empty text', () => {
    const r = normalise('');
    expect(r.text).toBe('');
    expect(toOriginalSpan(r, 0, 0)).toEqual([0, 0]);
  });
});
