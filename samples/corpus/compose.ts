// Composition helpers for the synthetic corpus: seeded PRNG, placeholder filling, and the
// advert / hard-negative composers. Deterministic given the Rng passed in.
import type { Category, Lang, LangPack, NegKind } from './phrases/types.ts';
import { mulberry32 } from '../../detector/model/random.ts';

export { mulberry32 };

export type Rng = () => number;

export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, arr: readonly T[]): T => {
  if (arr.length === 0) throw new Error('pick from empty array');
  return arr[Math.floor(rng() * arr.length)]!;
};
export const chance = (rng: Rng, p: number): boolean => rng() < p;
export function shuffle<T>(rng: Rng, arr: T[]): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [arr[i], arr[j]] = [arr[j]!, arr[i]!];
  }
  return arr;
}
export function weighted<T extends string>(rng: Rng, w: Record<T, number>): T {
  const entries = Object.entries(w) as Array<[T, number]>;
  let r = rng() * entries.reduce((s, [, v]) => s + v, 0);
  for (const [k, v] of entries) if ((r -= v) < 0) return k;
  return entries[0]![0];
}

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
export function nativeDigits(s: string, set: 'arabic' | 'persian'): string {
  const d = set === 'arabic' ? ARABIC_DIGITS : PERSIAN_DIGITS;
  return s.replace(/[0-9]/g, (c) => d[Number(c)]!);
}

// Fictional numbers: UK Ofcom drama range 07700 900xxx, French ARCEP fiction range 06 39 98 xx xx,
// other countries use an obviously padded "000" block. x = random digit.
const PHONE_PATTERNS: Record<string, string[]> = {
  '+44': ['7700 900xxx'],
  '+33': ['6 39 98 xx xx'],
  '+90': ['5x1 000 xx xx', '53x 000 xx xx'],
  '+964': ['750 000 xxxx', '770 000 xxxx'],
  '+98': ['912 000 xxxx', '935 000 xxxx'],
  '+93': ['70 000 xxxx', '79 000 xxxx'],
  '+355': ['69 000 xxxx', '67 000 xxxx'],
  '+84': ['90 000 xxxx', '98 000 xxxx'],
  '+49': ['151 0000 xxxx'],
  '+30': ['690 000 xxxx'],
  '+39': ['320 000 xxxx'],
  '+216': ['20 000 xxx'],
  '+213': ['550 00 xx xx'],
  '+32': ['470 00 xx xx'],
};
const LANG_CC: Record<Lang, string[]> = {
  en: ['+44', '+44', '+33', '+90', '+964', '+32'],
  fr: ['+33', '+33', '+44', '+216', '+213', '+32'],
  ar: ['+964', '+90', '+44', '+33', '+30', '+39'],
  ckb: ['+964', '+964', '+44', '+90', '+33', '+49'],
  kmr: ['+90', '+964', '+44', '+49', '+33'],
  fa: ['+98', '+98', '+90', '+44', '+93'],
  ps: ['+93', '+93', '+98', '+90', '+44'],
  sq: ['+355', '+355', '+44', '+39', '+33'],
  vi: ['+84', '+84', '+44', '+33', '+49'],
  tr: ['+90', '+90', '+44', '+49', '+30'],
};
export function phone(rng: Rng, lang: Lang): { shown: string; digits: string } {
  const cc = pick(rng, LANG_CC[lang]);
  const body = pick(rng, PHONE_PATTERNS[cc]!).replace(/x/g, () => String(int(rng, 0, 9)));
  const digits = (cc + body).replace(/\D/g, '');
  const r = rng();
  let shown = `${cc} ${body}`;
  if (r < 0.25) shown = `${cc}${body.replace(/ /g, '')}`;
  else if (r < 0.38) shown = `00${cc.slice(1)} ${body}`;
  else if (r < 0.48) shown = `${cc}-${body.replace(/ /g, '-')}`;
  else if (r < 0.6 && (cc === '+44' || cc === '+33')) shown = `0${body}`;
  return { shown, digits };
}

const H1 = [
  'safe',
  'uk',
  'euro',
  'royal',
  'star',
  'fast',
  'golden',
  'king',
  'sea',
  'road',
  'green',
  'blue',
  'travel',
  'express',
  'vip',
  'trust',
  'new',
  'lion',
  'eagle',
  'north',
  'happy',
  'city',
  'family',
  'global',
  'smart',
  'dream',
  'ozi',
  'kurdi',
  'afghan',
  'shqip',
  'saigon',
  'istanbul',
];
const H2 = [
  'way',
  'trip',
  'travel',
  'line',
  'tours',
  'team',
  'road',
  'boss',
  'agency',
  'group',
  'transfer',
  'crossing',
  'drive',
  'bridge',
  'gate',
  'logistics',
  'jobs',
  'help',
  'news',
  'motors',
  'marine',
  'service',
  'life',
  'world',
];
export function handle(rng: Rng): string {
  const sep = pick(rng, ['_', '.', '', '_']);
  let h = pick(rng, H1) + sep + pick(rng, H2);
  if (chance(rng, 0.55)) h += pick(rng, ['', '_', '.']) + String(int(rng, 1, 999));
  return h;
}

