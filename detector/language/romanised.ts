/**
 * Romanised Persian/Dari, Arabic (Arabizi), Sorani and Pashto in Latin letters. eld knows none of
 * them and calls most such posts Turkish, so before eld a Latin-script post is scored against
 * marker-word lists (romanised-words.ts): the share of its words that are markers of each
 * language, against the common function words of English, French, Turkish, Albanian, Vietnamese
 * and Kurmanji. Arabizi's letter digits ("7arga", "3and", "ya5i") count for Arabic.
 *
 * One walk over the char codes; each word is hashed as it is read (ASCII lowercased in place) and
 * probed in a small open-addressing table, so nothing is sliced or allocated per word.
 */
import { COMMON_BIT, HALF_WEIGHT, MARKER_BITS, ROMANISED_LANGS, type RomanisedLang } from './romanised-words.ts';

const ENTRIES = [...MARKER_BITS.keys()];
const BITS = Int32Array.from(ENTRIES, (w) => MARKER_BITS.get(w)!);
const WEIGHT = Float64Array.from(ENTRIES, (w) => (HALF_WEIGHT.has(w) ? 0.5 : 1));
const LONGEST = Math.max(...ENTRIES.map((w) => w.length));
const CELLS = 1 << Math.ceil(Math.log2(ENTRIES.length * 4));
const MASK = CELLS - 1;
/** Cell → entry index + 1 (0 = empty); probed linearly from the word's hash. */
const TABLE = new Int32Array(CELLS);

function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
function slot(h: number): number {
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 16;
}
ENTRIES.forEach((w, i) => {
  if (!/^[a-z0-9]+$/.test(w)) throw new Error(`romanised: marker "${w}" must be lower-case ASCII letters and digits`);
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < w.length; k++) h = fnv(h, w.charCodeAt(k));
  let c = slot(h) & MASK;
  while (TABLE[c] !== 0) c = (c + 1) & MASK;
  TABLE[c] = i + 1;
});

/** Arabizi letter digits: 2 ء, 3 ع, 5 خ, 7 ح, 9 ق (8 غ is rare and collides with "l8r"). */
function isArabiziDigit(c: number): boolean {
  return c === 50 || c === 51 || c === 53 || c === 55 || c === 57;
}

const AR = ROMANISED_LANGS.indexOf('ar');

/** Marker counts per language (ROMANISED_LANGS order), common words, words; reused per call. */
const counts = new Float64Array(ROMANISED_LANGS.length);
let common = 0;
let wordCount = 0;
/** Words with an Arabizi letter digit; words with a leet-only digit (0 1 4: "b0at", "p4ss"). */
let arabiziWords = 0;
let leetWords = 0;

/**
 * Letters of Turkish, Albanian and Kurdish Latin alphabets (ë ş ğ ı ö ü ê î û ç, both cases) from
 * U+00C0: a word with one is a word of those languages, not of a romanised one.
 */
const OTHER_LATIN_LETTER = new Uint8Array(0x2000 - 0xc0);
for (const ch of 'ëşğıöüçËŞĞİÖÜÇ') OTHER_LATIN_LETTER[ch.charCodeAt(0) - 0xc0] = 1;
/** Accented letters read as their plain ASCII letter (lower case) when hashing a word. */
const PLAIN_LETTER = new Uint16Array(0x2000 - 0xc0);
for (const [from, to] of [
  ['êÊéÉèÈ', 'e'],
  ['îÎ', 'i'],
  ['ûÛ', 'u'],
  ['àÀâÂ', 'a'],
] as const) {
  for (const ch of from) PLAIN_LETTER[ch.charCodeAt(0) - 0xc0] = to.charCodeAt(0);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Scores `text` into the module's counters. A word is a run of ASCII letters and digits (other
 * letters end the probe: a word with é or ş is no marker but still counts as a word).
 */
