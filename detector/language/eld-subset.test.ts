import { fileURLToPath } from 'node:url';
import { eld } from 'eld/medium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLabelled, readSplit } from '../model/corpus.ts';
import { eldSubset } from './eld-subset.ts';

const SUBSET = ['en', 'fr', 'ar', 'fa', 'sq', 'vi', 'tr'];
const reference = eld.newInstance();
reference.setLanguageSubset(SUBSET);
const fast = eldSubset(SUBSET);

describe('eldSubset matches eld.detect() with the same subset', () => {
  it('on every corpus and challenge post, whole and as the 200-character prefix detect.ts uses', () => {
    const challenge = readLabelled(fileURLToPath(new URL('../../samples/challenge/challenge.jsonl', import.meta.url)));
    const texts = [...readSplit('train'), ...readSplit('validation'), ...readSplit('test'), ...challenge].map((p) => p.text);
    const mismatches: string[] = [];
    const languages = new Set<string>();
    for (const t of texts) {
      for (const s of [t, t.slice(0, 200), t.toUpperCase()]) {
        const want = reference.detect(s).language;
        if (fast.detect(s) !== want) mismatches.push(s);
        languages.add(want);
      }
    }
    expect(mismatches).toEqual([]);
    // The comparison is not vacuous: most subset languages are actually chosen somewhere.
    expect(languages.size).toBeGreaterThanOrEqual(6);
  });

  it('on the edges of its text walk: long words, byte cuts, apostrophes, astral and lone surrogates', () => {
    const cases = [
      '',
      '   ',
      'a',
      "l'homme d’affaires n`est pas là",
      'x'.repeat(69) + ' ' + 'y'.repeat(70) + ' ' + 'z'.repeat(71) + ' ' + 'w'.repeat(72),
      'passage garanti '.repeat(40),
      // Words past eld's 70-byte window: n-grams beyond it must not count, the closing one may.
      'passagegarantithe'.repeat(6),
      'q'.repeat(66) + 'the',
      'q'.repeat(66) + 'there',
      'q'.repeat(65) + 'ديالمان',
      'الوصول مضمون '.repeat(40),
      'Đi Anh an toàn '.repeat(60),
      'boat 🚤 to 🇬🇧 uk',
      'bad \ud800 surrogate \udc00 here \ud83d',
      'ÉCOLE İSTANBUL ĞÜŞ',
      // Cleaning: apostrophes after a separator run stay, Σ lowercases by context, İ to two units.
      "rock 'n' roll -' '- x'' ''y ' leading and trailing ' ",
      'ΟΔΥΣΣΕΑΣ ΣΑΣ ΣΟΦΟΣ',
      'İİİ İSTANBUL\u00a0\u2028\ufeff tab\there',
      'abc'.repeat(400),
    ];
    for (const s of cases) expect(fast.detect(s), s).toBe(reference.detect(s).language);
  });

  it('on arbitrary strings', () => {
    const words = fc.constantFrom('the', 'boat', 'passage', 'garanti', 'için', 'tekne', 'varkë', 'thuyền', 'قارب', 'قایق', "d'un", '’s');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 80 }).map((ws) => ws.join(' ')),
    );
    fc.assert(
      fc.property(text, (s) => fast.detect(s) === reference.detect(s).language),
      { numRuns: 3000 },
    );
  });
});
