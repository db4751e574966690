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

export function foldForExtraction(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && foldUnit(text.charCodeAt(i)) < 0) i++;
  if (i === n) return text;
  // Something folds: copy the code units once, fold in place, build the string once.
  if (units.length < n) units = new Uint16Array(n * 2);
  const u = units;
  for (let k = 0; k < i; k++) u[k] = text.charCodeAt(k);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const r = foldUnit(c);
    u[i] = r >= 0 ? r : c;
  }
  return unitsToString(u, n);
}
