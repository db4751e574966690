/**
 * Stage 1 of normalisation: per-character folding (NFKC, case, Arabic-script letters, digits,
 * invisible controls, emoji → concept tokens), keeping for every output code unit the original
 * span it came from.
 *
 * Done per grapheme-ish cluster (base + combining marks) rather than on the whole string, because
 * whole-string NFKC loses the link between output and input offsets that reviewers need for
 * highlighting evidence.
 */
import { ARABIC_UNIFY, DESTINATION_FLAGS, EMOJI_TOKENS, easternDigit, isDropped } from './char-tables.ts';
import { MARK, charClass } from './chars.ts';
import { allocInt32 } from './pool.ts';
import { unitsToString } from './units.ts';

/** Output of a folding stage: text plus per-code-unit original [start, end). */
export interface Mapped {
  text: string;
  start: Int32Array;
  end: Int32Array;
  /** Count of emoji turned into concept tokens. */
  emoji: number;
}

/**
 * Most combining marks folded with one base character. NFKC reorders a cluster's marks by
 * insertion (time quadratic in their number: 20,000 alternating marks took 0.2 s) and the cache
 * would keep each such cluster whole. Unicode's Stream-Safe Text Format (UAX #15) bounds a run
 * of non-starters at 30 for the same reason; no written language comes near it.
 */
const MAX_CLUSTER_MARKS = 30;

const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_MAX = 50_000;

/** NFKC + lowercase + Arabic unification + digit folding for one cluster. */
function foldCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  // Turkish: İ/I/ı all fold to plain i. Posters type Turkish on any keyboard; exact dotting is noise.
  let s = cluster.normalize('NFKC').replace(/[İı]/g, 'i').toLowerCase();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isDropped(cp)) continue;
    const d = easternDigit(cp);
    if (d >= 0) {
      out += String.fromCharCode(48 + d);
      continue;
    }
    out += ARABIC_UNIFY.get(cp) ?? ch;
  }
  s = out;
  if (clusterCache.size < CLUSTER_CACHE_MAX) clusterCache.set(cluster, s);
  return s;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/**
 * Per-BMP-code-unit fast path, computed lazily: what a non-ASCII code unit becomes when it is
 * folded on its own. FAST_SLOW: take the general path (emoji, surrogates, multi-unit or empty
 * folds). FAST_DROP: removed outright. FAST_DIGIT: an Eastern digit, one ASCII digit whatever
 * follows. FAST_UNIT: a one-code-point cluster folding to exactly one unit (FAST_TO), which only
 * applies when no combining mark follows (otherwise the marks join its cluster).
 */
const FAST_SLOW = 1;
const FAST_DROP = 2;
const FAST_DIGIT = 3;
const FAST_UNIT = 4;
/** FAST_UNIT folding to itself, and left as it is by String#toLowerCase too. */
const FAST_SAME = 5;
const FAST_KIND = new Uint8Array(0x10000);
const FAST_TO = new Uint16Array(0x10000);

function fastKind(c: number): number {
  let k = FAST_KIND[c]!;
  if (k !== 0) return k;
  if ((c >= 0xd800 && c <= 0xdfff) || EMOJI_TOKENS.has(c)) k = FAST_SLOW;
  else if (isDropped(c)) k = FAST_DROP;
  else if (easternDigit(c) >= 0) {
    k = FAST_DIGIT;
    FAST_TO[c] = 48 + easternDigit(c);
  } else {
    const ch = String.fromCharCode(c);
    const f = foldCluster(ch);
    if (f.length === 1) {
      k = f === ch && ch.toLowerCase() === ch ? FAST_SAME : FAST_UNIT;
      FAST_TO[c] = f.charCodeAt(0);
    } else k = FAST_SLOW;
  }
  FAST_KIND[c] = k;
  return k;
}

// Output scratch (single-threaded, reused across calls): code units and their original spans.
let outUnits = new Uint16Array(1024);
let outStart = new Int32Array(1024);
let outEnd = new Int32Array(1024);

function reserve(len: number, extra: number): void {
  const need = len + extra;
  if (need <= outUnits.length) return;
  let cap = outUnits.length * 2;
  while (cap < need) cap *= 2;
  const u = new Uint16Array(cap);
  const s = new Int32Array(cap);
  const e = new Int32Array(cap);
  u.set(outUnits.subarray(0, len));
  s.set(outStart.subarray(0, len));
  e.set(outEnd.subarray(0, len));
  outUnits = u;
  outStart = s;
  outEnd = e;
}

