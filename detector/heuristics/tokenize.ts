/**
 * Unicode-aware tokeniser for normalised text. `natural`'s default tokeniser drops non-Latin
 * letters, which would blind us to Arabic, Persian, Kurdish and Pashto; Intl.Segmenter is correct
 * but ~10× slower. Words here are runs of letters, marks and digits, plus `_` so that emoji
 * concept tokens (`emj_boat`, `dest_gb`) survive as one token.
 */
import { charClass } from '../normalise/chars.ts';

export interface Tokens {
  /** Token strings, in order. */
  words: string[];
  /** Start offsets (UTF-16) of each token in the tokenised text. */
  starts: number[];
  /** End offsets (exclusive). */
  ends: number[];
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (charClass(c) === 0 || c === 95) {
      i++;
      continue;
    }
    const b = i;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (charClass(d) !== 0 || (d === 95 && i + 1 < n && charClass(text.charCodeAt(i + 1)) !== 0)) i++;
      // Keep a lone surrogate pair inside a word (rare astral letters).
      else if (d >= 0xd800 && d <= 0xdbff) i += 2;
      else break;
    }
    words.push(text.slice(b, i));
    starts.push(b);
    ends.push(i);
  }
  return { words, starts, ends };
}
