/**
 * Feature extraction for one post: normalise, tokenise, match lexicons, extract entities, then a
 * fixed-order feature vector for the model fusion layer plus a heuristic score and category.
 *
 * Everything compiled (lexicons, regexes) is built once at module load; per call we only walk the
 * text a few times, because the pipeline budget is tens of microseconds per post.
 */
import type { Category, Signal } from '../types.ts';
import { normalise, type Normalised } from '../normalise/normalise.ts';
import { allocFloat32 } from '../normalise/pool.ts';
import { identifyLanguage, languageTag, textScript, toLanguage, type DetectedLanguage, type Script } from '../language/detect.ts';
import { extractEntities } from '../extract/extract.ts';
import { tokenize, type Tokens } from './tokenize.ts';
import { CONCEPTS, FOLD_LANGS, lexiconMatcher, type Concept } from './lexicon.ts';
import { guessCategory, heuristicScore, type ScoreInput } from './score.ts';

export interface Analysis {
  /** Base language (one of ours): the caller's when given, else identified from the text. */
  lang: DetectedLanguage;
  /** Script of the text's letters, always from the text; null under two letters. */
  script: Script | null;
  /** BCP 47 tag: `lang`, with the script when it is not the usual one ("fa-Latn"). */
  langTag: string;
  normalised: Normalised;
  tokens: Tokens;
  concepts: Record<Concept, number>;
  entities: Signal[];
  signals: Signal[];
  features: Float32Array;
  featureNames: readonly string[];
  heuristicScore: number;
  category: Category;
}

/** Feature order is part of the model contract: append only, never reorder. */
export const FEATURE_NAMES: readonly string[] = [
  ...CONCEPTS.map((c) => `concept_${c}`), // 0..12: min(count, 3) / 3
  'mode_boat',
  'mode_lorry',
  'mode_flight',
  'mode_land', // 13..16 (0/1)
  'counter_kinds', // 17: distinct counter kinds / 3, capped at 1
  'ent_phone',
  'ent_messenger',
  'ent_price',
  'ent_route_dest',
  'ent_route_origin', // 18..22 (0/1)
  'co_transport_dest',
  'co_transport_dest_pricecontact',
  'co_guarantee_transport', // 23..25 (0/1)
  'obf_homoglyph',
  'obf_leet',
  'obf_spaced',
  'obf_emoji', // 26..29 (0/1)
  'len_log', // 30: log1p(chars) / 8
  'heuristic_score', // 31
  'short_weak', // 32 (0/1): at most 8 words and no price, phone, messenger, guarantee or payment
];

/** Posts this short carry too little evidence for confidence either way ("boat to the UK"). */
export const SHORT_WEAK_WORDS = 8;

/** A fresh zeroed count per concept, keys in CONCEPTS order (a literal: one allocation, fast shape). */
function newCounts(): Record<Concept, number> {
  return {
    transport: 0,
    destination: 0,
    price: 0,
    guarantee: 0,
    contact: 0,
    urgency: 0,
    documents: 0,
    payment: 0,
    slang: 0,
    job: 0,
    recruit: 0,
    counter: 0,
    legit: 0,
  };
}
if (Object.keys(newCounts()).join() !== CONCEPTS.join()) throw new Error('analyse: newCounts() is out of step with CONCEPTS');

/**
 * Features 0..12, min(count, 3) / 3 per concept in CONCEPTS order, with each property named:
 * a loop over CONCEPTS reads `concepts[c]` with a different key each time, which V8 serves from a
 * slow generic path on every post.
 */
function writeConcepts(c: Record<Concept, number>, f: Float32Array, k: number): number {
  f[k++] = Math.min(c.transport, 3) / 3;
  f[k++] = Math.min(c.destination, 3) / 3;
  f[k++] = Math.min(c.price, 3) / 3;
  f[k++] = Math.min(c.guarantee, 3) / 3;
  f[k++] = Math.min(c.contact, 3) / 3;
  f[k++] = Math.min(c.urgency, 3) / 3;
  f[k++] = Math.min(c.documents, 3) / 3;
  f[k++] = Math.min(c.payment, 3) / 3;
  f[k++] = Math.min(c.slang, 3) / 3;
  f[k++] = Math.min(c.job, 3) / 3;
  f[k++] = Math.min(c.recruit, 3) / 3;
  f[k++] = Math.min(c.counter, 3) / 3;
  f[k++] = Math.min(c.legit, 3) / 3;
  return k;
}
// writeConcepts must follow CONCEPTS: each concept alone must land in its own slot.
for (const [i, c] of CONCEPTS.entries()) {
  const probe = newCounts();
  probe[c] = 3;
  const named = new Float32Array(CONCEPTS.length);
  if (writeConcepts(probe, named, 0) !== CONCEPTS.length || named.some((v, j) => v !== (j === i ? 1 : 0))) {
    throw new Error('analyse: writeConcepts() is out of step with CONCEPTS');
  }
}

/** Any non-whitespace character: the same test as `trim() !== ''` without copying the text. */
const NON_SPACE = /\S/;