/** Append every unit of `s`, each mapping to the original span [a, b); returns the new length. */
function pushSpan(len: number, s: string, a: number, b: number): number {
  const k = s.length;
  reserve(len, k);
  for (let q = 0; q < k; q++) {
    outUnits[len] = s.charCodeAt(q);
    outStart[len] = a;
    outEnd[len++] = b;
  }
  return len;
}

/** True if a combining mark (as the cluster gathering below sees it) starts at `j`. */
function markAt(text: string, j: number, n: number): boolean {
  if (j >= n || text.charCodeAt(j) < 0x300) return false;
  return charClass(text.codePointAt(j)!) === MARK;
}

export function foldChars(text: string): Mapped {
  const n = text.length;
  reserve(0, n + 16);
  let len = 0;
  let emoji = 0;
  let i = 0;
  // True while every unit so far was copied one for one, lowercased (ASCII) or unchanged: the
  // output text is then text.toLowerCase(), which is much cheaper than building it from the units.
  let lowerOnly = true;
  let capitals = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII: lowercase, one unit for one, unless a combining mark follows (it joins the
      // cluster path; tested on the code unit, as the ASCII-run scan always did).
      if (i + 1 < n) {
        const m = text.charCodeAt(i + 1);
        if (m >= 0x300 && charClass(m) === MARK) {
          lowerOnly = false;
          i = foldGeneral(text, i, n, len);
          len = genLen;
          emoji += genEmoji;
          continue;
        }
      }
      if (len === outUnits.length) reserve(len, 1);
      if (c >= 65 && c <= 90) {
        capitals = true;
        outUnits[len] = c + 32;
      } else outUnits[len] = c;
      outStart[len] = i;
      outEnd[len++] = i + 1;
      i++;
      continue;
    }
    const k = fastKind(c);
    if (k === FAST_DROP) {
      lowerOnly = false;
      i++;
      continue;
    }
    if (k === FAST_DIGIT || ((k === FAST_UNIT || k === FAST_SAME) && !markAt(text, i + 1, n))) {
      if (k !== FAST_SAME) lowerOnly = false;
      if (len === outUnits.length) reserve(len, 1);
      outUnits[len] = FAST_TO[c]!;
      outStart[len] = i;
      outEnd[len++] = i + 1;
      i++;
      continue;
    }
    lowerOnly = false;
    i = foldGeneral(text, i, n, len);
    len = genLen;
    emoji += genEmoji;
  }
  const start = allocInt32(len);
  const end = allocInt32(len);
  start.set(outStart.subarray(0, len));
  end.set(outEnd.subarray(0, len));
  // No ASCII capital either: the text is its own fold.
  const folded = lowerOnly ? (capitals ? text.toLowerCase() : text) : unitsToString(outUnits, len);
  return { text: folded, start, end, emoji };
}

// Second results of foldGeneral (output length, emoji count), to avoid a tuple per call.
let genLen = 0;
let genEmoji = 0;

/** The general path for the code point at `i`: flags, emoji, drops, digits, clusters. Returns the next index. */
function foldGeneral(text: string, i: number, n: number, len: number): number {
  genEmoji = 0;
  const cp = text.codePointAt(i)!;
  const cpLen = cp > 0xffff ? 2 : 1;

  if (isRegionalIndicator(cp)) {
    const cp2 = i + cpLen < n ? text.codePointAt(i + cpLen)! : 0;
    if (isRegionalIndicator(cp2)) {
      const cc = String.fromCharCode(97 + cp - 0x1f1e6, 97 + cp2 - 0x1f1e6);
      genLen = pushSpan(len, DESTINATION_FLAGS.has(cc) ? ` dest_${cc} ` : ` flag_${cc} `, i, i + 4);
      genEmoji = 1;
      return i + 4;
    }
  }
  const token = EMOJI_TOKENS.get(cp);
  if (token !== undefined) {
    genLen = pushSpan(len, ` ${token} `, i, i + cpLen);
    genEmoji = 1;
    return i + cpLen;
  }
  if (isDropped(cp)) {
    genLen = len;
    return i + cpLen;
  }
  const d = easternDigit(cp);
  if (d >= 0) {
    genLen = pushSpan(len, String.fromCharCode(48 + d), i, i + 1);
    return i + 1;
  }
  // Gather the cluster: this code point plus any following combining marks, at most
  // MAX_CLUSTER_MARKS of them (further marks start a cluster of their own).
  let j = i + cpLen;
  for (let marks = 0; j < n && marks < MAX_CLUSTER_MARKS; marks++) {
    const m = text.codePointAt(j)!;
    if (m < 0x300 || charClass(m) !== MARK) break;
    j += m > 0xffff ? 2 : 1;
  }
  genLen = pushSpan(len, foldCluster(text.slice(i, j)), i, j);
  return j;
}
