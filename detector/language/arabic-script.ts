/**
 * Arabic-script language decision (ar / fa / ckb / ps) by letter profile.
 *
 * Statistical detectors confuse these four on short posts (eld calls Sorani and Pashto "ku",
 * franc calls Sorani "uig"), yet each orthography has letters the others never use, so a letter
 * count is both faster and more reliable than n-grams here.
 */
import type { Language } from '../types.ts';

/** Pashto-only letters: ټ ډ ړ ښ ږ ځ څ ې ۍ ګ ڼ ئ-less yeh forms. */
const PASHTO = new Set([0x067c, 0x0689, 0x0693, 0x069a, 0x0696, 0x0681, 0x0685, 0x06d0, 0x06cd, 0x06ab, 0x06bc]);
/** Sorani-only letters: ێ ۆ ڕ ڵ ە ڤ. */
const SORANI = new Set([0x06ce, 0x06c6, 0x0695, 0x06b5, 0x06d5, 0x06a4]);
/** Persian letters absent from Arabic: پ چ ژ گ and Farsi yeh/keheh. */
const PERSIAN = new Set([0x067e, 0x0686, 0x0698, 0x06af, 0x06cc, 0x06a9]);
/** Arabic-only letters: ة ى ي ك and hamza-on-line forms used mostly in Arabic. */
const ARABIC = new Set([0x0629, 0x0649, 0x064a, 0x0643]);

/** Frequent function words that separate Persian from Arabic when letters are ambiguous. */
const FA_WORDS = new Set(['از', 'به', 'با', 'که', 'این', 'را', 'است', 'برای', 'می', 'تا', 'هم', 'در']);
const AR_WORDS = new Set(['في', 'من', 'على', 'الى', 'إلى', 'عن', 'مع', 'هذا', 'التي', 'الذي', 'ان', 'أن']);

export interface ArabicScriptCounts {
  arabicLetters: number;
  pashto: number;
  sorani: number;
  persian: number;
  arabic: number;
}

/** Letter group per code point of the Arabic block (U+0600–U+06FF), in the precedence above. */
const NONE = 0,
  PS = 1,
  CKB = 2,
  FA = 3,
  AR = 4;
const GROUP = new Uint8Array(0x100);
for (let cp = 0x0600; cp <= 0x06ff; cp++) {
  GROUP[cp - 0x0600] = PASHTO.has(cp) ? PS : SORANI.has(cp) ? CKB : PERSIAN.has(cp) ? FA : ARABIC.has(cp) ? AR : NONE;
}

export function countArabicScript(text: string): ArabicScriptCounts {
  let arabicLetters = 0,
    pashto = 0,
    sorani = 0,
    persian = 0,
    arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x0600 || cp > 0x06ff) continue;
    arabicLetters++;
    const g = GROUP[cp - 0x0600];
    if (g === PS) pashto++;
    else if (g === CKB) sorani++;
    else if (g === FA) persian++;
    else if (g === AR) arabic++;
  }
  return { arabicLetters, pashto, sorani, persian, arabic };
}

/** Decide among ar/fa/ckb/ps for a text known to be mostly Arabic script. */
export function arabicScriptLanguage(text: string, c: ArabicScriptCounts = countArabicScript(text)): Language {
  // Sorani ە/ێ/ۆ are very frequent (ە is its "e"); Pashto letters appear in most sentences.
  if (c.pashto >= 2 && c.pashto >= c.sorani) return 'ps';
  if (c.sorani >= 2 || (c.sorani >= 1 && c.pashto === 0 && c.arabicLetters < 40)) return 'ckb';
  if (c.pashto >= 1) return 'ps';
  let fa = c.persian * 2;
  let ar = c.arabic * 2;
  // The words of text.split(SEPARATORS), walked in place: empty pieces score nothing, and only
  // words up to the longest listed one are sliced for the look-up.
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSeparatorAt(text, i)) {
      i += unitsAt(text, i);
      continue;
    }
    const b = i;
    while (i < n && !isSeparatorAt(text, i)) i += unitsAt(text, i);
    if (i - b <= MAX_LISTED) {
      const w = text.slice(b, i);
      if (FA_WORDS.has(w)) fa += 2;
      else if (AR_WORDS.has(w)) ar += 2;
    }
    if (i - b >= 2 && text.charCodeAt(b) === 0x0627 && text.charCodeAt(b + 1) === 0x0644) ar++; // starts with ال
  }
  return fa > ar ? 'fa' : 'ar';
}

/** What separates words for the function-word count: whitespace and punctuation. */
const SEPARATORS = /^[\s\p{P}]$/u;
const MAX_LISTED = Math.max(...[...FA_WORDS, ...AR_WORDS].map((w) => w.length));
/** Per BMP code unit: 1 if SEPARATORS matches it alone (surrogates never do on their own). */
const SEPARATOR_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (SEPARATORS.test(String.fromCharCode(c))) SEPARATOR_UNIT[c] = 1;

/** Code units of the code point at i, as a /u regex steps over the text (a pair counts as one). */
function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

function isSeparatorAt(text: string, i: number): boolean {
  if (unitsAt(text, i) === 1) return SEPARATOR_UNIT[text.charCodeAt(i)] === 1;
  return SEPARATORS.test(String.fromCodePoint(text.codePointAt(i)!));
}
