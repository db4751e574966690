// Obfuscation transforms seen in real smuggling adverts (domain.md): leetspeak, letter spacing,
// repeated letters, Cyrillic homoglyphs, emoji for keywords, native / spaced digits, kashida.
import type { LangPack } from './phrases/types.ts';
import { chance, int, nativeDigits, pick, shuffle, type Rng } from './compose.ts';

const HOMO: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  i: 'і',
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
};
const LEET: Record<string, string[]> = {
  a: ['4', '@'],
  e: ['3'],
  o: ['0'],
  i: ['1', '!'],
  s: ['5', '$'],
  t: ['7'],
  A: ['4'],
  E: ['3'],
  O: ['0'],
  I: ['1'],
  S: ['5'],
};
const ARABIC_LETTER = /[\u0620-\u064A\u0671-\u06D3]/;
const LATIN_WORD = /[A-Za-zÀ-ɏ]{4,}/g;
const ARABIC_WORD = /[\u0620-\u064A\u0671-\u06D3]{3,}/g;

const mapChars = (w: string, f: (c: string) => string) => [...w].map(f).join('');
const leet = (rng: Rng, w: string) => mapChars(w, (c) => (LEET[c] && chance(rng, 0.75) ? pick(rng, LEET[c]!) : c));
const homoglyph = (rng: Rng, w: string) => mapChars(w, (c) => (HOMO[c] && chance(rng, 0.7) ? HOMO[c]! : c));
const spaced = (rng: Rng, w: string) => [...w].join(pick(rng, [' ', ' ', '.', '-', '_', '  ']));
const repeat = (rng: Rng, w: string) => {
  const chars = [...w];
  const i = int(rng, 0, chars.length - 1);
  chars[i] = chars[i]!.repeat(int(rng, 3, 5));
  return chars.join('');
};
const kashida = (rng: Rng, w: string) =>
  mapChars(w, (c) => (ARABIC_LETTER.test(c) && chance(rng, 0.6) ? c + 'ـ'.repeat(int(rng, 1, 3)) : c)).replace(/ـ+$/, '');
const ZW = ['\u200c', '\u200b', '\u200d'];
const zeroWidth = (rng: Rng, w: string) => mapChars(w, (c) => (chance(rng, 0.4) ? c + pick(rng, ZW) : c));

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace some keyword occurrences (or, failing that, some long words) using a word transform. */
function targetWords(rng: Rng, text: string, pack: LangPack, f: (w: string) => string, script: 'latin' | 'arabic'): string {
  const keys = shuffle(
    rng,
    pack.keys.filter((k) => new RegExp(escapeRe(k), 'i').test(text) && (script === 'arabic') === ARABIC_LETTER.test(k)),
  );
  let out = text;
  let hits = 0;
  for (const k of keys.slice(0, int(rng, 1, 3))) {
    out = out.replace(new RegExp(escapeRe(k), 'i'), (m) => f(m));
    hits++;
  }
  if (hits === 0) {
    const words = [...new Set(text.match(script === 'latin' ? LATIN_WORD : ARABIC_WORD) ?? [])];
    for (const w of shuffle(rng, words).slice(0, int(rng, 1, 2))) out = out.replace(w, f(w));
  }
  return out;
}

const PHONE_RE = /(\+|00)?\d[\d -]{6,}\d/g;
function digitTrick(rng: Rng, text: string, pack: LangPack): string {
  if (pack.digits && chance(rng, 0.75)) {
    return chance(rng, 0.6) ? text.replace(PHONE_RE, (m) => nativeDigits(m, pack.digits!)) : nativeDigits(text, pack.digits);
  }
  return text.replace(PHONE_RE, (m) => {
    const d = m.replace(/[ -]/g, '');
    return chance(rng, 0.5)
      ? [...d].join(' ')
      : d
          .replace(/(\d{2})/g, '$1 ')
          .replace(/0/g, () => (chance(rng, 0.3) ? 'O' : '0'))
          .trim();
  });
}
function emojiSwap(rng: Rng, text: string, pack: LangPack): string {
  let out = text;
  for (const [word, emo] of shuffle(rng, [...pack.swap])) {
    const re = new RegExp(escapeRe(word), 'i');
    if (re.test(out) && chance(rng, 0.7)) out = out.replace(re, emo);
  }
  return out;
}

export type Trick = 'leet' | 'homoglyph' | 'spaced' | 'repeat' | 'kashida' | 'zerowidth' | 'digits' | 'emoji';

export function obfuscate(rng: Rng, pack: LangPack, text: string): string {
  const hasLatin = /[A-Za-z]{4,}/.test(text);
  const hasArabic = ARABIC_LETTER.test(text);
  const tricks: Trick[] = ['emoji'];
  if (/\d{3}/.test(text)) tricks.push('digits', 'digits');
  if (hasLatin) tricks.push('leet', 'homoglyph', 'spaced', 'repeat', 'leet', 'homoglyph');
  if (hasArabic) tricks.push('kashida', 'spaced', 'zerowidth', 'kashida');
  let out = text;
  const chosen = shuffle(rng, [...new Set(tricks)]).slice(0, int(rng, 1, 3));
  for (const t of chosen) out = apply(rng, pack, out, t, hasArabic);
  // make sure something visible changed
  for (let i = 0; out === text && i < 4; i++)
    out = apply(
      rng,
      pack,
      out,
      hasLatin ? pick(rng, ['leet', 'homoglyph', 'spaced'] as Trick[]) : hasArabic ? 'kashida' : 'repeat',
      hasArabic,
    );
  return out;
}

function apply(rng: Rng, pack: LangPack, text: string, t: Trick, hasArabic: boolean): string {
  switch (t) {
    case 'digits':
      return digitTrick(rng, text, pack);
    case 'emoji':
      return emojiSwap(rng, text, pack);
    case 'leet':
      return targetWords(rng, text, pack, (w) => leet(rng, w), 'latin');
    case 'homoglyph':
      return targetWords(rng, text, pack, (w) => homoglyph(rng, w), 'latin');
    case 'spaced':
      return targetWords(rng, text, pack, (w) => spaced(rng, w), hasArabic && chance(rng, 0.6) ? 'arabic' : 'latin');
    case 'repeat':
      return targetWords(rng, text, pack, (w) => repeat(rng, w), 'latin');
    case 'kashida':
      return targetWords(rng, text, pack, (w) => kashida(rng, w), 'arabic');
    case 'zerowidth':
      return targetWords(rng, text, pack, (w) => zeroWidth(rng, w), 'arabic');
  }
}
