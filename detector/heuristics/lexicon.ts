/**
 * Loads every models/lexicons/*.json once (`<lang>.json` in the language's own script,
 * `<lang>-Latn.json` its romanised forms) and compiles them into one PhraseMatcher. Every entry is
 * a `[term, English gloss]` pair; the gloss travels with the signal so that reviewers who do not
 * read the language see what fired.
 *
 * Mixed-language posts are the norm (Sorani text with "UK" and "WhatsApp"), so all lexicons are
 * matched at once; entries shorter than 4 characters only count in their own language because
 * short words collide across languages ("tir", "bot", "ý").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../types.ts';
import { PhraseMatcher } from './matcher.ts';

export const CONCEPTS = [
  'transport',
  'destination',
  'price',
  'guarantee',
  'contact',
  'urgency',
  'documents',
  'payment',
  'slang',
  'job',
  'recruit',
  'counter',
  'legit',
] as const;
export type Concept = (typeof CONCEPTS)[number];

export interface LexEntry {
  concept: Concept;
  /** Transport mode (boat/lorry/flight/land) or counter kind (arrest/news/death/...). */
  sub: string | null;
  lang: string;
  /** Script of the lexicon file the entry came from (`Latn` for romanised files of Arabic-script languages). */
  script: string;
  /** Short English gloss of the term, e.g. "boat (slang for an inflatable dinghy)"; `undefined` when the file leaves it empty. */
  gloss: string | undefined;
  short: boolean;
  /** From a romanised file (`<lang>-Latn.json` of an Arabic-script language): counts only in posts of those languages. */
  romanised: boolean;
  /** Derived once at compile time, so matching allocates no strings per match. */
  /** Dedup key: concept + sub. */
  key: string;
  /** Signal type: `concept:<concept>` or `counter:<sub|other>`. */
  type: string;
}

function entry(concept: Concept, sub: string | null, lang: string, script: string, gloss: string, short: boolean): LexEntry {
  const type = concept === 'counter' ? `counter:${sub ?? 'other'}` : `concept:${concept}`;
  const romanised = script === 'Latn' && ROMANISED_LANGS.has(lang);
  return { concept, sub, lang, script, gloss: gloss.trim() || undefined, short, romanised, key: concept + (sub ?? ''), type };
}

/** Arabic-script languages whose romanised files (`<lang>-Latn.json`) exist. */
const ROMANISED_LANGS: ReadonlySet<string> = new Set(['fa', 'ar', 'ckb', 'ps']);
/**
 * Posts in which romanised entries and transliteration-folded matches count: the romanised
 * languages and Kurmanji (often typed without î ê ş ç), or an undetermined language. In English,
 * French, Turkish, Albanian or Vietnamese posts a folded "pl" (pool, pul) would be any word.
 */
export const FOLD_LANGS: ReadonlySet<string> = new Set(['fa', 'ar', 'ckb', 'ps', 'kmr', 'und']);

/** `[term, gloss]`; a term ending in `*` matches any word it starts. */
export type LexiconPair = [term: string, gloss: string];
export interface LexiconFile {
  lang: string;
  script: string;
  concepts: Partial<Record<Concept, LexiconPair[] | Record<string, LexiconPair[]>>>;
}

const DIR = fileURLToPath(new URL('../../models/lexicons/', import.meta.url));

