import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSplit } from '../model/corpus.ts';
import { foldChars } from './fold.ts';

/**
 * A trailing zero-width space is dropped and changes nothing else, but it takes foldChars off its
 * toLowerCase() shortcut: the text must be the same either way, and so must the offset maps.
 */
const ZWSP = '\u200b';
function sameBothWays(t: string): boolean {
  const a = foldChars(t);
  const text = a.text;
  const start = Array.from(a.start);
  const end = Array.from(a.end);
  const b = foldChars(t + ZWSP);
  return b.text === text && Array.from(b.start).join() === start.join() && Array.from(b.end).join() === end.join();
}

describe('foldChars', () => {
  it('gives the same text on its toLowerCase() shortcut as when building it unit by unit', () => {
    const corpus = readSplit('test').map((p) => p.text);
    expect(corpus.filter((t) => !sameBothWays(t))).toEqual([]);
    const cases = [
      'Plain ASCII Text',
      'Élan ÉCOLE à Paris',
      'ΟΔΥΣΣΕΑΣ σοφός',
      'İstanbul ığ',
      'ＦＵＬＬ width',
      'café\u0301',
      'K\u212a',
      '١٢٣ ۴۵۶',
      'boat 🚤 🇬🇧',
    ];
    for (const t of cases) expect(sameBothWays(t), t).toBe(true);
    expect(foldChars('Boat To UK').text).toBe('boat to uk');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), sameBothWays),
      { numRuns: 3000 },
    );
  });
});
