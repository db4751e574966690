/**
 * Same-length folding of the ORIGINAL text for entity regexes: ASCII lowercase, Arabic-Indic and
 * Persian digits → ASCII, Arabic thousands/decimal separators → , and . — every replacement is one
 * UTF-16 unit for one, so regex match offsets are original offsets with no mapping needed.
 */
import { unitsToString } from '../normalise/units.ts';

/** Folded code unit for `c`, or -1 when it stays as it is. */
function foldUnit(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0x0660) return -1;
  if (c <= 0x0669) return 48 + c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return 48 + c - 0x06f0;
  if (c === 0x066c) return 44; // ٬ thousands separator
  if (c === 0x066b) return 46; // ٫ decimal separator
  if (c === 0xff0b) return 43; // fullwidth +
  return -1;
}

// Scratch code units (single-threaded, reused across calls).
let units = new Uint16Array(1024);

/** Digit scripts a folded text contains (bits of FoldedText.digits). */
export const DIGIT_ASCII = 1;
export const DIGIT_ARABIC_INDIC = 2;
export const DIGIT_PERSIAN = 4;

export interface FoldedText {
  folded: string;
  /**
   * Which digits the text contains (DIGIT_* bits): the fold walks every unit anyway, so callers
   * need no regex scans of their own for them.
   */
  digits: number;
}

/** Per non-ASCII code unit: 0 = not computed, 1 = String#toLowerCase leaves it alone, 2 = it does not. */
const LOWER_KEEPS = new Uint8Array(0x10000);
function lowerKeeps(c: number): boolean {
  let v = LOWER_KEEPS[c]!;
  if (v === 0) {
    // Surrogates are never alone in what toLowerCase sees: treat them as changed (the slow way).
    const ch = String.fromCharCode(c);
    v = c < 0xd800 || c > 0xdfff ? (ch.toLowerCase() === ch ? 1 : 2) : 2;
    LOWER_KEEPS[c] = v;
  }
  return v === 1;
}

export function foldForExtraction(text: string): FoldedText {
  const n = text.length;
  let digits = 0;
  // The output is text.toLowerCase() while only ASCII capitals are folded and every other unit is
  // one toLowerCase keeps (most posts): much cheaper than building a string from code units.
  let lowerOnly = true;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) changed = true;
      else if (c >= 48 && c <= 57) digits |= DIGIT_ASCII;
      continue;
    }
    if (c >= 0x0660 && c <= 0x0669) digits |= DIGIT_ARABIC_INDIC;
    else if (c >= 0x06f0 && c <= 0x06f9) digits |= DIGIT_PERSIAN;
    if (foldUnit(c) >= 0) {
      changed = true;
      lowerOnly = false;
    } else if (lowerOnly && !lowerKeeps(c)) lowerOnly = false;
  }
  if (!changed) return { folded: text, digits };
  if (lowerOnly) return { folded: text.toLowerCase(), digits };
  // Something else folds: copy the code units once, fold in place, build the string once.
  if (units.length < n) units = new Uint16Array(n * 2);
  const u = units;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const r = foldUnit(c);
    u[i] = r >= 0 ? r : c;
  }
  return { folded: unitsToString(u, n), digits };
}
