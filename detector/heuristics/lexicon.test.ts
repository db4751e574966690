import { describe, expect, it } from 'vitest';
import { lexiconFiles, type LexiconPair } from './lexicon.ts';

/** Every `[term, gloss]` of a file, with the concept (and sub) it sits under. */
function entries(file: ReturnType<typeof lexiconFiles>[number]['file']): { where: string; pair: LexiconPair }[] {
  return Object.entries(file.concepts).flatMap(([concept, v]) => {
    const groups: [string, LexiconPair[]][] = Array.isArray(v)
      ? [[concept, v]]
      : Object.entries(v!).map(([sub, pairs]) => [`${concept}.${sub}`, pairs]);
    return groups.flatMap(([where, pairs]) => pairs.map((pair) => ({ where, pair })));
  });
}

describe('lexicon glosses', () => {
  // The gloss travels with the signal to reviewers and platforms who do not read the language:
  // every entry of every file needs one, short enough to sit beside the highlighted word.
  it('every entry of every lexicon file has a non-empty English gloss under 100 characters', () => {
    const files = lexiconFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    // One line per file at fault: how many entries, and the first of them by concept and term.
    const perFile = files.flatMap(({ name, file }) => {
      const bad = entries(file).filter(({ pair: [, gloss] }) => gloss.trim() === '' || gloss.length >= 100);
      if (bad.length === 0) return [];
      const {
        where,
        pair: [term, gloss],
      } = bad[0]!;
      return [
        `${name}: ${bad.length} entries without a usable gloss, e.g. ${where} "${term}": ${gloss.trim() === '' ? 'empty' : `${gloss.length} characters`}`,
      ];
    });
    expect(perFile, perFile.join('\n')).toEqual([]);
  });
});
