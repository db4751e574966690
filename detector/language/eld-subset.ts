/**
 * eld's `detect()` restricted to a language subset, computed exactly as eld computes it but over a
 * compact table built once from eld's own bundled n-gram data (the "medium" database, read by
 * eld-data.ts without keeping the rest of it).
 *
 * Why not call `eld.detect()`: with a subset set, eld still scores all 60 languages and filters
 * afterwards. Per post it builds a string per n-gram, looks each up in a 105k-key object and walks
 * that n-gram's per-language object; it was the single most expensive step of classifying a post
 * (≈35 µs of ≈100), and its garbage and cache footprint slowed the steps after it as well. Only
 * 18k of eld's n-grams carry any of our seven languages, and scores are small integers, so a typed
 * hash table over packed n-gram codes gives the same sums with no allocation per n-gram.
 *
 * Same answers by construction: text cleaning follows eld's own separator regex (eld-text.ts),
 * bytes map through eld's own dictionary, the n-gram walk mirrors eld's (4-byte windows, stride 3,
 * word-boundary marks, the 350/380-byte cuts, duplicates counted once), integer sums are exact in
 * any order, and ties go to the lowest eld language index as in eld. `eld-subset.test.ts` checks it against `eld.detect()` itself.
 */
import { readEldDatabase } from './eld-data.ts';
import { cleanForEld, type CleanBuffer } from './eld-text.ts';

// eld's package exports only its ready-made detectors; its separator regex and byte dictionary
// are internal modules, loaded here by URL next to the entry point that bundles them. Its n-gram
// data is read as text (eld-data.ts): evaluating that module would keep all of it in memory.
const ELD_ENTRY = import.meta.resolve('eld/medium');
const { separators } = (await import(new URL('../regexPatterns.js', ELD_ENTRY).href)) as { separators: RegExp };
const { dictionary } = (await import(new URL('../dictionary.js', ELD_ENTRY).href)) as { dictionary: string[] };

/** eld adds this to every stored score (its database stores score − 53 to stay small). */
const BASE_NGRAM_SCORE = 53;
/** eld's cuts: stop at the first space after 350 bytes, and after any character past 380 bytes. */
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
/** eld only looks at the first 1000 characters, and at most 70 bytes of a word. */
const MAX_CHARS = 1000;
const MAX_WORD_BYTES = 70;
/** Longest n-gram key in eld's database: ' ' + 4 bytes + ' '. Longer keys cannot match. */
const MAX_KEY = 6;

/** Byte → the one-character code eld uses for it in its keys (ASCII bytes stand for themselves). */
const BYTE_CODE = new Uint8Array(256);
for (let b = 0; b < 256; b++) BYTE_CODE[b] = b < 0x80 ? b : dictionary[b]!.charCodeAt(0);

/** FNV-1a step over one key code; the table hash of a packed key. */
const FNV = 0x01000193;
const FNV_SEED = 0x811c9dc5 | 0;

export interface EldSubset {
  /** eld's answer restricted to the subset: an ISO 639-1 code, or '' when no subset language scores. */
  detect(text: string): string;
}

/**
 * Builds the detector for `languages` (ISO 639-1 codes eld knows). Building scans eld's whole
 * database file once (tens of ms at startup); build one per subset and reuse it.
 */
