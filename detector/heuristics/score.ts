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
  transport: 0.7,
  destination: 0.5,
  price: 0.5,
  guarantee: 0.7,
  contact: 0.5,
  urgency: 0.4,
  documents: 0.4,
  payment: 0.6,
  slang: 0.5,
  job: 0.3,
  recruit: 0.5,
};

// heuristicScore sums W's terms by name in this order: W must list exactly these, in this order.
if (Object.keys(W).join() !== 'transport,destination,price,guarantee,contact,urgency,documents,payment,slang,job,recruit') {
  throw new Error('score: heuristicScore() is out of step with W');
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** One present concept's term: weight × (1, 1.25 or 1.5 for 1, 2, 3+ occurrences). */
function term(n: number, w: number): number {
  return w * (1 + 0.25 * Math.min(n - 1, 2));
}

export function heuristicScore(x: ScoreInput): number {
  const c = x.concepts;
  // W's terms in W's key order (the order they are summed in), each property read by name: a loop
  // over W's keys reads c[key] with a different key each time, a slow generic look-up per post.
  let z = -4.2;
  if (c.transport > 0) z += term(c.transport, W.transport!);
  if (c.destination > 0) z += term(c.destination, W.destination!);
  if (c.price > 0) z += term(c.price, W.price!);
  if (c.guarantee > 0) z += term(c.guarantee, W.guarantee!);
  if (c.contact > 0) z += term(c.contact, W.contact!);
  if (c.urgency > 0) z += term(c.urgency, W.urgency!);
  if (c.documents > 0) z += term(c.documents, W.documents!);
  if (c.payment > 0) z += term(c.payment, W.payment!);
  if (c.slang > 0) z += term(c.slang, W.slang!);
  if (c.job > 0) z += term(c.job, W.job!);
  if (c.recruit > 0) z += term(c.recruit, W.recruit!);
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

export function guessCategory(x: ScoreInput): Category {
  const c = x.concepts;
  if (c.recruit > 0) return 'recruitment';
  const m = x.transportModes;
  // The most frequent mode, the first of boat, lorry, flight, land on a tie (each read by name, as above).
  let best = 'boat';
  let most = m.boat ?? 0;
  if ((m.lorry ?? 0) > most) {
    best = 'lorry';
    most = m.lorry!;
  }
  if ((m.flight ?? 0) > most) {
    best = 'flight';
    most = m.flight!;
  }
  if ((m.land ?? 0) > most) {
    best = 'land';
    most = m.land!;
  }
  if (most > 0) {
    return best === 'boat' ? 'boat_crossing' : best === 'lorry' ? 'lorry' : best === 'flight' ? 'flight_documents' : 'land_route';
  }
  if (c.job > 0) return 'job_lure';
  if (c.documents > 0 && (c.destination > 0 || x.destRoutes > 0)) return 'flight_documents';
  if ((c.destination > 0 || x.destRoutes > 0) && (c.slang > 0 || c.guarantee > 0)) return 'land_route';
  return 'none';
}
