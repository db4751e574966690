/**
 * Phrase matcher over token sequences: unigrams, multiword phrases and stems (`tekne*`),
 * compiled once into Maps so that matching costs one hash look-up per token.
 *
 * Arabic-script words carry attached clitics (و "and", ب "with", ال "the", ل "to"), so a miss on
 * an Arabic-script token retries once without them instead of listing every inflected form.
 */
import { normalise } from '../normalise/normalise.ts';
import { tokenize, type Tokens } from './tokenize.ts';

interface Phrase<T> {
  rest: string[];
  payload: T;
}

export interface Match<T> {
  /** First and one-past-last token index. */
  from: number;
  to: number;
  payload: T;
}

const AR_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'کال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'به', 'بە', 'لە', 'د'];
const AR_SUFFIXES = ['ەکان', 'ەکە', 'یەکان', 'ێکی', 'ێک', 'ها', 'های', 'ان', 'ات', 'ون', 'ين', 'ی', 'ي', 'ە', 'ه'];

function isArabicScript(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
}

/** Strip Latin diacritics so "garantî" also matches "garanti" (posters often skip them). */
export function stripLatinDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .normalize('NFC');
}

/** Collapse doubled letters: lexicon variant that matches "guaranteeeed" normalised to "guaranted". */
export function collapseDoubles(s: string): string {
  return s.replace(/(\p{L})\1+/gu, '$1');
}

interface TokenHits<T> {
  phrases: Phrase<T>[] | undefined;
  stems: T[] | undefined;
}

const CACHE_MAX = 100_000;
/** Shared result for the (most common) token that starts no phrase and no stem. */
const NO_HITS: TokenHits<never> = Object.freeze({ phrases: undefined, stems: undefined });

/**
 * Token → hits cache shared by all matchers: the lexicon and the place gazetteer look up the same
 * tokens of every post, and with one slot per distinct token the second matcher costs no second
 * hash-map look-up. A slot is a flat array with one [owner, generation, hits] triple per matcher
 * that looked the token up (usually 1–2), so add() invalidates only that matcher's entries.
 */
type Slot = unknown[];
const SLOT_MAX = 8 * 3;
const slots = new Map<string, Slot>();
/** Slots of the last token sequence resolved (analyse() matches the same tokens twice in a row). */
let memoWords: string[] = [];
let memoSlots: Slot[] = [];

function slotsOf(words: readonly string[]): Slot[] {
  const n = words.length;
  if (memoWords.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (words[i] !== memoWords[i]) {
        same = false;
        break;
      }
    }
    if (same) return memoSlots;
  }
  const out: Slot[] = new Array<Slot>(n);
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    let slot = slots.get(w);
    if (slot === undefined) {
      if (slots.size >= CACHE_MAX) slots.clear();
      slot = [];
      slots.set(w, slot);
    }
    out[i] = slot;
  }
  memoWords = words.slice();
  memoSlots = out;
  return out;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  private readonly stems = new Map<string, T[]>();
  private readonly stemLengths: number[] = [];
  /** First three letters of every stem: most tokens are rejected with one Set look-up. */
  private readonly stemHeads = new Set<string>();
  /**
   * Per-token results (phrase list by first word, stem payloads) are cached in the shared `slots`:
   * posts reuse a small vocabulary, and an Arabic-script miss otherwise costs dozens of
   * clitic-stripping slices and look-ups. Bumped by add(), which invalidates this matcher's entries.
   */
  private gen = 0;

  /** Add an entry written in plain form; it is normalised with the same code as the posts. */
  add(entry: string, payload: T): void {
    let e = entry.trim();
    const stem = e.endsWith('*');
    if (stem) e = e.slice(0, -1);
    const words = tokenize(normalise(e).text).words;
    if (words.length === 0) return;
    const variants = new Set<string>([words.join(' ')]);
    const latin = !isArabicScript(words[0]!);
    if (latin) {
      variants.add(stripLatinDiacritics(words.join(' ')));
      if (!stem) variants.add(collapseDoubles(words.join(' ')));
    }
    for (const v of variants) {
      const ws = v.split(' ');
      if (stem && ws.length === 1) {
        const key = ws[0]!;
        let list = this.stems.get(key);
        if (!list) this.stems.set(key, (list = []));
        list.push(payload);
        if (!this.stemLengths.includes(key.length)) this.stemLengths.push(key.length);
        this.stemHeads.add(key.slice(0, 3));
        continue;
      }
      const key = ws[0]!;
      let list = this.byFirst.get(key);
      if (!list) this.byFirst.set(key, (list = []));
      if (!list.some((p) => p.payload === payload && p.rest.join(' ') === ws.slice(1).join(' '))) {
        list.push({ rest: ws.slice(1), payload });
      }
    }
    this.stemLengths.sort((a, b) => b - a);
    this.gen++;
  }

  private hits(slot: Slot, tok: string): TokenHits<T> {
    for (let q = 0; q < slot.length; q += 3) {
      if (slot[q] === this) {
        if (slot[q + 1] !== this.gen) {
          slot[q + 2] = this.compute(tok);
          slot[q + 1] = this.gen;
        }
        return slot[q + 2] as TokenHits<T>;
      }
    }
    const h = this.compute(tok);
    if (slot.length >= SLOT_MAX) slot.length = 0;
    slot.push(this, this.gen, h);
    return h;
  }

  private compute(tok: string): TokenHits<T> {
    let phrases = this.byFirst.get(tok);
    if (phrases === undefined && isArabicScript(tok)) phrases = this.lookupArabic(tok);
    let stems: T[] | undefined;
    if (this.stemLengths.length > 0 && tok.length >= 3 && this.stemHeads.has(tok.slice(0, 3))) {
      for (const len of this.stemLengths) {
        if (len > tok.length) continue;
        stems = this.stems.get(len === tok.length ? tok : tok.slice(0, len));
        if (stems !== undefined) break;
      }
    }
    return phrases === undefined && stems === undefined ? (NO_HITS as TokenHits<T>) : { phrases, stems };
  }

  /** All matches, in token order; overlapping phrases are all reported. */
  match(tokens: Tokens): Match<T>[] {
    const out: Match<T>[] = [];
    const w = tokens.words;
    const slotList = slotsOf(w);
    for (let i = 0; i < w.length; i++) {
      const h = this.hits(slotList[i]!, w[i]!);
      if (h === NO_HITS) continue;
      const list = h.phrases;
      const stems = h.stems;
      if (list !== undefined) {
        for (const p of list) {
          let ok = i + 1 + p.rest.length <= w.length;
          for (let k = 0; ok && k < p.rest.length; k++) if (w[i + 1 + k] !== p.rest[k]) ok = false;
          if (ok) out.push({ from: i, to: i + 1 + p.rest.length, payload: p.payload });
        }
      }
      if (stems !== undefined) for (const payload of stems) out.push({ from: i, to: i + 1, payload });
    }
    return out;
  }

  private lookupArabic(tok: string): Phrase<T>[] | undefined {
    for (const p of AR_PREFIXES) {
      if (tok.length - p.length >= 2 && tok.startsWith(p)) {
        const hit = this.byFirst.get(tok.slice(p.length)) ?? this.lookupSuffix(tok.slice(p.length));
        if (hit !== undefined) return hit;
      }
    }
    return this.lookupSuffix(tok);
  }

  private lookupSuffix(tok: string): Phrase<T>[] | undefined {
    for (const s of AR_SUFFIXES) {
      if (tok.length - s.length >= 2 && tok.endsWith(s)) {
        const hit = this.byFirst.get(tok.slice(0, -s.length));
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  }
}
