/**
 * Character classes by code point, memoised per BMP code point.
 *
 * Unicode property regexes are the correct source but cost ~100 ns per test; the normaliser and
 * tokeniser look at every character of every post, so each class is computed once and cached.
 */

export const OTHER = 0;
export const LETTER = 1;
export const MARK = 2;
export const DIGIT = 3;

export const SCRIPT_OTHER = 0;
export const SCRIPT_LATIN = 1;
export const SCRIPT_CYRGREEK = 2;
export const SCRIPT_ARABIC = 3;

const RE_L = /^\p{L}$/u;
const RE_M = /^\p{M}$/u;
const RE_N = /^\p{N}$/u;
const RE_LATIN = /^\p{Script=Latin}$/u;
const RE_CYRGREEK = /^[\p{Script=Cyrillic}\p{Script=Greek}]$/u;
const RE_ARABIC = /^\p{Script=Arabic}$/u;

/** 0 = not yet computed, else (class + 1) | ((script + 1) << 3). */
const bmp = new Uint8Array(0x10000);

function compute(cp: number): number {
  const ch = String.fromCodePoint(cp);
  const cls = RE_L.test(ch) ? LETTER : RE_M.test(ch) ? MARK : RE_N.test(ch) ? DIGIT : OTHER;
  let script = SCRIPT_OTHER;
  if (cls === LETTER || cls === MARK) {
    if (RE_LATIN.test(ch)) script = SCRIPT_LATIN;
    else if (RE_CYRGREEK.test(ch)) script = SCRIPT_CYRGREEK;
    else if (RE_ARABIC.test(ch)) script = SCRIPT_ARABIC;
  }
  return (cls + 1) | ((script + 1) << 3);
}

function packed(cp: number): number {
  if (cp >= 0x10000) return compute(cp);
  let v = bmp[cp]!;
  if (v === 0) {
    v = compute(cp);
    bmp[cp] = v;
  }
  return v;
}

/**
 * Class and script of a non-ASCII code point in one look-up: `(class + 1) | ((script + 1) << 3)`,
 * so class = (v & 7) - 1 and script = (v >> 3) - 1, as charClass and charScript return them.
 */
export function charInfo(cp: number): number {
  return packed(cp);
}

/** One of OTHER, LETTER, MARK, DIGIT. ASCII is answered without a table look-up. */
export function charClass(cp: number): number {
  if (cp < 0x80) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return LETTER;
    if (cp >= 48 && cp <= 57) return DIGIT;
    return OTHER;
  }
  return (packed(cp) & 7) - 1;
}

/** Script of a letter or mark: SCRIPT_LATIN, SCRIPT_CYRGREEK, SCRIPT_ARABIC or SCRIPT_OTHER. */
export function charScript(cp: number): number {
  if (cp < 0x80) return charClass(cp) === LETTER ? SCRIPT_LATIN : SCRIPT_OTHER;
  return (packed(cp) >> 3) - 1;
}

/** Letters, marks and digits: the characters that make up words in every script we handle. */
export function isWordChar(cp: number): boolean {
  return charClass(cp) !== OTHER;
}
