import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSplit } from '../detector/model/corpus.ts';
import { canonicalText, contentHash } from './content-hash.ts';

/** The definition, as regex passes (stored content hashes were made with exactly this). */
function reference(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u064b-\u065f\u0670\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[^\p{L}\p{N}\p{Sc}]+/gu, '');
}

describe('canonicalText', () => {
  it('folds case, digits, emoji, punctuation and spacing away', () => {
    expect(canonicalText('Boat to UK 🚤!! ١٥٠٠€ / ۱۵۰۰ £')).toBe('boattouk1500€1500£');
    expect(canonicalText('قـــارب\u200c إلى')).toBe('قاربإلى');
    expect(contentHash('Boat, UK!')).toBe(contentHash('boat uk'));
  });
  it('equals the regex definition on the corpus and on arbitrary text (astral and lone surrogates too)', () => {
    for (const split of ['train', 'validation', 'test'] as const)
      for (const p of readSplit(split)) expect(canonicalText(p.text)).toBe(reference(p.text));
    for (const t of ['', '   ', '𝐁𝐨𝐚𝐭 𝟏𝟓𝟎𝟎', '\ud83d', 'a\udc00b', '𐐀𐐨 x', 'ǅ ß İ', '\u0640\u064b\u0670'])
      expect(canonicalText(t)).toBe(reference(t));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (t) => {
        expect(canonicalText(t)).toBe(reference(t));
      }),
      { numRuns: 2000 },
    );
  });
});
