import { createHash } from 'node:crypto';

/**
 * Canonical form for spotting re-uploads: compatibility-normalised, case-folded, with digits of
 * every script folded to ASCII and all punctuation, emoji and spacing removed (currency signs kept), so that a copy
 * with different emoji, line breaks or punctuation still matches.
 *
 * Defined as (content-hash.test.ts keeps this definition and checks the code against it):
 *   text.normalize('NFKC').toLowerCase()
 *     Arabic-Indic and Persian digits → ASCII digits,
 *     harakat, superscript alef, tatweel and directional/zero-width controls removed,
 *     then every run of characters other than letters, numbers and currency signs removed.
 * After NFKC and lowercasing each of those steps maps one code point on its own, so they are done
 * in one pass with the verdict per code unit cached (ingest and near-duplicate signing both run it
 * on every post; five regex passes cost about as much as the MinHash itself).
 */
export function canonicalText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  const n = s.length;
  let out = '';
  let run = 0; // start of the pending run of kept units, copied in one slice
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let k = KIND[c]!;
    if (k === 0) k = kindOf(c);
    if (k === KEEP) {
      i++;
      continue;
    }
    if (i > run) out += s.slice(run, i);
    if (k === DIGIT) out += String.fromCharCode(48 + (c >= 0x06f0 ? c - 0x06f0 : c - 0x0660));
    else if (k === PAIR) {
      // A surrogate: a well-formed pair is one code point, judged as such; a lone half is dropped.
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        if (KEPT.test(String.fromCharCode(c, d))) out += String.fromCharCode(c, d);
        i++;
      }
    }
    i++;
    run = i;
  }
  if (run === 0) return s;
  return run < n ? out + s.slice(run) : out;
}

const KEEP = 1;
const DROP = 2;
const DIGIT = 3;
const PAIR = 4;
const KEPT = /^[\p{L}\p{N}\p{Sc}]$/u;
const REMOVED = /[\u064b-\u065f\u0670\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]/;
/** Per BMP code unit: 0 = not yet known, else KEEP, DROP, DIGIT or PAIR (a surrogate). */
const KIND = new Uint8Array(0x10000);

function kindOf(c: number): number {
  const ch = String.fromCharCode(c);
  let k: number;
  if (c >= 0xd800 && c <= 0xdfff) k = PAIR;
  else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) k = DIGIT;
  else if (REMOVED.test(ch)) k = DROP;
  else k = KEPT.test(ch) ? KEEP : DROP;
  KIND[c] = k;
  return k;
}

/** SHA-256 (hex) of the canonical text. */
export function contentHash(text: string): string {
  return hashCanonical(canonicalText(text));
}

/** contentHash() of a text whose canonicalText() the caller already has. */
export function hashCanonical(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}
