/**
 * Phrase matcher over token sequences: unigrams, multiword phrases and stems (`tekne*`),
 * compiled once into Maps so that matching costs one hash look-up per token.
 *
 * Arabic-script words carry attached clitics (و "and", ب "with", ال "the", ل "to"), so a miss on
 * an Arabic-script token retries once without them instead of listing every inflected form.
 */
import { normalise } from '../normalise/normalise.ts';
import { foldKurmanji, foldRomanised } from '../normalise/translit.ts';
import { tokenize, type Tokens } from './tokenize.ts';
import { MAX_TOKENS, currentIds, tokenGeneration } from './token-table.ts';

interface Phrase<T> {
  rest: string[];
  payload: T;
}

export interface Match<T> {
  /** First and one-past-last token index. */
  from: number;
  to: number;
  payload: T;
  /** Matched through the transliteration fold (translit.ts), not as written. */
  folded: boolean;
}

/**
 * Shortest term (letters) given a fold key, and shortest key: shorter keys collide too easily
 * ("tayyara" and Pashto "tar" both fold to "tr", "mashi" and "mishe" to "mS"). A two-symbol key
 * only when both are merged classes (gh/q, kh/x, sh/ch, zh/j: "ghayegh" → "QQ"); short variants
 * such as "pool"/"pul" are listed in the lexicon instead.
 */
const MIN_FOLDED_TERM = 4;
const MIN_KEY = 3;
const CLASS_PAIR = /^[QXSJ]{2}$/;
/** A key's consonants: without its vowel-class marks (translit.ts). */
function consonants(key: string): string {
  return key.replace(/\|.|^[AIU]/g, '');
}

/**
 * Arabic-script clitics tried when a token has no entry of its own: Arabic and Persian prefixes
 * (article, conjunction, prepositions), Sorani definite endings (-ەکە, -ەکان), Sorani's ablative
 * -ەوە ("from": لە دەنکەرکەوە), indefinite -ێک, plurals.
 */
const AR_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'کال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'به', 'بە', 'لە', 'د'];
const AR_SUFFIXES = ['ەکان', 'ەکە', 'یەکان', 'ەوە', 'ێکی', 'ێک', 'ها', 'های', 'ان', 'ات', 'ون', 'ين', 'ی', 'ي', 'ە', 'ه'];

/** A token of Latin letters and digits only (the fold is for romanised words). */
function isLatinWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) >= 0x250) return false;
  return true;
}

function isArabicScript(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
}

/** Strip Latin diacritics so "garantî" also matches "garanti" (posters often skip them). */
export function stripLatinDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/ı/g, 'i').normalize('NFC');
}

/** Collapse doubled letters: lexicon variant that matches "guaranteeeed" normalised to "guaranted". */
export function collapseDoubles(s: string): string {
  return s.replace(/(\p{L})\1+/gu, '$1');
}

interface TokenHits<T> {
  phrases: Phrase<T>[] | undefined;
  stems: T[] | undefined;
}

/** Shared result for the (most common) token that starts no phrase and no stem. */
const NO_HITS: TokenHits<never> = Object.freeze({ phrases: undefined, stems: undefined });

