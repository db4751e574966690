/**
 * Shared detector vocabulary. The pipeline (workers), the CLI and the review UI depend on these
 * shapes; change them only together with their callers.
 */

/** Languages the detector is built for (ISO 639-3 where 639-1 has no code). */
export const LANGUAGES = ['en', 'fr', 'ar', 'ckb', 'kmr', 'fa', 'ps', 'sq', 'vi', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DECISIONS = ['refer', 'review', 'dismiss'] as const;
export type Decision = (typeof DECISIONS)[number];

export const CATEGORIES = ['boat_crossing', 'lorry', 'flight_documents', 'land_route', 'job_lure', 'recruitment', 'none'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One piece of evidence, located in the ORIGINAL text by UTF-16 offsets [start, end). */
export interface Signal {
  /** e.g. `concept:transport`, `phone`, `messenger`, `price`, `route`, `counter:warning`. */
  type: string;
  /** What matched, as written in the original text (or its normalised canonical form for entities). */
  value: string;
  start: number;
  end: number;
  /**
   * Short English gloss of a lexicon cue ("boat (slang for an inflatable dinghy)"), so a reader who
   * does not know the language sees what fired; absent for entities and unglossed entries.
   */
  gloss?: string;
  /** Phones only, set only when false: possible but in no range libphonenumber knows (phones.ts). */
  valid?: boolean;
}

export interface DetectorInput {
  id: string;
  text: string;
  /** Caller-supplied language; the detector identifies one when absent. */
  lang?: string | null;
  platform?: string | null;
}

export interface DetectorResult {
  id: string;
  /** Calibrated probability that the post advertises smuggling services, in [0, 1]. */
  score: number;
  decision: Decision;
  category: Category;
  /** Base language, one of LANGUAGES (or 'und'): what every field needing one of the ten gets. */
  lang: string;
  /** BCP 47 tag with the script when it is not the language's usual one: "fa-Latn", "ar-Latn"; "kmr", "en". */
  langTag: string;
  signals: Signal[];
  modelVersion: string;
}

export interface Thresholds {
  /** score >= refer: referral candidate. */
  refer: number;
  /** review <= score < refer: human review. Below: dismissed. */
  review: number;
}
