/**
 * Kurmanji (kmr, Latin script) scoring. Neither franc nor eld knows Kurmanji, and both guess
 * Slovene, Basque or "Central Kurdish" for it, so we score it ourselves from its letters
 * (ê î û ç ş, used together) and its very frequent function words.
 */
import { LETTER, charClass } from '../normalise/chars.ts';

export const KMR_WORDS: ReadonlySet<string> = new Set([
  'ez',
  'tu',
  'em',
  'hûn',
  'ew',
  'û',
  'ji',
  'bo',
  'ji bo',
  'li',
  'di',
  'de',
  'ku',
  'heye',
  'hene',
  'nîne',
  'tune',
  'dikarî',
  'dikarim',
  'dikarin',
  'bi',
  're',
  've',
  'çi',
  'kî',
  'çawa',
  'niha',
  'vê',
  'wê',
  'min',
  'te',
  'me',
  'we',
  'wan',
  'jî',
  'yê',
  'ya',
  'yên',
  'bê',
  'ne',
  'hemû',
  'ber',
  'pêş',
  'piştî',
  'gelek',
  'ser',
  'nav',
  'dixwazî',
  'dixwazin',
  'bike',
  'bikin',
  'biçin',
  'diçin',
  'çûn',
  'hatin',
  'heta',
  'erê',
  'belê',
  'rêya',
  'riya',
  'bihayê',
]);
/** Words that, if frequent, point to Turkish rather than Kurmanji (both use ç ş). */
export const TR_WORDS: ReadonlySet<string> = new Set([
  've',
  'bir',
  'bu',
  'için',
  'ile',
  'da',
  'de',
  'çok',
  'var',
  'yok',
  'ne',
  'mi',
  'ben',
  'sen',
]);

/** Longest word in either list: longer words are never looked up. */
const MAX_LISTED = Math.max(...[...KMR_WORDS, ...TR_WORDS].map((w) => w.length));

const IN_KMR = 1;
const IN_TR = 2;
/**
 * Listed words by (first unit, length), so a word of the post is compared in place against a
 * handful of candidates instead of being sliced, lowercased and hashed: the first unit's slot
 * (FIRST_SLOT, 0 = no listed word starts with it) and the length index a dense array of
 * candidate lists, each word followed by its IN_KMR | IN_TR bits (no Map look-up per word).
 */
const FIRST_SLOT = new Uint8Array(0x10000);
const CANDIDATES: (string | number)[][] = [];
{
  const all = [...new Set([...KMR_WORDS, ...TR_WORDS])];
  let slots = 0;
  for (const w of all) if (FIRST_SLOT[w.charCodeAt(0)] === 0) FIRST_SLOT[w.charCodeAt(0)] = ++slots;
  if (slots > 255) throw new Error('kurmanji: too many first letters for FIRST_SLOT');
  const width = slots + 1;
  for (let k = 0; k < width * (MAX_LISTED + 1); k++) CANDIDATES.push([]);
  for (const w of all) {
    CANDIDATES[w.length * width + FIRST_SLOT[w.charCodeAt(0)]!]!.push(w, (KMR_WORDS.has(w) ? IN_KMR : 0) | (TR_WORDS.has(w) ? IN_TR : 0));
  }
}
const SLOTS = CANDIDATES.length / (MAX_LISTED + 1);

/**
 * Per BMP code unit: its lowercase when that is one unit occurring in a listed word (so "K" and
 * the Kelvin sign both give "k"), else 0. Comparing through this table matches exactly the words
 * whose lowercase is listed.
 */
const LOWER_LISTED = new Uint16Array(0x10000);
{
  const units = new Set<number>();
  for (const w of [...KMR_WORDS, ...TR_WORDS]) for (let q = 0; q < w.length; q++) units.add(w.charCodeAt(q));
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length === 1 && units.has(l.charCodeAt(0))) LOWER_LISTED[c] = l.charCodeAt(0);
  }
}

/** IN_KMR / IN_TR bits of the listed word equal to the lowercase of s[b, e), or 0. */
function listed(s: string, b: number, e: number): number {
  const slot = FIRST_SLOT[LOWER_LISTED[s.charCodeAt(b)]!]!;
  if (slot === 0) return 0;
  const list = CANDIDATES[(e - b) * SLOTS + slot]!;
  for (let k = 0; k < list.length; k += 2) {
    const w = list[k] as string;
    let q = 1;
    while (q < w.length && LOWER_LISTED[s.charCodeAt(b + q)] === w.charCodeAt(q)) q++;
    if (q === w.length) return list[k + 1] as number;
  }
  return 0;
}

/**
 * Returns a Kurmanji score in [0, 1]: share of words (runs of letters, \p{L}) that are Kurmanji
 * markers, less Turkish ones. Runs on every Latin-script post without a caller language, so it
 * walks char codes once (letter class from the shared table) and matches words in place.
 *
 * Same result as scanning `text.toLowerCase()`: lowercasing keeps every code point's letter class
 * and UTF-16 length except U+0130 (İ → i + combining dot, which splits the word), so a post with
 * İ is lowercased first; Ê Î Û Ğ are the only other code points whose lowercase is a marker letter.
 */
export function kurmanjiScore(text: string): number {
  const s = text.indexOf('\u0130') !== -1 ? text.toLowerCase() : text;
  const n = s.length;
  let words = 0;
  let kmr = 0;
  let tr = 0;
  let i = 0;
  while (i < n) {
    let c = s.codePointAt(i)!;
    if (!isLetter(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const b = i;
    let kmrLetter = false; // ê î û (or capitals)
    let trLetter = false; // ı ğ (or Ğ)
    do {
      if (c === 0xea || c === 0xee || c === 0xfb || c === 0xca || c === 0xce || c === 0xdb) kmrLetter = true;
      else if (c === 0x131 || c === 0x11f || c === 0x11e) trLetter = true;
      i += c > 0xffff ? 2 : 1;
      if (i >= n) break;
      c = s.codePointAt(i)!;
    } while (isLetter(c));
    words++;
    const bits = i - b <= MAX_LISTED ? listed(s, b, i) : 0;
    if ((bits & IN_KMR) !== 0) kmr++;
    else if (kmrLetter) kmr += 0.7;
    if ((bits & IN_TR) !== 0) tr++;
    if (trLetter) tr += 1;
  }
  if (words === 0) return 0;
  return Math.max(0, (kmr - tr * 0.8) / words);
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return charClass(c) === LETTER;
}
