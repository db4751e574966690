import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLabelled, readSplit } from '../model/corpus.ts';
import { KMR_WORDS, TR_WORDS, kurmanjiScore } from './kurmanji.ts';
import { fileURLToPath } from 'node:url';

/** The definition kurmanjiScore implements with a char-code walk: words are \p{L}+ runs. */
function byRegex(text: string): number {
  let words = 0;
  let kmr = 0;
  let tr = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}]+/gu)) {
    const w = m[0];
    words++;
    if (KMR_WORDS.has(w)) kmr++;
    else if (/[êîû]/.test(w)) kmr += 0.7;
    if (TR_WORDS.has(w)) tr++;
    if (/[ığ]/.test(w)) tr += 1;
  }
  return words === 0 ? 0 : Math.max(0, (kmr - tr * 0.8) / words);
}

describe('kurmanjiScore', () => {
  it('scores Kurmanji high and Turkish, English low', () => {
    expect(kurmanjiScore('Ez dikarim te bibim Brîtanyayê bi qeyikê, heye ji bo te')).toBeGreaterThanOrEqual(0.25);
    expect(kurmanjiScore('Yunanistana garantili geçiş, iletişim için yazın')).toBeLessThan(0.25);
    expect(kurmanjiScore('Safe boat to UK this week')).toBe(0);
    expect(kurmanjiScore('de')).toBeCloseTo(0.2, 12); // in both lists: 1 − 0.8
    expect(kurmanjiScore('')).toBe(0);
  });

  it('agrees exactly with the regex definition on the corpus and on arbitrary text', () => {
    const challenge = readLabelled(fileURLToPath(new URL('../../samples/challenge/challenge.jsonl', import.meta.url)));
    const texts = [...readSplit('train'), ...readSplit('validation'), ...readSplit('test'), ...challenge].map((p) => p.text);
    expect(texts.filter((t) => kurmanjiScore(t) !== byRegex(t))).toEqual([]);

    const word = fc.oneof(
      fc.constantFrom(...KMR_WORDS, ...TR_WORDS, 'bûn', 'Iğdır', 'İSTANBUL', 'ΣΟΦΙΑ', '𝒜bc', 'x\u0301y', 'ÊÎÛ', 'dixwazinxxxxx'),
      // Listed words in capitals and mixed case, matched without lowercasing the post: the Kelvin
      // sign lowercases to "k", İ grows when lowercased (i + combining dot).
      fc.constantFrom(...KMR_WORDS, ...TR_WORDS).map((w) => w.toUpperCase()),
      fc.constantFrom('Ez', 'HÛN', 'Jİ', 'B\u0130', '\u212Aî', '\u212Au', 'ĞI', 'Çİ', 'ÇOK', 'İçin', 'NÎNE'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const sep = fc.constantFrom(' ', ', ', '\n', '-', '’', '1', '\ud800');
    const text = fc.array(fc.tuple(word, sep), { maxLength: 40 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, (t) => kurmanjiScore(t) === byRegex(t)),
      { numRuns: 3000 },
    );
  });
});
