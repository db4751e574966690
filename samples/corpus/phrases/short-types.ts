// Short-post pools: one-liners that share the adverts' vocabulary, so that the model learns
// from co-occurrence and not from length or from a single word. Written for Tidewatch; the
// independent challenge set (samples/challenge/) was written separately and is not drawn from these.
import type { Category } from './types.ts';

export interface ShortPack {
  /** Short adverts (clear): [category, template]; a contact or price tail may be appended. */
  ad: Array<[Category, string]>;
  /** Tails for short adverts (contact, price, urgency). */
  adTail: string[];
  /** People asking for a way, a visa, asylum advice (not adverts). */
  seeker: string[];
  /** Tails for seekers ("please help", "message me"). */
  seekTail: string[];
  /** Passport renewal, visa agencies, translation, appointment booking (legal services). */
  docService: string[];
  /** Short lorry-driver and job adverts, often naming a destination country. */
  job: string[];
  /** Genuinely ambiguous short posts: [best-guess label, template]. Trained towards the review band. */
  ambiguous: Array<[0 | 1, string]>;
}
