/**
 * Unicode-aware tokeniser for normalised text. `natural`'s default tokeniser drops non-Latin
 * letters, which would blind us to Arabic, Persian, Kurdish and Pashto; Intl.Segmenter is correct
 * but ~10× slower. Words here are runs of letters, marks and digits, plus `_` so that emoji
 * concept tokens (`emj_boat`, `dest_gb`) survive as one token.
 */
import { charClass } from '../normalise/chars.ts';
import { FNV_SEED, fnvStep, intern, internRange, tokenGeneration, tokenWord } from './token-table.ts';

export interface Tokens {
  /** Token strings, in order (interned: equal tokens are the same string object). */
  words: string[];
  /** Start offsets (UTF-16) of each token in the tokenised text. */
  starts: number[];
  /** End offsets (exclusive). */
  ends: number[];
  /** Token-table ids of the words, valid while tokenGeneration() equals `generation`. */
  ids: number[];
  generation: number;
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const ids: number[] = [];
  const generation = tokenGeneration();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (charClass(c) === 0 || c === 95) {
      i++;
      continue;
    }
    const b = i;
    let h = fnvStep(FNV_SEED, c);
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (charClass(d) !== 0 || (d === 95 && i + 1 < n && charClass(text.charCodeAt(i + 1)) !== 0)) {
        h = fnvStep(h, d);
        i++;
      } else if (d >= 0xd800 && d <= 0xdbff) {
        // Keep a lone surrogate pair inside a word (rare astral letters).
        h = fnvStep(h, d);
        if (i + 1 < n) h = fnvStep(h, text.charCodeAt(i + 1));
        i += 2;
      } else break;
    }
    // A surrogate pair at the very end can step past the text; the word stops at its end.
    const id = internRange(text, b, Math.min(i, n), h);
    words.push(tokenWord(id));
    starts.push(b);
    ends.push(i);
    ids.push(id);
  }
  // The table started over while this post was interned: its earlier ids are void, redo them.
  if (tokenGeneration() !== generation) for (let k = 0; k < words.length; k++) ids[k] = intern(words[k]!);
  return { words, starts, ends, ids, generation: tokenGeneration() };
}
