/**
 * eld's text cleaning — `text.replace(separators, ' ').trim().toLowerCase()` — as one walk over
 * code units into a reusable buffer, with the same result.
 *
 * eld's separator regex is "a run of non-letters, not ending in an apostrophe" over a large
 * Unicode letter class, and the three string passes cost more than the n-gram scoring after them.
 * Per code unit we cache, from eld's own regex and String#toLowerCase, whether it is a letter, an
 * apostrophe (' ` ’) or a separator, and its lowercase. Equivalence, spelled out:
 * - a maximal non-letter run becomes one ' ' up to its last non-apostrophe unit; apostrophes after
 *   that stay (the regex's lookbehind backs off them); a run of apostrophes only stays as it is;
 * - the regex's class is BMP-only, so surrogates (astral characters, lone halves) are separators;
 * - trim() can only remove those ' ' (every other whitespace is a separator, hence replaced);
 * - toLowerCase() maps each unit on its own except final-sigma Σ, whose lowercase depends on its
 *   neighbours: a text with Σ takes eld's own three passes.
 * `eld-subset.test.ts` checks the whole detector against eld.detect().
 */

const LETTER = 1;
const APOSTROPHE = 2;
const SEPARATOR = 3;
/** A letter whose lowercase is not one fixed unit on its own (Σ): use the string passes. */
const CONTEXTUAL = 4;

/** Per BMP code unit: 0 = not yet computed, else one of the kinds above. */
const KIND = new Uint8Array(0x10000);
/** Lowercase of a LETTER unit when it is one unit; MULTI for the few that lowercase to more. */
const LOWER = new Uint16Array(0x10000);
const MULTI = 0xffff;
const LOWER_MULTI = new Map<number, string>();

/** The kind of code unit `c`, computed on first sight (kept out of the loops' inlined path). */
function computeKind(c: number, separators: RegExp): number {
  let k: number;
  const ch = String.fromCharCode(c);
  if (c === 0x27 || c === 0x60 || c === 0x2019) k = APOSTROPHE;
  // A separator is replaced by ' ' (and ' ' itself, which the replacement cannot show).
  else if (c === 32 || (c >= 0xd800 && c <= 0xdfff) || ch.replace(separators, ' ') !== ch) k = SEPARATOR;
  else if (c === 0x3a3) k = CONTEXTUAL;
  else {
    k = LETTER;
    const lower = ch.toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== MULTI) LOWER[c] = lower.charCodeAt(0);
    else {
      LOWER[c] = MULTI;
      LOWER_MULTI.set(c, lower);
    }
  }
  KIND[c] = k;
  return k;
}

/** Output buffer of cleanForEld (reused; grown as needed). */
export interface CleanBuffer {
  units: Uint16Array;
}

/**
 * Writes eld's cleaned form of `text` into `out.units` and returns its length. `separators` is
 * eld's own separator regex (the kinds are derived from it).
 */
export function cleanForEld(text: string, separators: RegExp, out: CleanBuffer): number {
  const n = text.length;
  // Each unit yields at most one unit, except letters with a longer lowercase (at most 3 units).
  if (out.units.length < 3 * n + 8) out.units = new Uint16Array(3 * n + 8);
  const u = out.units;
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let k = KIND[c]!;
    if (k === 0) k = computeKind(c, separators);
    if (k === LETTER) {
      const l = LOWER[c]!;
      if (l !== MULTI) u[len++] = l;
      else {
        const s = LOWER_MULTI.get(c)!;
        for (let q = 0; q < s.length; q++) u[len++] = s.charCodeAt(q);
      }
      i++;
      continue;
    }
    if (k === CONTEXTUAL) return copyNative(text, separators, out);
    // A non-letter run [i, j): ' ' up to its last non-apostrophe, then its trailing apostrophes.
    let j = i;
    let lastSep = -1;
    while (j < n) {
      const d = text.charCodeAt(j);
      let kd = KIND[d]!;
      if (kd === 0) kd = computeKind(d, separators);
      if (kd === LETTER || kd === CONTEXTUAL) break;
      if (kd === SEPARATOR) lastSep = j;
      j++;
    }
    let q = i;
    if (lastSep >= 0) {
      u[len++] = 32;
      q = lastSep + 1;
    }
    for (; q < j; q++) u[len++] = text.charCodeAt(q);
    i = j;
  }
  // trim(): only the ' ' a replacement wrote can sit at either end.
  let a = 0;
  while (a < len && u[a] === 32) a++;
  let b = len;
  while (b > a && u[b - 1] === 32) b--;
  if (a > 0) u.copyWithin(0, a, b);
  return b - a;
}

/** eld's three string passes, copied into the buffer (texts with a contextual lowercase). */
function copyNative(text: string, separators: RegExp, out: CleanBuffer): number {
  const s = text.replace(separators, ' ').trim().toLowerCase();
  if (out.units.length < s.length) out.units = new Uint16Array(s.length + 8);
  for (let i = 0; i < s.length; i++) out.units[i] = s.charCodeAt(i);
  return s.length;
}
