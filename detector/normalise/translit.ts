/**
 * Transliteration-aware folding of one Latin-script word, so that the spellings people really use
 * for a word of Persian, Arabic, Sorani, Pashto or Kurmanji typed in Latin letters meet in one key:
 * "ghayegh", "qayeq", "ghaiq" → "QQ"... ; "7arga", "harga", "7raga" → "hrg"; "pool", "pul", "poul" → "pl".
 *
 * Posters have no standard: the same letter is written gh/q/8/9 (غ ق), kh/x/5 (خ), sh/ch/š/ş (ش),
 * 7/h (ح ه), 3/a/' (ع), and short vowels are written any way or not at all. So the key is the
 * word's consonant skeleton after these classes are merged, doubled letters collapsed first, with
 * the class of its first vowel (a; e i y; o u): upper case in front when the word starts with it
 * ("inglis" → "Ingls" ≠ "nglis"), else after a "|" when the skeleton is short, where unrelated
 * words meet most ("bron" → "brn|u" ≠ "barran" → "brn|a"). Collisions are further kept in check by
 * where it is used (matcher.ts): only for lexicon terms of romanised files and Kurmanji, only for
 * keys of 3+ consonants (2 for gh/kh/sh pairs), only in posts of those languages.
 */

/** Vowels and their class: a; e i y; o u. */
const VOWEL_CLASS: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };
/** Skeletons shorter than this carry their first vowel's class. */
const SHORT_SKELETON = 4;

/** Digraphs and letters → class symbols (upper case: never produced by lower-case input). */
const DIGRAPHS: [RegExp, string][] = [
  [/sch|sh|ch|[šşç]/g, 'S'], // ش (French-Maghrebi "ch", Turkish/Kurdish ş ç)
  [/kh|x|5/g, 'X'], // خ
  [/gh|q|9|8/g, 'Q'], // غ ق
  [/zh|ž|j/g, 'J'], // ژ ج (Sorani "zh", Persian "j" and "zh" alternate in Latin)
  [/ph|f/g, 'f'],
  [/7/g, 'h'], // ح
  [/6/g, 't'], // ط
  [/ck|c|k/g, 'k'],
];

/** Letter digits that are vowels or glottal stops: 3 ع (read as a vowel), 2 ء (dropped). */
function digitVowels(w: string): string {
  return w.replace(/3/g, 'a').replace(/2/g, '');
}

/** Lower-case, diacritics stripped except the ones merged above (š ş ç ž), ı → i, đ → d. */
function plain(w: string): string {
  return w
    .toLowerCase()
    .replace(/[şçšž]/g, (c) => ({ ş: '\u0001', ç: '\u0002', š: '\u0001', ž: '\u0003' })[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/đ/g, 'd')
    .replaceAll('\u0001', 'sh')
    .replaceAll('\u0002', 'ch')
    .replaceAll('\u0003', 'zh');
}

/**
 * The fold key of a word, or '' when the word is not a Latin-script word (other letters, or a
 * number). Only letters and digits are expected (one token of the tokeniser).
 */
export function foldRomanised(word: string): string {
  let w = plain(word);
  if (!/^[a-z0-9]+$/.test(w) || !/[a-z]/.test(w)) return '';
  w = digitVowels(w).replace(/[014]/g, '');
  // Doubled letters collapse before vowels go ("bellem" = "belem", "pool" keeps one o then loses it).
  w = w.replace(/(.)\1+/g, '$1');
  for (const [re, to] of DIGRAPHS) w = w.replace(re, to);
  w = w.replace(/(.)\1+/g, '$1');
  let skeleton = '';
  let firstVowel = '';
  for (const ch of w) {
    const v = VOWEL_CLASS[ch];
    if (v === undefined) skeleton += ch;
    else if (firstVowel === '') firstVowel = v;
  }
  if (VOWEL_CLASS[w[0]!] !== undefined) return firstVowel.toUpperCase() + skeleton;
  return skeleton.length < SHORT_SKELETON && firstVowel !== '' ? `${skeleton}|${firstVowel}` : skeleton;
}

/**
 * The light fold for Kurmanji, whose alphabet is Latin already: only what ad-hoc typing changes
 * (î ê û without their hats, ş as s or sh, ç as c or ch, x as kh, doubled letters). Vowels stay,
 * so inflected forms do not meet their stem ("taksiyê" is not "taksî") and nothing collides that
 * did not before. '' for a number or a non-Latin word.
 */
export function foldKurmanji(word: string): string {
  const w = plain(word);
  if (!/^[a-z0-9]+$/.test(w) || !/[a-z]/.test(w)) return '';
  return w
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/kh/g, 'x')
    .replace(/(.)\1+/g, '$1');
}