/** Emoji concept tokens from the normaliser; language-independent. */
const EMOJI: Record<string, [Concept, string | null, string]> = {
  emj_boat: ['transport', 'boat', 'boat emoji'],
  emj_sea: ['transport', 'boat', 'sea/wave emoji'],
  emj_lorry: ['transport', 'lorry', 'lorry emoji'],
  emj_van: ['transport', 'lorry', 'van emoji'],
  emj_flight: ['transport', 'flight', 'aeroplane emoji'],
  emj_passport: ['documents', null, 'passport emoji'],
  emj_money: ['price', null, 'money emoji'],
  emj_calm: ['slang', null, 'dove/calm emoji (calm sea, safe trip)'],
  emj_police: ['slang', null, 'police emoji'],
  emj_phone: ['contact', null, 'phone emoji'],
  emj_100: ['guarantee', null, '"100" emoji (guaranteed)'],
  dest_gb: ['destination', null, 'UK flag'],
  dest_it: ['destination', null, 'Italy flag'],
  dest_gr: ['destination', null, 'Greece flag'],
  dest_fr: ['destination', null, 'France flag'],
  dest_de: ['destination', null, 'Germany flag'],
  dest_es: ['destination', null, 'Spain flag'],
  dest_be: ['destination', null, 'Belgium flag'],
  dest_nl: ['destination', null, 'Netherlands flag'],
  dest_ca: ['destination', null, 'Canada flag'],
  dest_us: ['destination', null, 'US flag'],
  dest_at: ['destination', null, 'Austria flag'],
  dest_ch: ['destination', null, 'Switzerland flag'],
  dest_se: ['destination', null, 'Sweden flag'],
};

function compile(): PhraseMatcher<LexEntry> {
  const m = new PhraseMatcher<LexEntry>();
  for (const [tok, [concept, sub, gloss]] of Object.entries(EMOJI)) m.add(tok, entry(concept, sub, '*', '*', gloss, false));
  for (const { file } of lexiconFiles()) {
    for (const concept of CONCEPTS) {
      const v = file.concepts[concept];
      if (v === undefined) continue;
      const groups: [string | null, LexiconPair[]][] = Array.isArray(v) ? [[null, v]] : Object.entries(v);
      for (const [sub, pairs] of groups) {
        // Romanised and Kurmanji terms also match their spelling variants (translit.ts).
        const fold = file.script !== 'Latn' ? null : file.lang === 'kmr' ? 'kurmanji' : FOLD_LANGS.has(file.lang) ? 'romanised' : null;
        for (const [w, gloss] of pairs) m.add(w, entry(concept, sub, file.lang, file.script, gloss, w.replace(/\*$/, '').length < 4), fold);
      }
    }
  }
  return m;
}

/** Every lexicon file, checked: a bad file names itself and the field at fault. */
export function lexiconFiles(dir = DIR): { name: string; file: LexiconFile }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, file: checkLexicon(name, JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as unknown) }));
}

function checkLexicon(name: string, raw: unknown): LexiconFile {
  const f = raw as LexiconFile;
  const where = `models/lexicons/${name}`;
  if (!(LANGUAGES as readonly string[]).includes(f?.lang)) throw new Error(`${where}: lang must be one of ${LANGUAGES.join(', ')}`);
  if (f.script !== 'Latn' && f.script !== 'Arab') throw new Error(`${where}: script must be "Latn" or "Arab"`);
  if (typeof f.concepts !== 'object' || f.concepts === null) throw new Error(`${where}: concepts must be an object`);
  for (const [concept, v] of Object.entries(f.concepts)) {
    if (!(CONCEPTS as readonly string[]).includes(concept)) throw new Error(`${where}: concepts.${concept}: unknown concept`);
    const groups = Array.isArray(v) ? [['', v] as const] : Object.entries(v as Record<string, unknown>);
    for (const [sub, pairs] of groups) {
      if (!Array.isArray(pairs)) throw new Error(`${where}: concepts.${concept}${sub ? `.${sub}` : ''}: expected [term, gloss] pairs`);
      pairs.forEach((p: unknown, i) => {
        if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || p[0].trim() === '' || typeof p[1] !== 'string') {
          throw new Error(
            `${where}: concepts.${concept}${sub ? `.${sub}` : ''}[${i}]: expected [term, gloss] (two strings, term non-empty)`,
          );
        }
      });
    }
  }
  return f;
}

let compiled: PhraseMatcher<LexEntry> | null = null;

/** The compiled matcher, built on first use (~ms) and shared. */
export function lexiconMatcher(): PhraseMatcher<LexEntry> {
  return (compiled ??= compile());
}