export function analyse(text: string, lang?: string | null): Analysis {
  const given = toLanguage(lang);
  let language: DetectedLanguage;
  let script: Script | null;
  if (given !== 'und') {
    language = given;
    script = textScript(text);
  } else if (!NON_SPACE.test(text)) {
    language = 'und';
    script = null;
  } else {
    const id = identifyLanguage(text);
    language = id.lang;
    script = id.script;
  }
  // Romanised Persian/Arabic/Sorani/Pashto (and Kurmanji, often typed without î ê ş ç): their
  // cues also match through the transliteration fold; in the Arabic-script ones 3 5 7 are letters.
  const romanised = script === 'Latn' && FOLD_LANGS.has(language);
  const norm = normalise(text, romanised && language !== 'kmr' && language !== 'und');
  const tokens = tokenize(norm.text);
  const concepts = newCounts();
  const modes: Record<string, number> = { boat: 0, lorry: 0, flight: 0, land: 0 };
  const counterKinds = new Set<string>();
  const signals: Signal[] = [];

  const matches = lexiconMatcher().match(tokens, !romanised ? null : language === 'kmr' ? 'kurmanji' : 'romanised');
  // One concept per token span: overlapping entries of the same concept count once.
  let lastConcept = '';
  let lastTo = -1;
  for (const m of matches) {
    const e = m.payload;
    if (e.short && e.lang !== '*' && e.lang !== language && language !== 'und') continue;
    if (e.romanised && !FOLD_LANGS.has(language)) continue;
    // A spelling variant counts within its family: Kurmanji terms in Kurmanji posts, romanised
    // Persian/Arabic/Sorani/Pashto terms in those posts (Kurmanji "heval" is not Sorani "hewall").
    if (m.folded && language !== 'und' && (language === 'kmr') !== (e.lang === 'kmr')) continue;
    const key = e.key;
    if (key === lastConcept && m.from < lastTo) continue;
    lastConcept = key;
    lastTo = m.to;
    concepts[e.concept]++;
    if (e.concept === 'transport' && e.sub !== null) modes[e.sub] = (modes[e.sub] ?? 0) + 1;
    if (e.concept === 'counter' && e.sub !== null) counterKinds.add(e.sub);
    // toOriginalSpan, inlined (no tuple per match): a token span is never empty.
    const len = norm.map.length;
    const cs = Math.max(0, Math.min(tokens.starts[m.from]!, len - 1));
    const start = norm.map[cs]!;
    const end = norm.ends[Math.max(cs, Math.min(tokens.ends[m.to - 1]!, len) - 1)]!;
    // The gloss is the entry's own string (shared, not copied); `undefined` while a file has none.
    signals.push({ type: e.type, value: text.slice(start, end), start, end, gloss: e.gloss });
  }

  const entities = extractEntities(text, { norm, tokens, lang: language });
  let phones = 0,
    messengers = 0,
    prices = 0,
    destRoutes = 0,
    originRoutes = 0;
  for (const s of entities) {
    // Possible-but-invalid numbers link posts (networks/) but do not score: the model was trained
    // on features without them, and counting them moved scores on the test split.
    if (s.type === 'phone') phones += s.valid === false ? 0 : 1;
    else if (s.type === 'messenger') messengers++;
    else if (s.type === 'price') prices++;
    else if (s.type === 'route') {
      if (s.value.startsWith('dest:')) destRoutes++;
      else originRoutes++;
    }
  }
  signals.push(...entities);
  signals.sort((a, b) => a.start - b.start || a.end - b.end);

  const input: ScoreInput = {
    concepts,
    transportModes: modes,
    counterKinds: counterKinds.size,
    phones,
    messengers,
    prices,
    destRoutes,
    originRoutes,
  };
  const score = heuristicScore(input);
  const category = guessCategory(input);

  const f = allocFloat32(FEATURE_NAMES.length);
  let k = 0;
  k = writeConcepts(concepts, f, k);
  // Modes by name (a loop over the mode names is a generic keyed look-up per post).
  f[k++] = modes.boat! > 0 ? 1 : 0;
  f[k++] = modes.lorry! > 0 ? 1 : 0;
  f[k++] = modes.flight! > 0 ? 1 : 0;
  f[k++] = modes.land! > 0 ? 1 : 0;
  f[k++] = Math.min(1, counterKinds.size / 3);
  f[k++] = phones > 0 ? 1 : 0;
  f[k++] = messengers > 0 ? 1 : 0;
  f[k++] = prices > 0 ? 1 : 0;
  f[k++] = destRoutes > 0 ? 1 : 0;
  f[k++] = originRoutes > 0 ? 1 : 0;
  const transport = concepts.transport > 0;
  const dest = concepts.destination > 0 || destRoutes > 0;
  f[k++] = transport && dest ? 1 : 0;
  f[k++] = transport && dest && concepts.price + concepts.contact + prices + phones + messengers > 0 ? 1 : 0;
  f[k++] = concepts.guarantee > 0 && transport ? 1 : 0;
  f[k++] = norm.stats.homoglyph > 0 ? 1 : 0;
  f[k++] = norm.stats.leet > 0 ? 1 : 0;
  f[k++] = norm.stats.spaced > 0 ? 1 : 0;
  f[k++] = norm.stats.emoji > 0 ? 1 : 0;
  f[k++] = Math.log1p(text.length) / 8;
  f[k++] = score;
  const hard = phones + messengers + prices + concepts.price + concepts.guarantee + concepts.payment;
  f[k++] = tokens.words.length <= SHORT_WEAK_WORDS && hard === 0 ? 1 : 0;

  return {
    lang: language,
    script,
    langTag: languageTag(language, script),
    normalised: norm,
    tokens,
    concepts,
    entities,
    signals,
    features: f,
    featureNames: FEATURE_NAMES,
    heuristicScore: score,
    category,
  };
}