function niceNumber(rng: Rng, lo: number, hi: number): number {
  if (hi <= 20) return Math.round((lo + rng() * (hi - lo)) * 2) / 2;
  const mag = Math.pow(10, Math.floor(Math.log10(hi)) - 1);
  const step = chance(rng, 0.5) ? mag : mag * 5;
  return Math.max(lo, Math.round((lo + rng() * (hi - lo)) / step) * step);
}
function formatNumber(rng: Rng, n: number): string {
  if (n < 1000 || !Number.isInteger(n)) return String(n);
  const plain = String(n);
  const group = (sep: string) => plain.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return pick(rng, [plain, group(','), group('.'), group(' '), plain]);
}
export function price(rng: Rng, pack: LangPack, mult = 1): string {
  const [tpl, lo, hi] = pick(rng, pack.money);
  const n = niceNumber(rng, lo * mult, hi * mult);
  return tpl.replace('{n}', formatNumber(rng, n));
}

export function fill(rng: Rng, pack: LangPack, text: string): string {
  let moneyTpl: readonly [string, number, number] | undefined;
  const nat = pack.digits && chance(rng, 0.3) ? pack.digits : undefined;
  const out = text
    .replace(/\{P2?\}/g, (m) => {
      if (m === '{P}' || !moneyTpl) moneyTpl = pick(rng, pack.money);
      const [tpl, lo, hi] = moneyTpl;
      const k = m === '{P2}' ? 1.7 : 1;
      const p = tpl.replace('{n}', formatNumber(rng, niceNumber(rng, lo * k, hi * k)));
      return nat ? nativeDigits(p, nat) : p;
    })
    .replace(/\{PS\}/g, () => {
      const big = pack.money.filter((m) => m[2] > 20);
      const [tpl, lo, hi] = pick(rng, big.length ? big : pack.money);
      const f = 0.02 + rng() * 0.1;
      const p = tpl.replace('{n}', formatNumber(rng, niceNumber(rng, Math.max(1, lo * f), Math.max(2, hi * f))));
      return nat ? nativeDigits(p, nat) : p;
    })
    .replace(/\{PHONE\}/g, () => phone(rng, pack.lang).shown)
    .replace(/\{WA\}/g, () => `${chance(rng, 0.3) ? 'https://' : ''}wa.me/${phone(rng, pack.lang).digits}`)
    .replace(/\{TG\}/g, () => `${chance(rng, 0.3) ? 'https://' : ''}t.me/${handle(rng)}`)
    .replace(/\{HANDLE\}/g, () => `@${handle(rng)}`)
    .replace(/\{DEST\}/g, () => pick(rng, pack.dest))
    .replace(/\{N\}/g, () => String(int(rng, 2, 60)));
  return out;
}

const CAT_EMOJI: Record<Category, string[]> = {
  boat_crossing: ['🚤', '⛵', '🛥', '🌊', '🇬🇧', '🇮🇹', '🇬🇷', '🕊️'],
  lorry: ['🚛', '🚚', '🇬🇧', '🇧🇪'],
  flight_documents: ['✈️', '🛂', '🇬🇧', '🇩🇪', '🎫'],
  land_route: ['🚗', '🌲', '🗺️', '🇩🇪', '🇮🇹'],
  job_lure: ['💼', '💷', '💶', '🇬🇧'],
  recruitment: ['💰', '🚤', '🚛', '💵'],
};
const NEG_EMOJI: Record<NegKind, string[]> = {
  news: ['🔴', '📰', '⚠️', '🌊'],
  ngo_warning: ['⚠️', '🆘', '🙏', '🌊', '🚤'],
  gov_campaign: ['❌', '⚠️', '🚤', '🚛'],
  travel_agency: ['✈️', '🚢', '⛵', '🌊', '🇬🇷', '🇮🇹', '🇬🇧', '🇫🇷', '✅', '📞', '💶'],
  legal_advice: ['⚖️', '📄', '🛂', '✅'],
  job_ad: ['💼', '✅', '📞', '🇬🇧', '🇩🇪'],
  personal_story: ['💔', '🙏', '😢', '🌊'],
  sale: ['🚤', '🛥', '🚐', '✅', '📞', '💷'],
  driver_job: ['🚛', '🚚', '✅', '📞'],
  police_appeal: ['🚓', '📞', '❗'],
  condemnation: ['💔', '😡', '🙏', '🌊'],
};
const GENERIC_EMOJI = ['✅', '🔥', '💯', '📞', '📲', '👉', '❗', '🙏', '⭐'];
const HASHTAGS = ['#UK', '#Europe', '#travel', '#London', '#Calais', '#refugees', '#Italy', '#Greece', '#migration', '#germany'];

