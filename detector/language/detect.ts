/**
 * Offline language identification for the ten languages the detector is built for.
 *
 * Script decides first (cheap and certain), then: Arabic script by letter profile
 * (arabic-script.ts), Latin script by `eld` (fast n-gram detector, bundled data, no download)
 * restricted to our languages, with a Kurmanji rule in front because no library covers it, and
 * before that a marker-word rule for Persian, Arabic, Sorani and Pashto written in Latin letters
 * (romanised.ts): their base language, with the script reported beside it (`fa-Latn`).
 * eld's scoring runs through eld-subset.ts, which gives eld's answers at a fraction of the cost.
 */
import { LANGUAGES, type Language } from '../types.ts';
import { arabicScriptLanguage, countArabicScript } from './arabic-script.ts';
import { eldSubset } from './eld-subset.ts';
import { kurmanjiScore } from './kurmanji.ts';
import { romanisedLanguage } from './romanised.ts';

export type DetectedLanguage = Language | 'und';
/** ISO 15924 script of a post's letters: the majority of Arabic-script vs Latin letters. */
export type Script = 'Latn' | 'Arab';

/** The base language (one of ours, for every field that needs one) and the script it is written in. */
export interface IdentifiedLanguage {
  lang: DetectedLanguage;
  /** null: fewer than two letters. */
  script: Script | null;
}

/** Languages written in Arabic script by default; the rest are Latin by default. */
const ARABIC_SCRIPT_LANGS: ReadonlySet<string> = new Set(['ar', 'fa', 'ckb', 'ps']);

/**
 * BCP 47 tag: the base language, with the script only when it is not the language's usual one
 * ("fa-Latn" for Finglish, "ar-Latn" for Arabizi; "fa", "kmr", "en" otherwise).
 */
export function languageTag(lang: string, script: Script | null): string {
  if (script === null || lang === 'und') return lang;
  return (script === 'Arab') === ARABIC_SCRIPT_LANGS.has(lang) ? lang : `${lang}-${script}`;
}

// eld knows these of ours (its "ku" is not reliable for either Kurdish, so it is left out).
const eld = eldSubset(['en', 'fr', 'ar', 'fa', 'sq', 'vi', 'tr']);

const ELD_TO_OURS: Record<string, Language> = { en: 'en', fr: 'fr', ar: 'ar', fa: 'fa', sq: 'sq', vi: 'vi', tr: 'tr' };

/** Vietnamese-only letters: ơ ư ă đ and stacked tone marks are decisive even in two words. */
const VI_LETTERS = /[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/;
const TR_LETTERS = /[ğıİĞ]/;
const SQ_LETTERS = /ë/;

/**
 * Per code unit: which of the three letter tests above it satisfies (bit 1 VI, 2 TR, 4 SQ), from the
 * regexes themselves, and whether it counts as a Latin or an Arabic-script letter (bits 8, 16).
 * The letter scan below reads this one table instead of three regex scans and range checks.
 */
const VI = 1;
const TR = 2;
const SQ = 4;
const LATIN_LETTER = 8;
const ARABIC_LETTER = 16;
const LETTER_FLAGS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
  // Arabic block letters, without the Arabic comma and question mark and the two digit ranges.
  const arabic =
    c >= 0x0600 && c <= 0x06ff && c !== 0x060c && c !== 0x061f && !(c >= 0x0660 && c <= 0x0669) && !(c >= 0x06f0 && c <= 0x06f9);
  LETTER_FLAGS[c] =
    (VI_LETTERS.test(ch) ? VI : 0) |
    (TR_LETTERS.test(ch) ? TR : 0) |
    (SQ_LETTERS.test(ch) ? SQ : 0) |
    (latin ? LATIN_LETTER : arabic ? ARABIC_LETTER : 0);
}

/** The last scan's counts: module-level so that the per-post scan allocates nothing. */
const scanned = { latin: 0, letters: 0, flags: 0 };

