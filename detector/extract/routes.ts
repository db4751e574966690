/**
 * Route places (origin, transit, destination) found in the normalised text, so homoglyphs,
 * spacing and Arabic letter variants do not hide them, and mapped back to original offsets.
 */
import type { Signal } from '../types.ts';
import { toOriginalSpan, type Normalised } from '../normalise/normalise.ts';
import { PhraseMatcher } from '../heuristics/matcher.ts';
import type { Tokens } from '../heuristics/tokenize.ts';
import { PLACES, type Place } from './places.ts';

/** Short ambiguous names ("ý" = Italy in Vietnamese, "kos", "eu", "anh" = brother/you) need the
 * language context; the caller passes the post language and we only accept them there. */
const LANG_BOUND: Record<string, string> = { ý: 'vi', anh: 'vi', 'nước anh': 'vi', bỉ: 'vi', kale: 'tr', fas: 'tr', eu: 'en' };

const matcher = new PhraseMatcher<{ place: Place; name: string }>();
for (const place of PLACES) for (const name of place.names) matcher.add(name, { place, name });

export function findRoutes(norm: Normalised, tokens: Tokens, lang?: string): Signal[] {
  const out: Signal[] = [];
  let prevKey = '';
  for (const m of matcher.match(tokens)) {
    // Several spellings of one place normalise alike; report each place span once.
    const key = `${m.from}:${m.to}:${m.payload.place.id}`;
    if (key === prevKey) continue;
    prevKey = key;
    const bound = LANG_BOUND[m.payload.name.toLowerCase()];
    if (bound !== undefined && lang !== bound) continue;
    const [start, end] = toOriginalSpan(norm, tokens.starts[m.from]!, tokens.ends[m.to - 1]!);
    out.push({ type: 'route', value: `${m.payload.place.role}:${m.payload.place.id}`, start, end });
  }
  return out;
}
