/**
 * A detector signal in words a person reads without knowing our codes: `route dest:uk` becomes
 * "destination: UK", `price 3500 USD` "price: 3,500 USD", `concept:transport "بلم"` "transport:
 * “بلم” (boat (Iranian slang for an inflatable dinghy))". Used where signals leave the detector for
 * people: the referral notice, the post API, and the review and platform pages.
 */
import type { Signal } from './types.ts';

const PLACE_NAMES: Record<string, string> = { uk: 'UK', usa: 'USA', eu: 'EU', europe: 'Europe (unspecified)' };
const ROUTE_ROLES: Record<string, string> = { dest: 'destination', origin: 'origin', via: 'transit' };
const SERVICE_NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  signal: 'Signal',
  viber: 'Viber',
  imo: 'imo',
  zalo: 'Zalo',
  messenger: 'Messenger',
  instagram: 'Instagram',
  snapchat: 'Snapchat',
  tiktok: 'TikTok',
};
/** Lexicon concepts as a moderator would name them. */
const CONCEPT_WORDS: Record<string, string> = {
  transport: 'transport',
  destination: 'destination word',
  price: 'price word',
  guarantee: 'guarantee',
  contact: 'contact invitation',
  urgency: 'urgency',
  documents: 'documents',
  payment: 'payment terms',
  slang: 'smuggling slang',
  job: 'job lure',
  recruit: 'recruitment',
  legit: 'legitimate-service word',
};

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const placeName = (id: string) => PLACE_NAMES[id] ?? id.split(/[-_]/).map(capitalised).join(' ');
const serviceName = (id: string) => SERVICE_NAMES[id.toLowerCase()] ?? capitalised(id);

/** "3500 USD" → "3,500 USD"; anything else as it is. */
function priceWords(value: string): string {
  const m = /^(\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(value);
  return m ? `${Number(m[1]).toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${m[2]}` : value;
}

export interface SignalWords {
  /** What kind of cue: "destination", "price", "WhatsApp contact", "transport". */
  label: string;
  /** The value in words ("UK", "3,500 USD", "+447700900123"); for lexicon cues, the words as written in the post. */
  value: string;
  /** English gloss of a lexicon cue; absent where the lexicon has none. */
  gloss?: string;
  /** The whole cue on one line: `destination: UK`, `transport: “بلم” (boat …)`. */
  text: string;
}

const glossOf = (s: { gloss?: unknown }) => (typeof s.gloss === 'string' && s.gloss.trim() !== '' ? s.gloss.trim() : undefined);

function labelAndValue(s: Pick<Signal, 'type' | 'value'>): { label: string; value: string; quoted: boolean } {
  if (s.type === 'route') {
    const [role, place] = s.value.includes(':') ? (s.value.split(':', 2) as [string, string]) : ['', s.value];
    return { label: ROUTE_ROLES[role] ?? 'place', value: placeName(place), quoted: false };
  }
  if (s.type === 'price') return { label: 'price', value: priceWords(s.value), quoted: false };
  if (s.type === 'phone') return { label: 'phone number', value: s.value, quoted: false };
  if (s.type === 'messenger') {
    const [service, handle] = s.value.includes(':') ? (s.value.split(':', 2) as [string, string]) : [s.value, ''];
    return { label: `${serviceName(service)} contact`, value: handle, quoted: false };
  }
  if (s.type === 'known_contact') return { label: 'contact seen in earlier referred posts', value: s.value, quoted: false };
  if (s.type.startsWith('concept:')) {
    const c = s.type.slice('concept:'.length);
    return { label: CONCEPT_WORDS[c] ?? c.replaceAll('_', ' '), value: s.value, quoted: true };
  }
  if (s.type.startsWith('counter:'))
    return { label: `against smuggling (${s.type.slice('counter:'.length).replaceAll('_', ' ')})`, value: s.value, quoted: true };
  return { label: s.type.replaceAll(/[_:]/g, ' '), value: s.value, quoted: true };
}

export function signalWords(s: Pick<Signal, 'type' | 'value'> & { gloss?: unknown }): SignalWords {
  const { label, value, quoted } = labelAndValue(s);
  const gloss = glossOf(s);
  const shown = value === '' ? '' : quoted ? `“${value}”` : value;
  const text = `${label}${shown ? `: ${shown}` : ''}${gloss ? ` (${gloss})` : ''}`;
  return { label, value, ...(gloss ? { gloss } : {}), text };
}

/** Each distinct cue once, in the order the detector found them. */
export function distinctSignalWords(signals: readonly (Pick<Signal, 'type' | 'value'> & { gloss?: unknown })[]): SignalWords[] {
  const seen = new Set<string>();
  const out: SignalWords[] = [];
  for (const s of signals) {
    const w = signalWords(s);
    if (seen.has(w.text)) continue;
    seen.add(w.text);
    out.push(w);
  }
  return out;
}