export function eldSubset(languages: readonly string[]): EldSubset {
  // Subset languages in eld's index order: ties go to the first, as in eld's getMaxLang.
  const data = readEldDatabase(languages);
  const codes = data.codes;
  const L = codes.length;

  // Rows: one per n-gram that scores any subset language; L scores each (0 where eld has none).
  const rowKeys: number[] = [];
  const rowHashes: number[] = [];
  const rowScores: number[] = [];
  for (let row = 0; row < data.keys.length; row++) {
    const key = data.keys[row]!;
    if (key.length > MAX_KEY) continue;
    const per = data.scores[row]!;
    for (let k = 0; k < L; k++) {
      const v = per[k];
      rowScores.push(v === undefined ? 0 : v + BASE_NGRAM_SCORE);
    }
    let packed = 0;
    let h = FNV_SEED;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      packed = packed * 256 + c;
      h = Math.imul(h ^ c, FNV);
    }
    rowKeys.push(packed + key.length * 2 ** 48);
    rowHashes.push(h);
  }
  const rows = rowKeys.length;
  // Scores are eld's 6..207 plus the base: 16 bits hold them exactly, and the table is read at
  // random per n-gram, so half the bytes means fewer cache misses here and in the steps after.
  if (rowScores.some((v) => v > 0xffff)) throw new Error('eldSubset: an n-gram score does not fit 16 bits');
  const scores = Uint16Array.from(rowScores);
  // Open addressing at ≤ 2/3 load. Slot s is slots[4s .. 4s+3] = [key low 32 bits, key high bits,
  // row + 1 (0 = empty), stamp of the last detect() that counted the row]: one probe reads one
  // cache line, and the table stays small.
  let size = 1;
  while (size * 2 < rows * 3) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size * 4);
  for (let r = 0; r < rows; r++) {
    let s = rowHashes[r]! & mask;
    while (slots[4 * s + 2] !== 0) s = (s + 1) & mask;
    slots[4 * s] = rowKeys[r]! % 2 ** 32;
    slots[4 * s + 1] = Math.floor(rowKeys[r]! / 2 ** 32);
    slots[4 * s + 2] = r + 1;
  }

  // Per-call scratch (single-threaded): cleaned text, its key codes, word bounds, call stamp.
  const cleaned: CleanBuffer = { units: new Uint16Array(1024) };
  let buf = new Uint8Array(4 * MAX_CHARS + 8);
  const wordStart: number[] = [];
  const wordEnd: number[] = [];
  let stamp = 0;
  const sums = new Float64Array(L);

  /** Adds the row of key codes buf[a..b) (with optional leading/trailing ' ') once per call. */
  function score(lead: boolean, a: number, b: number, trail: boolean): void {
    const len = (lead ? 1 : 0) + (b - a) + (trail ? 1 : 0);
    if (len > MAX_KEY) return;
    // The packed key (see the table build) as two int32 halves, shifted in byte by byte:
    // lo = its low 32 bits (as Int32Array stores them), hi = the bits above plus len << 16.
    let lo = 0;
    let hi = 0;
    let h = FNV_SEED;
    if (lead) {
      lo = 32;
      h = Math.imul(h ^ 32, FNV);
    }
    for (let i = a; i < b; i++) {
      const c = buf[i]!;
      hi = (hi << 8) | (lo >>> 24);
      lo = (lo << 8) | c;
      h = Math.imul(h ^ c, FNV);
    }
    if (trail) {
      hi = (hi << 8) | (lo >>> 24);
      lo = (lo << 8) | 32;
      h = Math.imul(h ^ 32, FNV);
    }
    hi += len << 16;
    let s = h & mask;
    for (;;) {
      const r = slots[4 * s + 2]! - 1;
      if (r === -1) return;
      if (slots[4 * s] === lo && slots[4 * s + 1] === hi) {
        // Slot word 3: the stamp of the last call that counted this row (next to its key, so
        // counting once costs no further cache miss).
        if (slots[4 * s + 3] === stamp) return;
        slots[4 * s + 3] = stamp;
        const o = r * L;
        for (let k = 0; k < L; k++) sums[k] = sums[k]! + scores[o + k]!;
        return;
      }
      s = (s + 1) & mask;
    }
  }

  return {
    detect(input: string): string {
      // eld's textProcessor: separators → ' ', trim, lowercase (eld-text.ts); then its strToUtf8Bytes.
      const strLength = cleanForEld(input.length > MAX_CHARS ? input.substring(0, MAX_CHARS) : input, separators, cleaned);
      const str = cleaned.units;
      if (buf.length < 4 * strLength + 8) buf = new Uint8Array(4 * strLength + 8);
      wordStart.length = 0;
      wordEnd.length = 0;
      let n = 0;
      let from = 0;
      let countBytes = 0;
      for (let ii = 0; ii < strLength; ii++) {
        let c = str[ii]!;
        if (c < 0x80) {
          if (c === 32) {
            if (n > from) {
              wordStart.push(from);
              wordEnd.push(n);
              from = n;
            }
            if (countBytes > CUT_AFTER) break;
          } else buf[n++] = c;
          countBytes++;
        } else if (c < 0x800) {
          buf[n++] = BYTE_CODE[0xc0 | (c >> 6)]!;
          buf[n++] = BYTE_CODE[0x80 | (c & 0x3f)]!;
          countBytes += 2;
        } else if (c < 0xd800 || c >= 0xe000) {
          buf[n++] = BYTE_CODE[0xe0 | (c >> 12)]!;
          buf[n++] = BYTE_CODE[0x80 | ((c >> 6) & 0x3f)]!;
          buf[n++] = BYTE_CODE[0x80 | (c & 0x3f)]!;
          countBytes += 3;
        } else {
          ii++;
          // Past the end, eld reads NaN here, which & 0x3ff turns into 0.
          c = 0x10000 + (((c & 0x3ff) << 10) | ((ii < strLength ? str[ii]! : 0) & 0x3ff));
          buf[n++] = BYTE_CODE[0xf0 | (c >> 18)]!;
          buf[n++] = BYTE_CODE[0x80 | ((c >> 12) & 0x3f)]!;
          buf[n++] = BYTE_CODE[0x80 | ((c >> 6) & 0x3f)]!;
          buf[n++] = BYTE_CODE[0x80 | (c & 0x3f)]!;
          countBytes += 4;
        }
        if (countBytes > ENFORCE_CUT_AFTER) break;
      }
      if (n > from) {
        wordStart.push(from);
        wordEnd.push(n);
      }

      // eld's getByteNgrams + calculateScores: 4-byte windows at stride 3, ' ' marks word edges.
      if (++stamp === 0x7fffffff) {
        for (let q = 3; q < slots.length; q += 4) slots[q] = 0;
        stamp = 1;
      }
      sums.fill(0);
      for (let w = 0; w < wordStart.length; w++) {
        const a = wordStart[w]!;
        const wordLen = wordEnd[w]! - a;
        const len = Math.min(wordLen, MAX_WORD_BYTES);
        let j = 0;
        for (; j + 4 < len; j += 3) score(j === 0, a + j, a + j + 4, false);
        // The closing n-gram runs to the end of the word (eld's substring has no end there).
        score(j === 0, a + Math.max(0, len - 4), a + wordLen, true);
      }

      let best = -1;
      let max = 0;
      for (let k = 0; k < L; k++) {
        if (sums[k]! > max) {
          max = sums[k]!;
          best = k;
        }
      }
      return best < 0 ? '' : codes[best]!;
    },
  };
}