/** One pass over a post: Latin letters, all letters, and the marker-letter flags. */
function scanLetters(text: string): typeof scanned {
  let latin = 0;
  let letters = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const f = LETTER_FLAGS[text.charCodeAt(i)]!;
    flags |= f;
    if ((f & LATIN_LETTER) !== 0) {
      latin++;
      letters++;
    } else if ((f & ARABIC_LETTER) !== 0) {
      letters++;
    }
  }
  scanned.latin = latin;
  scanned.letters = letters;
  scanned.flags = flags;
  return scanned;
}

/** Identify the language of a post; 'und' when there is too little text to say. */
export function detectLanguage(text: string): DetectedLanguage {
  return identifyLanguage(text).lang;
}

const UND: IdentifiedLanguage = Object.freeze({ lang: 'und', script: null });
/** One shared, frozen result per language and script: nothing allocated per post. */
const SHARED: Record<Script, Record<string, IdentifiedLanguage>> = { Latn: {}, Arab: {} };
for (const lang of [...LANGUAGES, 'und' as const]) {
  SHARED.Latn[lang] = Object.freeze({ lang, script: 'Latn' });
  SHARED.Arab[lang] = Object.freeze({ lang, script: 'Arab' });
}
function result(lang: DetectedLanguage, script: Script): IdentifiedLanguage {
  return SHARED[script][lang]!;
}

/** The script of a post's letters (Arabic-script vs Latin majority); null under two letters. */
export function textScript(text: string): Script | null {
  const { latin, letters } = scanLetters(text);
  if (letters < 2) return null;
  return letters - latin > latin ? 'Arab' : 'Latn';
}

/** Identify the base language and script of a post. */
export function identifyLanguage(text: string): IdentifiedLanguage {
  const { latin, letters, flags } = scanLetters(text);
  if (letters < 2) return UND;
  const arabic = letters - latin;
  if (arabic > latin) return result(arabicScriptLanguage(text, countArabicScript(text)), 'Arab');
  return result(latinLanguage(text, flags, latin), 'Latn');
}

function latinLanguage(text: string, flags: number, latin: number): DetectedLanguage {
  if ((flags & VI) !== 0) return 'vi';
  const romanised = romanisedLanguage(text);
  if (romanised !== null) return romanised;
  if (kurmanjiScore(text) >= 0.25) return 'kmr';
  if ((flags & TR) !== 0) return 'tr';
  // A short prefix is enough for eld and keeps the cost per post bounded.
  const lang = ELD_TO_OURS[eld.detect(text.length > 200 ? text.slice(0, 200) : text)];
  if (lang === 'sq' || lang === undefined) {
    if ((flags & SQ) !== 0) return 'sq';
  }
  if (lang !== undefined) return lang;
  return latin >= 3 ? 'en' : 'und';
}

const ALIAS: Readonly<Record<string, Language>> = {
  eng: 'en',
  fra: 'fr',
  fre: 'fr',
  ara: 'ar',
  arb: 'ar',
  per: 'fa',
  fas: 'fa',
  pes: 'fa',
  prs: 'fa',
  dari: 'fa',
  pus: 'ps',
  pbu: 'ps',
  pbt: 'ps',
  sqi: 'sq',
  alb: 'sq',
  als: 'sq',
  vie: 'vi',
  tur: 'tr',
  ku: 'kmr',
  kur: 'kmr',
  sdh: 'ckb',
};
/** Caller codes seen so far → ours: a batch repeats a handful of codes. Bounded. */
const narrowed = new Map<string, DetectedLanguage>();

/** Narrow a caller-supplied code ("EN", "ku", "prs", "fa-AF") to one of ours. */
export function toLanguage(code: string | null | undefined): DetectedLanguage {
  if (!code) return 'und';
  let lang = narrowed.get(code);
  if (lang === undefined) {
    lang = narrow(code);
    if (narrowed.size < 1000) narrowed.set(code, lang);
  }
  return lang;
}

function narrow(code: string): DetectedLanguage {
  const c = code.toLowerCase().split(/[-_]/)[0]!;
  if ((LANGUAGES as readonly string[]).includes(c)) return c as Language;
  return ALIAS[c] ?? 'und';
}