/** Words of a term as written (lower-case runs of letters, marks and digits), for fold keys. */
function rawWords(term: string): string[] {
  return term
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w !== '');
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  private readonly stems = new Map<string, T[]>();
  private readonly stemLengths: number[] = [];
  /** First three letters of every stem: most tokens are rejected with one Set look-up. */
  private readonly stemHeads = new Set<string>();
  /** Entries added with a fold, by the fold key of their first word, one index per fold. */
  private readonly folds: Record<FoldKind, FoldIndex<T>> = {
    romanised: new FoldIndex(foldRomanised),
    kurmanji: new FoldIndex(foldKurmanji),
  };
  /**
   * Per-token results (phrase list by first word, stem payloads), by token-table id: posts reuse a
   * small vocabulary, and an Arabic-script miss otherwise costs dozens of clitic-stripping slices
   * and look-ups. `hitIndex[id]`: 0 = not computed yet, 1 = no hits, k + 2 = `hitList[k]`. Valid for
   * the table generation `tableGen`; add() and a table restart clear them.
   */
  private hitIndex = new Int32Array(0);
  private hitList: TokenHits<T>[] = [];
  private tableGen = -1;

  /**
   * Add an entry written in plain form; it is normalised with the same code as the posts. `fold`:
   * also match Latin-script spelling variants through the transliteration fold (translit.ts).
   */
  add(entry: string, payload: T, fold: FoldKind | null = null): void {
    let e = entry.trim();
    const stem = e.endsWith('*');
    if (stem) e = e.slice(0, -1);
    if (fold !== null && !stem) {
      this.folds[fold].add(e, payload);
      this.tableGen = -1;
    }
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
    this.tableGen = -1;
  }

  private hits(id: number, tok: string): TokenHits<T> {
    const v = this.hitIndex[id]!;
    if (v === 1) return NO_HITS as TokenHits<T>;
    if (v > 1) return this.hitList[v - 2]!;
    const h = this.compute(tok);
    if (h === NO_HITS) this.hitIndex[id] = 1;
    else {
      this.hitIndex[id] = this.hitList.length + 2;
      this.hitList.push(h);
    }
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

  /**
   * All matches, in token order; overlapping phrases are all reported. `fold`: also report
   * matches through the transliteration fold (posts of languages written in romanised forms).
   */
  match(tokens: Tokens, fold: FoldKind | null = null): Match<T>[] {
    const out: Match<T>[] = [];
    const w = tokens.words;
    const ids = currentIds(tokens);
    if (this.tableGen !== tokenGeneration()) {
      if (this.hitIndex.length !== MAX_TOKENS) this.hitIndex = new Int32Array(MAX_TOKENS);
      else this.hitIndex.fill(0);
      this.hitList = [];
      this.folds.romanised.reset();
      this.folds.kurmanji.reset();
      this.tableGen = tokenGeneration();
    }
    for (let i = 0; i < w.length; i++) {
      const h = this.hits(ids[i]!, w[i]!);
      if (h === NO_HITS) {
        // Spelling variants only where nothing matched as written, and only when asked.
        if (fold !== null) this.folds[fold].matchAt(i, w, ids, out);
        continue;
      }
      const list = h.phrases;
      const stems = h.stems;
      if (list !== undefined) {
        for (const p of list) {
          let ok = i + 1 + p.rest.length <= w.length;
          for (let k = 0; ok && k < p.rest.length; k++) if (w[i + 1 + k] !== p.rest[k]) ok = false;
          if (ok) out.push({ from: i, to: i + 1 + p.rest.length, payload: p.payload, folded: false });
        }
      }
      if (stems !== undefined) for (const payload of stems) out.push({ from: i, to: i + 1, payload, folded: false });
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

/** Which transliteration fold a term and a post use (translit.ts). */
export type FoldKind = 'romanised' | 'kurmanji';

/**
 * Phrases by the fold key of their words, and per token id (only for posts matched with this
 * fold) the token's key ('' = none) and the phrases starting with it (null = none).
 */
class FoldIndex<T> {
  private readonly byKey = new Map<string, Phrase<T>[]>();
  // Dense, allocated on first use (a sparse array indexed by token id falls into dictionary mode).
  private keys: (string | undefined)[] = [];
  private hits: (Phrase<T>[] | null | undefined)[] = [];

  constructor(private readonly fold: (word: string) => string) {}

  /**
   * Adds a term under its fold keys: as written, and with Kurmanji/Turkish ş ç typed as plain
   * s c (posters without those keys type "sev" as often as "shev").
   */
  add(term: string, payload: T): void {
    const words = rawWords(term);
    const letters = words.join('').replace(/[^\p{L}]/gu, '').length;
    if (words.length === 0 || letters < MIN_FOLDED_TERM) return;
    for (const variant of new Set([words.join(' '), words.join(' ').replace(/ş/g, 's').replace(/ç/g, 'c')])) {
      const keys = variant.split(' ').map(this.fold);
      const all = keys.map(consonants).join('');
      if (keys.some((k) => k === '') || (all.length < MIN_KEY && !CLASS_PAIR.test(all))) continue;
      const list = this.byKey.get(keys[0]!) ?? [];
      if (!list.some((p) => p.payload === payload && p.rest.join(' ') === keys.slice(1).join(' ')))
        list.push({ rest: keys.slice(1), payload });
      this.byKey.set(keys[0]!, list);
    }
  }

  /** Drops the per-token caches (the token table started over). */
  reset(): void {
    if (this.keys.length === 0) return;
    this.keys.fill(undefined);
    this.hits.fill(undefined);
  }

  private ensure(): void {
    if (this.keys.length === 0) {
      this.keys = new Array<string | undefined>(MAX_TOKENS).fill(undefined);
      this.hits = new Array<Phrase<T>[] | null | undefined>(MAX_TOKENS).fill(undefined);
    }
  }

  private key(id: number, tok: string): string {
    let k = this.keys[id];
    if (k === undefined) this.keys[id] = k = isLatinWord(tok) ? this.fold(tok) : '';
    return k;
  }

  /** Matches of folded phrases starting at token i, appended to out. */
  matchAt(i: number, w: readonly string[], ids: readonly number[], out: Match<T>[]): void {
    this.ensure();
    const id = ids[i]!;
    let list = this.hits[id];
    if (list === undefined) {
      const k = this.key(id, w[i]!);
      this.hits[id] = list = (k !== '' && this.byKey.get(k)) || null;
    }
    if (list === null) return;
    for (const p of list) {
      let ok = i + 1 + p.rest.length <= w.length;
      for (let k = 0; ok && k < p.rest.length; k++) if (this.key(ids[i + 1 + k]!, w[i + 1 + k]!) !== p.rest[k]) ok = false;
      if (ok) out.push({ from: i, to: i + 1 + p.rest.length, payload: p.payload, folded: true });
    }
  }
}