function scan(text: string): void {
  counts.fill(0);
  common = 0;
  wordCount = 0;
  arabiziWords = 0;
  leetWords = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!inWord(c)) {
      i++;
      continue;
    }
    const b = i;
    let h = 0x811c9dc5 | 0;
    let letters = 0;
    let arabizi = false;
    let ascii = true;
    let digits = 0;
    let leadingDigits = 0;
    let leet = false;
    let foreign = false;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      const l = c | 0x20;
      if (l >= 97 && l <= 122) {
        letters++;
        h = fnv(h, l);
      } else if (c >= 48 && c <= 57) {
        if (letters === 0) leadingDigits++;
        digits++;
        if (isArabiziDigit(c)) arabizi = true;
        else if (c === 48 || c === 49 || c === 52) leet = true;
        h = fnv(h, c);
      } else if (inWord(c)) {
        letters++;
        const plain = PLAIN_LETTER[c - 0xc0]!;
        // ê î û é è à: Sorani, Maghrebi and Finglish posts use them loosely; read as e i u e e a.
        if (plain !== 0) h = fnv(h, plain);
        else {
          if (OTHER_LATIN_LETTER[c - 0xc0] === 1) foreign = true;
          ascii = false;
        }
      } else break;
    }
    if (letters === 0) continue; // a number
    wordCount++;
    // After an apostrophe inside a word it is a suffix ("Sofya'da"), not a word of its own.
    const suffix = b >= 2 && isApostrophe(text.charCodeAt(b - 1)) && inWord(text.charCodeAt(b - 2));
    if (foreign) common++;
    const quantity = leadingDigits === digits && letters <= 2;
    if (leet && !quantity && digits <= 3) leetWords++;
    // "3and", "7arga", "ya5i": a letter digit in a word. Not "24h", "3pm" (a number and its unit)
    // nor "ali1995" (a handle).
    if (arabizi && digits <= 2 && !quantity) arabiziWords++;
    if (!ascii || suffix || i - b > LONGEST) continue;
    let cell = slot(h) & MASK;
    for (;;) {
      const e = TABLE[cell]!;
      if (e === 0) break;
      const w = ENTRIES[e - 1]!;
      if (w.length === i - b && sameWord(text, b, w)) {
        const bits = BITS[e - 1]!;
        if (bits === COMMON_BIT) common++;
        else for (let k = 0; k < ROMANISED_LANGS.length; k++) if ((bits & (1 << k)) !== 0) counts[k]! += WEIGHT[e - 1]!;
        break;
      }
      cell = (cell + 1) & MASK;
    }
  }
  // Letter digits in a post that also writes leet ("p4ss4ge v3rs") are leet, not Arabizi.
  if (leetWords === 0) counts[AR]! += arabiziWords;
}

/** Letters (ASCII, Latin and other alphabets below U+2000 but × ÷) and ASCII digits. */
function inWord(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

function sameWord(text: string, b: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = text.charCodeAt(b + k);
    const plain = c >= 0xc0 && c < 0x2000 ? PLAIN_LETTER[c - 0xc0]! : c >= 65 && c <= 90 ? c | 0x20 : c;
    if (plain !== w.charCodeAt(k)) return false;
  }
  return true;
}

/** At least this many marker words, this share of all words, and twice the common words. */
const MIN_MARKERS = 2;
const MIN_SHARE = 0.15;

/**
 * The romanised language of a Latin-script post, or null when it reads as none of them (or as
 * English, French, Turkish, Albanian, Vietnamese or Kurmanji). Ties go to the earlier of fa, ar,
 * ckb, ps only when the runner-up is well behind; otherwise the post is left to the other rules.
 */
export function romanisedLanguage(text: string): RomanisedLang | null {
  scan(text);
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  const top = counts[best]!;
  if (top < MIN_MARKERS || top < MIN_SHARE * wordCount || top < 2 * common) return null;
  return ROMANISED_LANGS[best]!;
}

/** Marker counts of the last scan, for tests and tuning: per language, common words, words. */
export function romanisedCounts(text: string): { markers: Record<RomanisedLang, number>; common: number; words: number } {
  scan(text);
  const markers = Object.fromEntries(ROMANISED_LANGS.map((l, k) => [l, counts[k]!])) as Record<RomanisedLang, number>;
  return { markers, common, words: wordCount };
}
