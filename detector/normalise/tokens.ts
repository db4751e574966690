/**
 * Stage 2 of normalisation: word-level de-obfuscation (homoglyphs, leetspeak, letter spacing,
 * letter repeats) over the output of stage 1, composing offsets back to the original text.
 *
 * These rules need the whole word: a "0" is a letter in "b0at" but a digit in "0770", a Cyrillic
 * "о" is a disguise in "bоat" but a letter in "лодка". Deciding per word keeps phone numbers,
 * prices and non-Latin text intact.
 */
import { HOMOGLYPHS } from './confusables.ts';
import { DIGIT, LETTER, SCRIPT_CYRGREEK, SCRIPT_LATIN, charClass, charInfo } from './chars.ts';
import type { Mapped } from './fold.ts';
import { MappedBuilder } from './builder.ts';
import { LEET } from './char-tables.ts';

/** How much de-obfuscation fired; useful as model features (obfuscation is itself a signal). */
export interface ObfuscationStats {
  emoji: number;
  homoglyph: number;
  leet: number;
  spaced: number;
  repeats: number;
}

export interface Rewritten extends Mapped {
  stats: ObfuscationStats;
}

/** Separators accepted between the letters of a spaced-out word: "g u a r d", "b.o.a.t", "s-e-a". */
function isSpacingSep(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 95 || c === 42 || c === 0xb7;
}

/** Quantities such as 1500e, 2k, 24h, 3rd, mp3 look like leet but are not words. */
const QUANTITY = /^(?:\d+[a-z]{1,3}|[a-z]{1,3}\d+)$/;
const LONG_DIGITS = /\d{4}/;

const F_LATIN = 1;
const F_CYR = 2;
const F_LEET = 4;
const F_REPEAT = 8;
const F_UNMAPPABLE_CYR = 16;

// Scratch buffers reused across calls (single-threaded): token bounds, flags, letter counts.
let tsBuf = new Int32Array(256);
let teBuf = new Int32Array(256);
let flBuf = new Int32Array(256);
let lcBuf = new Int32Array(256);

function grow(): void {
  const cap = tsBuf.length * 2;
  const g = (old: Int32Array): Int32Array<ArrayBuffer> => {
    const x = new Int32Array(cap);
    x.set(old);
    return x;
  };
  tsBuf = g(tsBuf);
  teBuf = g(teBuf);
  flBuf = g(flBuf);
  lcBuf = g(lcBuf);
}

/**
 * Set per call of rewriteWords: in romanised Arabic-script languages 3 5 7 are letters (Arabizi
 * "7arga", "ya5i", "3and": ع خ ح), not leet for e s t.
 */
let letterDigits = false;

function isLeetChar(c: number): boolean {
  // 0 1 3 4 5 7 @ $
  if (letterDigits && (c === 51 || c === 53 || c === 55)) return false;
  return c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55 || c === 64 || c === 36;
}

