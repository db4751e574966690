/**
 * Normalisation before matching, with offsets kept.
 *
 * Adverts are written to evade keyword filters (leetspeak, homoglyphs, spacing, emoji, mixed
 * keyboards). Lexicons match the normalised text; reviewers must see evidence highlighted in the
 * text they were given. So every normalised code unit remembers the original span it came from.
 */
import { foldChars } from './fold.ts';
import { rewriteWords, type ObfuscationStats } from './tokens.ts';

export type { ObfuscationStats } from './tokens.ts';

export interface Normalised {
  /** Normalised text: NFKC, lowercase, de-obfuscated, emoji as ` emj_* ` / ` dest_xx ` tokens. */
  text: string;
  /** `map[i]`: UTF-16 offset in the original text where normalised code unit `i` starts. */
  map: Int32Array;
  /** `ends[i]`: UTF-16 offset in the original text where normalised code unit `i` ends. */
  ends: Int32Array;
  stats: ObfuscationStats;
}

/**
 * `arabiziDigits`: the post is an Arabic-script language written in Latin letters, where 3 5 7
 * stand for letters ("7arga") and are kept, not read as leet.
 */
export function normalise(text: string, arabiziDigits = false): Normalised {
  const w = rewriteWords(foldChars(text), arabiziDigits);
  return { text: w.text, map: w.start, ends: w.end, stats: w.stats };
}

/**
 * Map a normalised span [s, e) back to the original text. Returns [start, end) in the original;
 * an empty normalised span maps to an empty original span at the corresponding position.
 */
export function toOriginalSpan(n: Pick<Normalised, 'map' | 'ends'>, s: number, e: number): [number, number] {
  const len = n.map.length;
  if (len === 0) return [0, 0];
  const cs = Math.max(0, Math.min(s, len - 1));
  if (e <= s) {
    const at = s >= len ? n.ends[len - 1]! : n.map[cs]!;
    return [at, at];
  }
  const ce = Math.max(cs, Math.min(e, len) - 1);
  return [n.map[cs]!, n.ends[ce]!];
}
