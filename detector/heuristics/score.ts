/**
 * Heuristic score and category from concept counts and entities.
 *
 * Adverts are recognised by co-occurrence (a way across + a destination + a price or a contact),
 * not by any single word: news, NGO warnings and personal stories use the same words. So single
 * concepts add little, combinations add a lot, and reporting/warning vocabulary subtracts.
 */
import type { Category } from '../types.ts';
import type { Concept } from './lexicon.ts';

export interface ScoreInput {
  concepts: Record<Concept, number>;
  transportModes: Record<string, number>;
  counterKinds: number;
  phones: number;
  messengers: number;
  prices: number;
  destRoutes: number;
  originRoutes: number;
}

const W: Partial<Record<Concept, number>> = {
  transport: 0.7, destination: 0.5, price: 0.5, guarantee: 0.7, contact: 0.5, urgency: 0.4, documents: 0.4,
  payment: 0.6, slang: 0.5, job: 0.3, recruit: 0.5,
};

/** W as parallel arrays, in W's key order (the order the terms are summed in). */
const W_KEYS = Object.keys(W) as Concept[];
const W_VALUES = W_KEYS.map((k) => W[k]!);

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function heuristicScore(x: ScoreInput): number {
  const c = x.concepts;
  let z = -4.2;
  for (let q = 0; q < W_KEYS.length; q++) {
    const n = c[W_KEYS[q]!];
    if (n > 0) z += W_VALUES[q]! * (1 + 0.25 * Math.min(n - 1, 2));
  }
  const transport = c.transport > 0;
  const dest = c.destination > 0 || x.destRoutes > 0;
  const priceOrContact = c.price > 0 || c.contact > 0 || x.prices + x.phones + x.messengers > 0;
  if (transport && dest) z += 1.0;
  if (transport && dest && priceOrContact) z += 1.5;
  if (c.guarantee > 0 && (transport || dest)) z += 0.8;
  if (c.payment > 0 && (transport || dest)) z += 0.5;
  z += 0.6 * Math.min(1, x.phones + x.messengers) + 0.5 * Math.min(1, x.prices) + 0.3 * Math.min(1, x.destRoutes);
  // Reporting, warning and condemnation weigh against; several kinds weigh more.
  z -= Math.min(4.5, 1.4 * x.counterKinds + 0.3 * Math.max(0, c.counter - x.counterKinds));
  if (c.legit > 0) z -= 1.2 + 0.3 * Math.min(c.legit - 1, 2);
  return sigmoid(z);
}

const MODES = ['boat', 'lorry', 'flight', 'land'] as const;

export function guessCategory(x: ScoreInput): Category {
  const c = x.concepts;
  if (c.recruit > 0) return 'recruitment';
  const m = x.transportModes;
  let best: (typeof MODES)[number] = 'boat';
  for (const b of MODES) if ((m[b] ?? 0) > (m[best] ?? 0)) best = b;
  if ((m[best] ?? 0) > 0) {
    return best === 'boat' ? 'boat_crossing' : best === 'lorry' ? 'lorry' : best === 'flight' ? 'flight_documents' : 'land_route';
  }
  if (c.job > 0) return 'job_lure';
  if (c.documents > 0 && (c.destination > 0 || x.destRoutes > 0)) return 'flight_documents';
  if ((c.destination > 0 || x.destRoutes > 0) && (c.slang > 0 || c.guarantee > 0)) return 'land_route';
  return 'none';
}