export function rewriteWords(a: Mapped, arabiziDigits = false): Rewritten {
  letterDigits = arabiziDigits;
  const s = a.text;
  const n = s.length;
  const stats: ObfuscationStats = { emoji: a.emoji, homoglyph: 0, leet: 0, spaced: 0, repeats: 0 };

  // 1. Word tokens in stage-1 text, with cheap flags deciding whether a token needs rewriting.
  //    @ and $ count as word characters only between word characters ("b@at"), so "@handle" and
  //    "$500" keep their meaning.
  let nt = 0;
  let latin = 0;
  let cyr = 0;
  let i = 0;
  while (i < n) {
    if (charClass(s.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const b = i;
    let flags = 0;
    let letters = 0;
    let prev = -1;
    let run = 0;
    while (i < n) {
      const d = s.charCodeAt(i);
      // One table look-up gives class and script (charClass / charScript) of a non-ASCII unit.
      const info = d < 0x80 ? 0 : charInfo(d);
      const cls = d < 0x80 ? charClass(d) : (info & 7) - 1;
      if (cls === 0) {
        if (!((d === 64 || d === 36) && i > b && i + 1 < n && charClass(s.charCodeAt(i + 1)) !== 0)) break;
        flags |= F_LEET;
      } else if (cls === LETTER) {
        letters++;
        if (d < 0x80) flags |= F_LATIN;
        else {
          const sc = (info >> 3) - 1;
          if (sc === SCRIPT_LATIN) flags |= F_LATIN;
          else if (sc === SCRIPT_CYRGREEK) {
            flags |= F_CYR;
            if (!HOMOGLYPHS.has(d)) flags |= F_UNMAPPABLE_CYR;
          }
        }
      } else if (isLeetChar(d)) flags |= F_LEET;
      if (d === prev && cls === LETTER) {
        if (++run === 2) flags |= F_REPEAT;
      } else run = 0;
      prev = d;
      i++;
    }
    if (letters === 0) flags &= ~F_LEET;
    if (flags & F_LATIN) latin += letters;
    else if (flags & F_CYR) cyr += letters;
    if (nt === tsBuf.length) grow();
    tsBuf[nt] = b;
    teBuf[nt] = i;
    flBuf[nt] = flags;
    lcBuf[nt] = letters;
    nt++;
  }
  const latinDoc = latin > cyr;

  // Built lazily: most posts need no word rewriting and keep stage 1's arrays as they are.
  let out: MappedBuilder | null = null;
  let pos = 0;
  const idx: number[] = [];
  // The spaced run last scanned: tokens [k, runEnd), its letters and leet digits, and the last of
  // its tokens followed by a '.'. A run's end depends only on the tokens from its start on, so a
  // run rejected at k is the same run less token k at k + 1: kept up to date instead of rescanned
  // from every token ("1 1 1 …" once cost time quadratic in its length).
  let runEnd = -1;
  let runLetters = 0;
  let runDigits = 0;
  let runLastDot = -1;
  for (let k = 0; k < nt;) {
    const first = tsBuf[k]!;

    // 2. Letter-spaced words: single-character tokens separated by one separator ("g u a r d").
    if (teBuf[k]! - first === 1) {
      if (k >= runEnd) {
        let m = k;
        runLetters = 0;
        runDigits = 0;
        runLastDot = -1;
        while (m < nt && teBuf[m]! - tsBuf[m]! === 1) {
          const c = s.charCodeAt(tsBuf[m]!);
          const cls = charClass(c);
          if (cls === LETTER) runLetters++;
          else if (cls === DIGIT && isLeetChar(c)) runDigits++;
          else break;
          m++;
          if (m < nt && tsBuf[m]! - teBuf[m - 1]! === 1 && isSpacingSep(s.charCodeAt(teBuf[m - 1]!))) {
            if (s.charCodeAt(teBuf[m - 1]!) === 46) runLastDot = m - 1;
          } else break;
        }
        runEnd = m;
      }
      const m = runEnd;
      const letters = runLetters;
      const digits = runDigits;
      const dotted = runLastDot >= k;
      const count = m - k;
      if (count >= 2 && letters >= 2 && letters >= digits && (count >= 3 || (dotted && digits === 0))) {
        idx.length = 0;
        let fl = 0;
        let lc = 0;
        for (let q = k; q < m; q++) {
          idx.push(tsBuf[q]!);
          fl |= flBuf[q]!;
          lc += lcBuf[q]!;
        }
        if (digits > 0) fl |= F_LEET;
        stats.spaced++;
        out ??= new MappedBuilder(n + 8);
        if (first > pos) out.pushMapped(s.slice(pos, first), a.start, a.end, pos);
        rewriteToken(s, a, idx, fl | F_REPEAT, lc, latinDoc, out, stats);
        pos = teBuf[m - 1]!;
        k = m;
        continue;
      }
      // Token k leaves the run (it is a letter or a leet digit when the run has it at all).
      if (k < m) {
        if (charClass(s.charCodeAt(first)) === LETTER) runLetters--;
        else runDigits--;
      }
    }
    const last = teBuf[k]!;
    const fl = flBuf[k]!;
    // Untouched words stay in the pending verbatim region [pos, ...) and are copied in one go.
    if ((fl & (F_CYR | F_REPEAT)) !== 0 || ((fl & F_LEET) !== 0 && leetApplies(s, first, last, fl, lcBuf[k]!))) {
      out ??= new MappedBuilder(n + 8);
      if (first > pos) out.pushMapped(s.slice(pos, first), a.start, a.end, pos);
      idx.length = 0;
      for (let q = first; q < last; q++) idx.push(q);
      rewriteToken(s, a, idx, fl, lcBuf[k]!, latinDoc, out, stats);
      pos = last;
    }
    k++;
  }
  if (out === null) return { text: a.text, start: a.start, end: a.end, emoji: a.emoji, stats };
  if (pos < n) out.pushMapped(s.slice(pos), a.start, a.end, pos);
  return {
    text: out.text,
    start: out.start.subarray(0, out.length),
    end: out.end.subarray(0, out.length),
    emoji: a.emoji,
    stats,
  };
}

/**
 * Whether leet substitution rewrites a word flagged only F_LEET (no Cyrillic, no repeats): if not,
 * rewriteToken would copy it unchanged, so it stays verbatim. Usernames, references and prices
 * ("user1984", "1500e") are common and mostly not leet; same test as rewriteToken's.
 */
function leetApplies(s: string, first: number, last: number, flags: number, letters: number): boolean {
  if (letters === 0 || (flags & F_LATIN) === 0) return false;
  const word = s.slice(first, last);
  return !QUANTITY.test(word) && !LONG_DIGITS.test(word);
}

/** Slow path for a word that needs homoglyph, leet or repeat handling. */
function rewriteToken(
  s: string,
  a: Mapped,
  idx: number[],
  flags: number,
  letters: number,
  latinDoc: boolean,
  out: MappedBuilder,
  stats: ObfuscationStats,
): void {
  const hasLatin = (flags & F_LATIN) !== 0;
  const hasCyr = (flags & F_CYR) !== 0;
  const foldCyr = hasCyr && (hasLatin || (latinDoc && (flags & F_UNMAPPABLE_CYR) === 0));
  let doLeet = false;
  if ((flags & F_LEET) !== 0 && letters > 0 && (hasLatin || foldCyr)) {
    let word = '';
    for (const q of idx) word += s[q]!;
    doLeet = !QUANTITY.test(word) && !LONG_DIGITS.test(word);
  }
  // Repeat collapsing: a run of 3+ identical letters becomes one ("boooat" → "boat").
  let prev = '';
  let run = 0;
  for (const q of idx) {
    let ch = s[q]!;
    if (foldCyr) {
      const h = HOMOGLYPHS.get(s.charCodeAt(q));
      if (h !== undefined) {
        ch = h;
        stats.homoglyph++;
      }
    }
    if (doLeet && isLeetChar(ch.charCodeAt(0))) {
      const l = LEET.get(ch);
      if (l !== undefined) {
        ch = l;
        stats.leet++;
      }
    }
    if (ch === prev && charClass(ch.charCodeAt(0)) === LETTER) {
      run++;
      if (run === 2) {
        out.dropLast();
        stats.repeats++;
      }
      if (run >= 2) {
        out.extendLast(a.end[q]!);
        continue;
      }
    } else run = 0;
    prev = ch;
    out.pushUnit(ch, a.start[q]!, a.end[q]!);
  }
}
