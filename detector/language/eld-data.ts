/**
 * Reads eld's bundled n-gram database (`eld/src/ngrams/medium.js`) as text, keeping only the
 * n-grams that score the languages asked for.
 *
 * Why not `import` it: the file is one 2 MB object literal with 105k keys, one small object each.
 * Evaluating it costs ~180 MB of peak RSS (parser, boilerplate, 105k dictionary-mode objects) and
 * ~60 MB of heap that stays alive for the life of the process, since a module's exports are never
 * collected — for a table of which we use the 18k rows that carry one of our seven languages. A
 * worker process has a 400 MB budget. Reading the text and scanning it keeps only those rows.
 *
 * The file is eld's generated data in a fixed shape (`saveLanguageSubset.dev.js` writes the same):
 *   export const ngramsData = {type:'M60',languages:{0:'am',…},isSubset:false,ngrams:{'key':{id:score,…},…}}
 * Keys are single-quoted with `\'` escapes, or bare when they are valid identifiers. Anything else
 * is rejected with its offset rather than guessed at; `eld-data.test.ts` checks the result against
 * the evaluated module, entry by entry.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The subset of eld's database for some languages. */
export interface EldRows {
  /** eld's indices of the wanted languages that it knows, ascending (eld's tie-break order). */
  ids: number[];
  /** Their ISO 639-1 codes, in the same order. */
  codes: string[];
  /** N-grams that score at least one of them, in file order. */
  keys: string[];
  /** Per key, one stored score per language of `ids` (eld's stored value; undefined where absent). */
  scores: (number | undefined)[][];
}

/** Location of eld's "medium" database, next to the entry point that bundles it. */
export function eldDatabasePath(): string {
  return fileURLToPath(new URL('../ngrams/medium.js', import.meta.resolve('eld/medium')));
}

class EldSyntaxError extends Error {
  constructor(file: string, at: number, what: string) {
    super(`${file}: unexpected eld database text at offset ${at}: expected ${what}`);
  }
}

/**
 * Scans `text` (the database module's source) and returns the rows that score any of
 * `wantedCodes` (ISO 639-1 codes; codes eld does not know are left out).
 */
export function parseEldDatabase(text: string, wantedCodes: readonly string[], file = 'eld database'): EldRows {
  let i = 0;
  const fail = (what: string): never => {
    throw new EldSyntaxError(file, i, what);
  };
  const expect = (s: string) => {
    if (!text.startsWith(s, i)) fail(JSON.stringify(s));
    i += s.length;
  };
  const int = (): number => {
    const from = i;
    if (text.charCodeAt(i) === 45) i++; // '-'
    while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === from || (i === from + 1 && text.charCodeAt(from) === 45)) fail('an integer');
    return Number(text.slice(from, i));
  };
  /** A property key: '…' with backslash escapes, or a bare identifier / number. */
  const key = (): string => {
    if (text.charCodeAt(i) === 39) {
      i++;
      let out = '';
      let from = i;
      for (;;) {
        const c = text.charCodeAt(i);
        if (Number.isNaN(c)) fail("a closing '");
        if (c === 39) break;
        if (c === 92) {
          out += text.slice(from, i) + text.charAt(i + 1);
          i += 2;
          from = i;
          continue;
        }
        i++;
      }
      out += text.slice(from, i);
      i++;
      return out;
    }
    // A bare key: an identifier or a number, up to the ':' (no quote, brace, comma or space in it).
    const from = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 58) break;
      if (Number.isNaN(c) || c === 39 || c === 34 || c === 44 || c === 123 || c === 125 || c <= 32) fail("a property name and ':'");
      i++;
    }
    if (i === from) fail('a property name');
    return text.slice(from, i);
  };

  i = text.indexOf('export const ngramsData = {');
  if (i < 0) fail('"export const ngramsData = {"');
  i += 'export const ngramsData = {'.length;
  expect('type:');
  key();
  expect(',languages:{');
  const languages = new Map<number, string>();
  while (text.charCodeAt(i) !== 125) {
    const id = int();
    expect(':');
    languages.set(id, key());
    if (text.charCodeAt(i) === 44) i++;
  }
  expect('},isSubset:');
  if (text.startsWith('false', i)) i += 5;
  else expect('true');
  expect(',ngrams:{');

  const ids = [...languages.keys()].filter((id) => wantedCodes.includes(languages.get(id)!)).sort((a, b) => a - b);
  const codes = ids.map((id) => languages.get(id)!);
  // Position in `ids` of each eld language index (-1: not wanted).
  const slot = new Int32Array(Math.max(0, ...languages.keys()) + 1).fill(-1);
  ids.forEach((id, k) => (slot[id] = k));
  const width = ids.length;
  const keys: string[] = [];
  const scores: (number | undefined)[][] = [];
  let row: (number | undefined)[] = new Array<number | undefined>(width);
  let any = false;
  while (text.charCodeAt(i) !== 125) {
    const k = key();
    expect(':{');
    while (text.charCodeAt(i) !== 125) {
      const id = int();
      expect(':');
      const v = int();
      const s = id < slot.length ? slot[id]! : -1;
      if (s >= 0) {
        row[s] = v;
        any = true;
      }
      if (text.charCodeAt(i) === 44) i++;
    }
    i++;
    if (any) {
      keys.push(k);
      scores.push(row);
      row = new Array<number | undefined>(width);
      any = false;
    }
    if (text.charCodeAt(i) === 44) i++;
  }
  expect('}}');
  return { ids, codes, keys, scores };
}

/** The rows of eld's bundled "medium" database that score any of `wantedCodes`. */
export function readEldDatabase(wantedCodes: readonly string[], path = eldDatabasePath()): EldRows {
  return parseEldDatabase(readFileSync(path, 'utf8'), wantedCodes, path);
}
