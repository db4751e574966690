import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readLabelled, readSplit } from '../model/corpus.ts';
import { arabicScriptLanguage, countArabicScript } from './arabic-script.ts';

const FA_WORDS = new Set(['از', 'به', 'با', 'که', 'این', 'را', 'است', 'برای', 'می', 'تا', 'هم', 'در']);
const AR_WORDS = new Set(['في', 'من', 'على', 'الى', 'إلى', 'عن', 'مع', 'هذا', 'التي', 'الذي', 'ان', 'أن']);

/** The definition arabicScriptLanguage implements with an in-place walk: words from a regex split. */
function bySplit(text: string): string {
  const c = countArabicScript(text);
  if (c.pashto >= 2 && c.pashto >= c.sorani) return 'ps';
  if (c.sorani >= 2 || (c.sorani >= 1 && c.pashto === 0 && c.arabicLetters < 40)) return 'ckb';
  if (c.pashto >= 1) return 'ps';
  let fa = c.persian * 2;
  let ar = c.arabic * 2;
  for (const w of text.split(/[\s\p{P}]+/u)) {
    if (FA_WORDS.has(w)) fa += 2;
    else if (AR_WORDS.has(w)) ar += 2;
    if (w.startsWith('ال')) ar++;
  }
  return fa > ar ? 'fa' : 'ar';
}

describe('arabicScriptLanguage', () => {
  it('tells Persian from Arabic by function words', () => {
    expect(arabicScriptLanguage('قایق از ترکیه به یونان')).toBe('fa');
    expect(arabicScriptLanguage('رحلة من تركيا إلى اليونان')).toBe('ar');
  });

  it('agrees exactly with the split definition on the corpus and on arbitrary text', () => {
    const challenge = readLabelled(fileURLToPath(new URL('../../samples/challenge/challenge.jsonl', import.meta.url)));
    const texts = [...readSplit('train'), ...readSplit('validation'), ...readSplit('test'), ...challenge].map((p) => p.text);
    expect(texts.filter((t) => arabicScriptLanguage(t) !== bySplit(t))).toEqual([]);

    const piece = fc.oneof(
      fc.constantFrom(...FA_WORDS, ...AR_WORDS, 'ال', 'الباب', 'ا', 'ل', 'ی', 'ة', 'برایی', '𝒜', '\u{10100}', '\ud800', '\udc00'),
      fc.constantFrom(' ', '،', '.', '\n', '«', '»', '!', ' - ', '\u00a0'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(text, (t) => arabicScriptLanguage(t) === bySplit(t)),
      { numRuns: 3000 },
    );
  });
});
