/**
 * Static character data for normalisation.
 *
 * Kept apart from the algorithm so reviewers can audit what we fold without reading control flow:
 * every entry here changes what the lexicons can match, and a wrong fold silently hides evidence.
 */

/**
 * Emoji that advertisers use in place of words (Tuscia University study of TikTok adverts; NCA).
 * Each becomes an ASCII concept token so that the same lexicon machinery can count it.
 */
export const EMOJI_TOKENS: ReadonlyMap<number, string> = new Map<number, string>([
  [0x1f6a4, 'emj_boat'], // 🚤 speedboat
  [0x26f5, 'emj_boat'], // ⛵ sailboat
  [0x1f6e5, 'emj_boat'], // 🛥 motor boat
  [0x1f6a3, 'emj_boat'], // 🚣 rowboat
  [0x1f6f6, 'emj_boat'], // 🛶 canoe
  [0x1f6a2, 'emj_boat'], // 🚢 ship
  [0x1f6f3, 'emj_boat'], // 🛳 passenger ship
  [0x26f4, 'emj_boat'], // ⛴ ferry
  [0x1f30a, 'emj_sea'], // 🌊 wave
  [0x1f69b, 'emj_lorry'], // 🚛 articulated lorry
  [0x1f69a, 'emj_lorry'], // 🚚 delivery truck
  [0x1f690, 'emj_van'], // 🚐 minibus
  [0x2708, 'emj_flight'], // ✈ airplane
  [0x1f6eb, 'emj_flight'], // 🛫 departure
  [0x1f6ec, 'emj_flight'], // 🛬 arrival
  [0x1f6c2, 'emj_passport'], // 🛂 passport control
  [0x1faaa, 'emj_passport'], // 🪪 identification card
  [0x1f194, 'emj_passport'], // 🆔
  [0x1f4b6, 'emj_money'], // 💶
  [0x1f4b7, 'emj_money'], // 💷
  [0x1f4b5, 'emj_money'], // 💵
  [0x1f4b0, 'emj_money'], // 💰
  [0x1f4b8, 'emj_money'], // 💸
  [0x1f54a, 'emj_calm'], // 🕊 dove = calm sea
  [0x1f47b, 'emj_police'], // 👻 ghost = police controls
  [0x1f4de, 'emj_phone'], // 📞
  [0x1f4f1, 'emj_phone'], // 📱
  [0x260e, 'emj_phone'], // ☎
  [0x1f4e9, 'emj_phone'], // 📩 "inbox me"
  [0x1f4af, 'emj_100'], // 💯 guarantee
]);

/** Flags read as destinations; any other regional-indicator pair becomes `flag_xx`. */
export const DESTINATION_FLAGS: ReadonlySet<string> = new Set([
  'gb',
  'it',
  'gr',
  'fr',
  'de',
  'es',
  'be',
  'nl',
  'ca',
  'us',
  'at',
  'ch',
  'se',
]);

/**
 * Arabic-script letter unification. Posters mix Arabic and Persian keyboards and drop hamza,
 * so matching needs one form per letter. Sorani ە/ێ/ۆ and Pashto letters are left alone: they are
 * distinct letters there, and language identification needs them.
 */
export const ARABIC_UNIFY: ReadonlyMap<number, string> = new Map<number, string>([
  [0x0623, '\u0627'], // أ
  [0x0625, '\u0627'], // إ
  [0x0622, '\u0627'], // آ
  [0x0671, '\u0627'], // ٱ
  [0x0672, '\u0627'],
  [0x0673, '\u0627'],
  [0x0649, '\u064a'], // ى alef maksura → ي
  [0x06cc, '\u064a'], // ی Farsi yeh → ي
  [0x06d2, '\u064a'], // ے
  [0x0643, '\u06a9'], // ك → ک keheh
  [0x06aa, '\u06a9'],
  [0x0629, '\u0647'], // ة → ه
  [0x06c0, '\u0647'], // ۀ → ه
  [0x06c1, '\u0647'], // ہ
  [0x0624, '\u0648'], // ؤ → و
]);

/** Code points removed outright: tatweel, format and directional controls, variation selectors. */
export function isDropped(cp: number): boolean {
  return (
    cp === 0x0640 || // tatweel
    (cp >= 0x064b && cp <= 0x065f) || // harakat
    cp === 0x0670 || // superscript alef
    (cp >= 0x06d6 && cp <= 0x06ed) || // Quranic marks
    cp === 0x00ad || // soft hyphen
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) || // word joiner, isolates
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // skin tones
    cp === 0x0307 // combining dot above left by Turkish İ lowercasing
  );
}

/** Arabic-Indic and Extended (Persian/Urdu) digits to ASCII; returns -1 if not such a digit. */
export function easternDigit(cp: number): number {
  if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660;
  if (cp >= 0x06f0 && cp <= 0x06f9) return cp - 0x06f0;
  return -1;
}

/** Leetspeak substitutions, only applied inside tokens judged to be words (see tokens.ts). */
export const LEET: ReadonlyMap<string, string> = new Map([
  ['4', 'a'],
  ['3', 'e'],
  ['0', 'o'],
  ['1', 'i'],
  ['5', 's'],
  ['7', 't'],
  ['@', 'a'],
  ['$', 's'],
]);