function decorate(rng: Rng, pack: LangPack, parts: string[], emoji: string[], rate: number): string {
  const latin = pack.script === 'latin';
  const loc = pack.lang === 'tr' ? 'tr' : 'en';
  const up = (t: string) => t.replace(/\S+/g, (w) => (/(t\.me|wa\.me|@|https?:)/.test(w) ? w : w.toLocaleUpperCase(loc)));
  const sep = pick(rng, ['\n', '\n', ' ', '. ', ' | ', ' - ', '\n✅ ', ' 👉 ', '\n\n', ', ']);
  const bits = parts.map((p, i) => {
    let s = p;
    if (latin && chance(rng, 0.07)) s = up(s);
    if (chance(rng, rate)) s = `${pick(rng, emoji)} ${s}`;
    if (chance(rng, rate * 0.6)) s = `${s} ${pick(rng, emoji)}${chance(rng, 0.3) ? pick(rng, emoji) : ''}`;
    if (i === parts.length - 1 && chance(rng, 0.25)) s += pick(rng, ['!', '!!', '.', '...', ' 🙏', '']);
    return s;
  });
  let text = bits
    .join(sep)
    .replace(/([.!?؟۔])\. /g, '$1 ')
    .replace(/\s+\n/g, '\n');
  if (latin && chance(rng, 0.06)) text = up(text);
  else if (latin && chance(rng, 0.1)) text = text.toLocaleLowerCase(loc);
  if (chance(rng, 0.12))
    text +=
      '\n' +
      shuffle(rng, [...HASHTAGS])
        .slice(0, int(rng, 1, 3))
        .join(' ');
  return text.trim();
}

export function composeAdvert(rng: Rng, pack: LangPack, cat: Category): string {
  const A = pack.ad;
  const soft: Array<keyof typeof A> =
    cat === 'recruitment' ? ['guarantee', 'urgency', 'close'] : ['price', 'extra', 'guarantee', 'pay', 'urgency', 'close'];
  const style = rng();
  const offer = pick(rng, A.offer[cat]);
  // the last price line pairs a boat price with a lorry price: only for those two categories
  const prices = cat === 'boat_crossing' || cat === 'lorry' ? A.price : A.price.slice(0, -1);
  let middle: string[];
  let head: string[] = [];
  if (style < 0.18) {
    middle = [chance(rng, 0.5) && cat !== 'recruitment' ? pick(rng, prices) : pick(rng, A.guarantee)];
  } else {
    const n = style < 0.6 ? int(rng, 1, 3) : int(rng, 3, 6);
    const roles = shuffle(rng, [...soft]).slice(0, n);
    middle = roles.map((r) => pick(rng, r === 'price' ? prices : (A[r] as string[])));
    if (style >= 0.45 || chance(rng, 0.3)) head = [pick(rng, A.open)];
    if (chance(rng, 0.25) && A.offer[cat].length > 1)
      middle.unshift(
        pick(
          rng,
          A.offer[cat].filter((o) => o !== offer),
        ),
      );
  }
  const parts = [...head, offer, ...middle];
  if (chance(rng, 0.82)) {
    const c = pick(rng, A.contact);
    if (chance(rng, 0.85)) parts.push(c);
    else parts.splice(int(rng, 1, parts.length), 0, c);
  }
  if (chance(rng, 0.2)) shuffle(rng, parts);
  return decorate(
    rng,
    pack,
    parts.map((p) => fill(rng, pack, p)),
    [...CAT_EMOJI[cat], ...GENERIC_EMOJI],
    0.3,
  );
}

const BIZ: NegKind[] = ['travel_agency', 'sale', 'driver_job', 'job_ad', 'legal_advice', 'ngo_warning'];

export function composeNegative(rng: Rng, pack: LangPack, kind: NegKind): string {
  const slots = pack.neg[kind];
  const parts: string[] = [];
  slots.forEach((slot, i) => {
    const edge = i === 0 || i === slots.length - 1;
    if (slots.length > 1 && edge && chance(rng, 0.22)) return;
    const first = pick(rng, slot);
    if (first) parts.push(first);
    if (!edge && slot.length > 2 && chance(rng, 0.22)) {
      const second = pick(
        rng,
        slot.filter((s) => s && s !== first),
      );
      parts.push(second);
    }
  });
  if (parts.length === 0) parts.push(pick(rng, slots[Math.min(1, slots.length - 1)]!.filter(Boolean)));
  // legitimate businesses and news pages also post links and handles, so links alone are no signal
  if (BIZ.includes(kind) && chance(rng, 0.3)) parts.push(pick(rng, ['📲 {WA}', '👉 {HANDLE}', 'Telegram {TG}', 'IG: {HANDLE}', '{WA}']));
  else if (chance(rng, 0.12)) parts.push(pick(rng, ['via {HANDLE}', '{HANDLE}', '{TG}']));
  return decorate(
    rng,
    pack,
    parts.map((p) => fill(rng, pack, p)),
    [...NEG_EMOJI[kind], ...GENERIC_EMOJI.slice(0, 4)],
    0.22,
  );
}
