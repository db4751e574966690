/**
 * Phone numbers in posts, parsed and validated by libphonenumber-js (full metadata) and returned
 * in E.164, because the same number across many posts is what ties adverts into one network.
 *
 * Candidates are found on the digit-folded original so Arabic-Indic/Persian digits and spaced or
 * dotted digits ("0 7 7 0 0", "07.70.09") are caught with their original offsets.
 *
 * Numbers libphonenumber calls possible (right length for the country) but not valid (a range it
 * does not know: new ranges, reserved fictional ranges such as +44 7700 900xxx) still tie posts
 * together, so they are returned too, flagged `valid: false`, but only where the writing says
 * "phone number": an international prefix (+ or 00), or a national 0-prefixed number of 10–11
 * digits possible in the first country tried. Prices, dates and ids have neither.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Signal } from '../types.ts';

/** + or 00 prefix, then 7–15 digits with single separators between them. */
const CANDIDATE = /(?:\+|\b00)?\d(?:[ \u00a0.\-/()]{0,2}\d){6,16}/g;

/** A candidate that is exactly a date (12/05/2024, 12.05.2024, 2024-05-12): Iraqi and German
 * ranges validate some as numbers. */
const DATE = /^(?:\d{1,2}([./-])\d{1,2}\1\d{4}|\d{4}([./-])\d{1,2}\2\d{1,2})$/;

/** Countries tried for numbers written without an international prefix, in order. */
export const DEFAULT_COUNTRIES: readonly CountryCode[] = ['GB', 'FR', 'IQ', 'TR', 'IR', 'AL', 'VN', 'AF', 'DE', 'IT', 'GR', 'BE', 'LY'];

/**
 * Distinct numbers parsed per post. libphonenumber spends up to ~0.5 ms on a number no country
 * validates (it tries each of the list), so a post of 20,000 random digits held a worker for
 * 0.3 s; posts name one or two numbers (the corpus at most two). Later candidates are skipped:
 * counted by text, not by cache hits, so the same post always gives the same signals.
 */
export const MAX_PHONE_CANDIDATES = 8;

export function findPhones(folded: string, countries: readonly CountryCode[] = DEFAULT_COUNTRIES): Signal[] {
  const out: Signal[] = [];
  let seen: Set<string> | undefined;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(folded); m !== null; m = CANDIDATE.exec(folded)) {
    const raw = m[0];
    const start = m.index;
    // Digits glued to letters ("abc1234567") are ids, not phone numbers.
    const before = start > 0 ? folded.charCodeAt(start - 1) : 32;
    if ((before >= 97 && before <= 122) || before === 47 /* url path */) continue;
    if (DATE.test(raw)) continue;
    const digits = raw.replace(/[^\d+]/g, '').replace(/^00/, '+');
    if (!(seen ??= new Set()).has(digits)) {
      if (seen.size === MAX_PHONE_CANDIDATES) continue;
      seen.add(digits);
    }
    const number = parse(digits, countries);
    if (number === undefined) continue;
    const signal: Signal = { type: 'phone', value: number.e164, start, end: start + raw.length };
    if (!number.valid) signal.valid = false;
    out.push(signal);
  }
  return out;
}

/** A parsed number in E.164, and whether libphonenumber knows its range (else only possible). */
export interface ParsedPhone {
  e164: string;
  valid: boolean;
}

const cache = new Map<string, ParsedPhone | null>();
const CACHE_MAX = 100_000;
/** A country list's cache-key prefix, made once per list. */
const listKeys = new WeakMap<readonly CountryCode[], string>();
function listKey(countries: readonly CountryCode[]): string {
  let k = listKeys.get(countries);
  if (k === undefined) listKeys.set(countries, (k = countries.join(',')));
  return k;
}

/** A digit string (optionally +-prefixed) as E.164, or undefined if it is neither valid in a
 * country tried nor possible as the module comment says. Cached: the same numbers recur across a
 * network's posts, and parsing costs microseconds. */
export function parse(digits: string, countries: readonly CountryCode[] = DEFAULT_COUNTRIES): ParsedPhone | undefined {
  // A national number's answer depends on the whole list (its order decides which country
  // validates it first), so the whole list is in the key, not just its first country.
  const key = digits.startsWith('+') ? digits : `${listKey(countries)}|${digits}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const v = parseUncached(digits, countries);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, v ?? null);
  return v;
}

function parseUncached(digits: string, countries: readonly CountryCode[]): ParsedPhone | undefined {
  if (digits.startsWith('+')) {
    const p = parsePhoneNumberFromString(digits);
    if (!p) return undefined;
    return p.isValid() ? { e164: p.number, valid: true } : p.isPossible() ? { e164: p.number, valid: false } : undefined;
  }
  for (const c of countries) {
    const p = parsePhoneNumberFromString(digits, c);
    if (p?.isValid()) return { e164: p.number, valid: true };
  }
  // International number written without "+" ("447700900123", "9647501234567").
  if (digits.length >= 10) {
    const p = parsePhoneNumberFromString('+' + digits);
    if (p?.isValid()) return { e164: p.number, valid: true };
  }
  // A national number in an unknown range: trunk-prefixed and phone-length in the first country.
  if (digits.length >= 10 && digits.length <= 11 && digits[0] === '0' && digits[1] !== '0' && countries[0] !== undefined) {
    const p = parsePhoneNumberFromString(digits, countries[0]);
    if (p?.isPossible()) return { e164: p.number, valid: false };
  }
  return undefined;
}
