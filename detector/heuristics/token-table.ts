/**
 * Interned tokens: every distinct token string gets one id and one shared string object.
 *
 * Posts reuse a small vocabulary. Interning at tokenisation (a hash of the char codes the
 * tokeniser reads anyway, and a typed-array probe) means a known token costs no new string, and
 * everything cached per token (matcher hits, the model's per-word projections) is reached by id in
 * a typed array instead of a Map look-up per token per consumer. Bounded: when full, the table
 * starts over (a new generation), ids from the old one are void, and consumers drop their caches.
 */

/** Distinct tokens held before the table starts over. */
export const MAX_TOKENS = 100_000;
/** Smallest table (cells); it doubles at 50% load, so it stays as small as the vocabulary allows. */
const MIN_CELLS = 1 << 12;

/**
 * Per cell: [hash, entry id + 1] (0 = empty), side by side so a probe reads one cache line. Sized
 * to the vocabulary (not to MAX_TOKENS) so that the cells in use stay in cache.
 */
let table = new Int32Array(MIN_CELLS * 2);
let mask = MIN_CELLS - 1;
let words: string[] = [];
/** Code units of every token, back to back: entry e is units[unitStart[e] .. unitStart[e + 1]). */
let units = new Uint16Array(1 << 16);
const unitStart = new Int32Array(MAX_TOKENS + 1);
let generation = 0;

/** Bumped whenever the table starts over; ids of an older generation are void. */
export function tokenGeneration(): number {
  return generation;
}

/** FNV-1a step: the tokeniser folds each code unit of a token into its hash with this. */
export const FNV_SEED = 0x811c9dc5 | 0;
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Murmur3 finaliser: spreads FNV's weak low bits over the table index. */
function spread(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/**
 * Id of the token text[b, e), whose FNV hash over those code units is `h`; interned on first
 * sight (the table may start over first, so an id is only valid in the generation it came from).
 */
export function internRange(text: string, b: number, e: number, h: number): number {
  const len = e - b;
  let c = spread(h) & mask;
  for (;;) {
    const v = table[2 * c + 1]!;
    if (v === 0) break;
    if (table[2 * c] === h) {
      const from = unitStart[v - 1]!;
      if (unitStart[v]! - from === len) {
        let k = 0;
        while (k < len && units[from + k] === text.charCodeAt(b + k)) k++;
        if (k === len) return v - 1;
      }
    }
    c = (c + 1) & mask;
  }
  if (words.length >= MAX_TOKENS) {
    table = new Int32Array(MIN_CELLS * 2);
    mask = MIN_CELLS - 1;
    words = [];
    generation++;
    c = spread(h) & mask;
  } else if (2 * (words.length + 1) > mask + 1) {
    grow();
    c = spread(h) & mask;
    while (table[2 * c + 1] !== 0) c = (c + 1) & mask;
  }
  const id = words.length;
  const from = unitStart[id]!;
  if (from + len > units.length) {
    const next = new Uint16Array(Math.max(units.length * 2, from + len));
    next.set(units.subarray(0, from));
    units = next;
  }
  for (let k = 0; k < len; k++) units[from + k] = text.charCodeAt(b + k);
  unitStart[id + 1] = from + len;
  words.push(text.slice(b, e));
  table[2 * c] = h;
  table[2 * c + 1] = id + 1;
  return id;
}

/** Doubles the table and re-inserts every entry. */
function grow(): void {
  const old = table;
  table = new Int32Array(old.length * 2);
  mask = table.length / 2 - 1;
  for (let o = 0; o < old.length; o += 2) {
    if (old[o + 1] === 0) continue;
    let c = spread(old[o]!) & mask;
    while (table[2 * c + 1] !== 0) c = (c + 1) & mask;
    table[2 * c] = old[o]!;
    table[2 * c + 1] = old[o + 1]!;
  }
}

/** What a token sequence carries to be looked up by id (see tokenize.ts `Tokens`). */
export interface TokenIds {
  words: readonly string[];
  ids: readonly number[];
  generation: number;
}

/** Token ids for a list of words that did not come from tokenize(). */
export function tokenIds(words: readonly string[]): TokenIds {
  return { words, ids: currentIds({ words, ids: [], generation: -1 }), generation };
}

/** The ids of `tokens` in the current generation (re-interned if the table started over since). */
export function currentIds(tokens: TokenIds): readonly number[] {
  if (tokens.generation === generation) return tokens.ids;
  // After a restart the table is empty, so the second attempt cannot be interrupted by another.
  for (;;) {
    const gen = generation;
    const ids = tokens.words.map(intern);
    if (gen === generation) return ids;
  }
}

/** Id of a whole token string. */
export function intern(word: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < word.length; i++) h = fnvStep(h, word.charCodeAt(i));
  return internRange(word, 0, word.length, h);
}

/** The shared string of token `id` (current generation). */
export function tokenWord(id: number): string {
  return words[id]!;
}
