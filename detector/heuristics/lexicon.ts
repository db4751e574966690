/**
 * Loads models/lexicons/<lang>.json once and compiles every language into one PhraseMatcher.
 *
 * Mixed-language posts are the norm (Sorani text with "UK" and "WhatsApp"), so all lexicons are
 * matched at once; entries shorter than 4 characters only count in their own language because
 * short words collide across languages ("tir", "bot", "ý").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../types.ts';
import { PhraseMatcher } from './matcher.ts';

export const CONCEPTS = [
  'transport', 'destination', 'price', 'guarantee', 'contact', 'urgency', 'documents', 'payment', 'slang', 'job',
  'recruit', 'counter', 'legit',
] as const;
export type Concept = (typeof CONCEPTS)[number];

export interface LexEntry {
  concept: Concept;
  /** Transport mode (boat/lorry/flight/land) or counter kind (arrest/news/death/...). */
  sub: string | null;
  lang: string;
  short: boolean;
  /** Derived once at compile time, so matching allocates no strings per match. */
  /** Dedup key: concept + sub. */
  key: string;
  /** Signal type: `concept:<concept>` or `counter:<sub|other>`. */
  type: string;
}

function entry(concept: Concept, sub: string | null, lang: string, short: boolean): LexEntry {
  const type = concept === 'counter' ? `counter:${sub ?? 'other'}` : `concept:${concept}`;
  return { concept, sub, lang, short, key: concept + (sub ?? ''), type };
}

type LexiconFile = { lang: string; concepts: Partial<Record<Concept, string[] | Record<string, string[]>>> };

const DIR = fileURLToPath(new URL('../../models/lexicons/', import.meta.url));

/** Emoji concept tokens from the normaliser; language-independent. */
const EMOJI: Record<string, [Concept, string | null]> = {
  emj_boat: ['transport', 'boat'], emj_sea: ['transport', 'boat'], emj_lorry: ['transport', 'lorry'],
  emj_van: ['transport', 'lorry'], emj_flight: ['transport', 'flight'], emj_passport: ['documents', null],
  emj_money: ['price', null], emj_calm: ['slang', null], emj_police: ['slang', null], emj_phone: ['contact', null],
  emj_100: ['guarantee', null],
  dest_gb: ['destination', null], dest_it: ['destination', null], dest_gr: ['destination', null],
  dest_fr: ['destination', null], dest_de: ['destination', null], dest_es: ['destination', null],
  dest_be: ['destination', null], dest_nl: ['destination', null], dest_ca: ['destination', null],
  dest_us: ['destination', null], dest_at: ['destination', null], dest_ch: ['destination', null],
  dest_se: ['destination', null],
};

function compile(): PhraseMatcher<LexEntry> {
  const m = new PhraseMatcher<LexEntry>();
  for (const [tok, [concept, sub]] of Object.entries(EMOJI)) m.add(tok, entry(concept, sub, '*', false));
  for (const lang of LANGUAGES) {
    const file = JSON.parse(readFileSync(`${DIR}${lang}.json`, 'utf8')) as LexiconFile;
    for (const concept of CONCEPTS) {
      const v = file.concepts[concept];
      if (v === undefined) continue;
      const groups: [string | null, string[]][] = Array.isArray(v) ? [[null, v]] : Object.entries(v);
      for (const [sub, words] of groups) {
        for (const w of words) m.add(w, entry(concept, sub, lang, w.replace(/\*$/, '').length < 4));
      }
    }
  }
  return m;
}

let compiled: PhraseMatcher<LexEntry> | null = null;

/** The compiled matcher, built on first use (~ms) and shared. */
export function lexiconMatcher(): PhraseMatcher<LexEntry> {
  return (compiled ??= compile());
}
