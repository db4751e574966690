/**
 * Entity extraction on the original text: phones, messenger links/handles, prices, route places.
 * Entities are what a referral names and what links posts into networks, so each comes back as a
 * Signal with original offsets and a canonical value (E.164, `telegram:@x`, `1500 EUR`, `dest:uk`).
 */
import type { Signal } from '../types.ts';
import { normalise, type Normalised } from '../normalise/normalise.ts';
import { tokenize, type Tokens } from '../heuristics/tokenize.ts';
import { DIGIT_ARABIC_INDIC, DIGIT_PERSIAN, foldForExtraction } from './entity-fold.ts';
import { DEFAULT_COUNTRIES, findPhones } from './phones.ts';
import type { CountryCode } from 'libphonenumber-js/max';
import { findMessengers } from './messengers.ts';
import { findPrices } from './prices.ts';
import { findRoutes } from './routes.ts';

export interface ExtractOptions {
  /** Precomputed normalisation of `text` (analyse() already has one). */
  norm?: Normalised;
  tokens?: Tokens;
  /** Post language, used to accept short place names that are only unambiguous in it. */
  lang?: string;
}

/** Countries tried first for national-format numbers, by post language and digit script. */
const COUNTRY_HINTS: Record<string, CountryCode[]> = {
  en: ['GB'],
  fr: ['FR', 'BE'],
  ar: ['IQ', 'LY', 'SY'],
  ckb: ['IQ', 'IR'],
  kmr: ['TR', 'IQ', 'SY'],
  fa: ['IR', 'AF'],
  ps: ['AF', 'PK'],
  sq: ['AL', 'XK'],
  vi: ['VN'],
  tr: ['TR'],
};

/** Country lists by language, then digit script: a handful of distinct lists, built once each. */
const countryLists = new Map<string | undefined, (readonly CountryCode[] | undefined)[]>();
function countriesFor(lang: string | undefined, digitScripts: number): readonly CountryCode[] {
  // Persian digits are typed on Persian/Dari keyboards: Iran and Afghanistan first.
  const digits = (digitScripts & DIGIT_PERSIAN) !== 0 ? 2 : (digitScripts & DIGIT_ARABIC_INDIC) !== 0 ? 1 : 0;
  let byDigits = countryLists.get(lang);
  if (byDigits === undefined) {
    byDigits = [];
    if (countryLists.size < 1000) countryLists.set(lang, byDigits);
  }
  let list = byDigits[digits];
  if (list === undefined) {
    let first: CountryCode[] = lang !== undefined ? (COUNTRY_HINTS[lang] ?? []) : [];
    if (digits === 2) first = ['IR', 'AF', ...first];
    else if (digits === 1) first = ['IQ', ...first];
    list = first.length === 0 ? DEFAULT_COUNTRIES : [...new Set([...first, ...DEFAULT_COUNTRIES])];
    byDigits[digits] = list;
  }
  return list;
}

export function extractEntities(text: string, opts: ExtractOptions = {}): Signal[] {
  // Which digits the text has (ASCII, Arabic-Indic, Persian), noted by the fold's walk: most posts
  // have none and skip the phone and price regexes.
  const { folded, digits: digitScripts } = foldForExtraction(text);
  const out: Signal[] = [];
  const messengers = folded.includes('@') || folded.includes('.') || folded.includes('viber') ? findMessengers(folded) : [];
  out.push(...messengers);
  if (digitScripts !== 0) {
    for (const p of findPhones(folded, countriesFor(opts.lang, digitScripts))) {
      // A number inside a wa.me link is already the messenger signal.
      if (!messengers.some((m) => m.start <= p.start && p.end <= m.end)) out.push(p);
    }
    out.push(...findPrices(folded, text));
  }
  const norm = opts.norm ?? normalise(text);
  const tokens = opts.tokens ?? tokenize(norm.text);
  out.push(...findRoutes(norm, tokens, opts.lang));
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
