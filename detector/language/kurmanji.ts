/**
 * Kurmanji (kmr, Latin script) scoring. Neither franc nor eld knows Kurmanji, and both guess
 * Slovene, Basque or "Central Kurdish" for it, so we score it ourselves from its letters
 * (ê î û ç ş, used together) and its very frequent function words.
 */
import { LETTER, charClass } from '../normalise/chars.ts';

export const KMR_WORDS: ReadonlySet<string> = new Set([
  'ez', 'tu', 'em', 'hûn', 'ew', 'û', 'ji', 'bo', 'ji bo', 'li', 'di', 'de', 'ku', 'heye', 'hene', 'nîne', 'tune',
  'dikarî', 'dikarim', 'dikarin', 'bi', 're', 've', 'çi', 'kî', 'çawa', 'niha', 'vê', 'wê', 'min', 'te', 'me',
  'we', 'wan', 'jî', 'yê', 'ya', 'yên', 'bê', 'ne', 'hemû', 'ber', 'pêş', 'piştî', 'gelek', 'ser', 'nav', 'dixwazî',
  'dixwazin', 'bike', 'bikin', 'biçin', 'diçin', 'çûn', 'hatin', 'heta', 'erê', 'belê', 'rêya', 'riya', 'bihayê',
]);
/** Words that, if frequent, point to Turkish rather than Kurmanji (both use ç ş). */
export const TR_WORDS: ReadonlySet<string> = new Set(['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'çok', 'var', 'yok', 'ne', 'mi', 'ben', 'sen']);

/** Longest word in either list: longer words are never looked up. */
const MAX_LISTED = Math.max(...[...KMR_WORDS, ...TR_WORDS].map((w) => w.length));

/**
 * Returns a Kurmanji score in [0, 1]: share of words (runs of letters, \p{L}) that are Kurmanji
 * markers, less Turkish ones. Runs on every Latin-script post without a caller language, so it
 * walks char codes once (letter class from the shared table) instead of regex-matching each word.
 */
export function kurmanjiScore(text: string): number {
  const lower = text.toLowerCase();
  const n = lower.length;
  let words = 0;
  let kmr = 0;
  let tr = 0;
  let i = 0;
  while (i < n) {
    let c = lower.codePointAt(i)!;
    if (!isLetter(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const b = i;
    let kmrLetter = false; // ê î û
    let trLetter = false; // ı ğ
    do {
      if (c === 0xea || c === 0xee || c === 0xfb) kmrLetter = true;
      else if (c === 0x131 || c === 0x11f) trLetter = true;
      i += c > 0xffff ? 2 : 1;
      if (i >= n) break;
      c = lower.codePointAt(i)!;
    } while (isLetter(c));
    words++;
    const w = i - b <= MAX_LISTED ? lower.slice(b, i) : '';
    if (KMR_WORDS.has(w)) kmr++;
    else if (kmrLetter) kmr += 0.7;
    if (TR_WORDS.has(w)) tr++;
    if (trLetter) tr += 1;
  }
  if (words === 0) return 0;
  return Math.max(0, (kmr - tr * 0.8) / words);
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return charClass(c) === LETTER;
}
