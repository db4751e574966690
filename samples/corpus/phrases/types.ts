// Shared types for the Tidewatch synthetic corpus phrase packs.
// Every phrase in samples/corpus/phrases/*.ts was written for this project; no real persons,
// accounts or phone numbers. Placeholders are filled by ../compose.ts:
//   {P} {P2}  a price in one of the pack's currencies      {PHONE}  a fictional phone number
//   {PS}      a small price (tickets, wages, fares)
//   {WA}      a wa.me link        {TG} a t.me link          {HANDLE} an @handle
//   {DEST}    a destination name in the pack's language     {N}      a small number (2-60)

export const LANGS = ['en', 'fr', 'ar', 'ckb', 'kmr', 'fa', 'ps', 'sq', 'vi', 'tr'] as const;
export type Lang = (typeof LANGS)[number];

export const CATEGORIES = ['boat_crossing', 'lorry', 'flight_documents', 'land_route', 'job_lure', 'recruitment'] as const;
export type Category = (typeof CATEGORIES)[number];

export const NEG_KINDS = [
  'news',
  'ngo_warning',
  'gov_campaign',
  'travel_agency',
  'legal_advice',
  'job_ad',
  'personal_story',
  'sale',
  'driver_job',
  'police_appeal',
  'condemnation',
] as const;
export type NegKind = (typeof NEG_KINDS)[number];
export type Kind = 'advert' | NegKind;

export const PLATFORMS = ['facebook', 'instagram', 'tiktok', 'telegram', 'x', 'youtube', 'snapchat'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** [template, min, max]: {n} is replaced by a number in [min, max], rounded to a plausible step. */
export type Money = readonly [string, number, number];

export interface AdvertPools {
  open: string[]; // attention-grabbing first line
  offer: Record<Category, string[]>; // what is offered (category-specific)
  price: string[]; // contains {P} (and maybe {P2}); LAST entry = boat price + lorry price pair
  extra: string[]; // kids half price, tiers, discounts
  guarantee: string[]; // 100% safe, guaranteed, ...
  pay: string[]; // pay on arrival, hawala, exchange office
  urgency: string[]; // leaving this week, few places
  contact: string[]; // {PHONE} {WA} {TG} {HANDLE} or just "DM me"
  close: string[]; // sign-off, slogans
}

export interface LangPack {
  lang: Lang;
  script: 'latin' | 'arabic';
  /** native digit set for Arabic-script languages */
  digits?: 'arabic' | 'persian';
  money: Money[];
  dest: string[];
  ad: AdvertPools;
  /** negative kinds: a list of slots, one phrase is picked per slot ('' = skip slot) */
  neg: Record<NegKind, string[][]>;
  /** hand-written complete posts */
  hand: {
    ad: Array<[Category, string]>;
    neg: Array<[NegKind, string]>;
    /** hand-written obfuscated adverts (Arabizi, transliteration, mixed script) */
    obf: Array<[Category, string]>;
  };
  /** keywords that obfuscators target (spacing, leet, homoglyphs, kashida) */
  keys: string[];
  /** keyword → emoji replacements */
  swap: Array<[string, string]>;
}
