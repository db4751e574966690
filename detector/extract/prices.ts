/**
 * Prices with a currency. A stated price is one of the strongest advert cues (news rarely quotes
 * "1500€ per person, kids half"), and the currency hints at the route (dinar/toman vs EUR/GBP).
 *
 * Runs on the digit-folded original, so "٢٠٠٠ یورو" and "2k" keep original offsets.
 */
import type { Signal } from '../types.ts';

/** Currency words/symbols → ISO code. Arabic-script forms are written as they appear in posts. */
const CURRENCY: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  يورو: 'EUR',
  یورو: 'EUR',
  ئیورۆ: 'EUR',
  یۆرۆ: 'EUR',
  ewro: 'EUR',
  avro: 'EUR',
  e: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  پوند: 'GBP',
  باوند: 'GBP',
  جنيه: 'GBP',
  sterlin: 'GBP',
  $: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  dolar: 'USD',
  دولار: 'USD',
  دلار: 'USD',
  دۆلار: 'USD',
  ډالر: 'USD',
  đô: 'USD',
  dinar: 'IQD',
  dinars: 'IQD',
  iqd: 'IQD',
  دينار: 'IQD',
  دینار: 'IQD',
  lira: 'TRY',
  tl: 'TRY',
  try: 'TRY',
  '₺': 'TRY',
  ليرة: 'TRY',
  لیره: 'TRY',
  toman: 'IRR',
  tomans: 'IRR',
  تومان: 'IRR',
  تومن: 'IRR',
  rial: 'IRR',
  ریال: 'IRR',
  afghani: 'AFN',
  افغانی: 'AFN',
  افغانۍ: 'AFN',
  triệu: 'VND',
  dong: 'VND',
  đ: 'VND',
  vnd: 'VND',
  '₫': 'VND',
  đồng: 'VND',
  lek: 'ALL',
  leke: 'ALL',
  lekë: 'ALL',
  all: 'ALL',
};

const MULT: Record<string, number> = {
  k: 1e3,
  ألف: 1e3,
  الف: 1e3,
  هزار: 1e3,
  هەزار: 1e3,
  bin: 1e3,
  mille: 1e3,
  nghìn: 1e3,
  ngàn: 1e3,
  million: 1e6,
  milyon: 1e6,
  مليون: 1e6,
  میلیون: 1e6,
  ملیون: 1e6,
};

const NUM = String.raw`\d{1,3}(?:[.,  ]\d{3})+|\d+(?:[.,]\d{1,2})?`;
/**
 * NUM with at most MAX_GROUPS thousands groups, for the number-first form, which may start at any
 * group of a run ("111 111 111 …"): unbounded, every start read the rest of the run, time
 * quadratic in its length. Six groups is 10^21; no price comes near.
 */
const MAX_GROUPS = 6;
const NUM_BOUNDED = String.raw`\d{1,3}(?:[.,  ]\d{3}){1,${MAX_GROUPS}}|\d+(?:[.,]\d{1,2})?`;
const CUR_WORDS = Object.keys(CURRENCY)
  .filter((k) => /\p{L}/u.test(k))
  .sort((a, b) => b.length - a.length)
  .join('|');
const MULT_WORDS = Object.keys(MULT)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SYM = '[€£$₺₫]';
/** symbol-first: "€1500", "$ 2k"; number-first: "1500€", "2 k euro", "1500e", "٢٠٠٠ یورو". */
const PRICE = new RegExp(
  String.raw`(${SYM})\s?(${NUM})\s?(${MULT_WORDS})?(?![\p{L}\d])` +
    String.raw`|(?<![\p{L}\d.,])(${NUM_BOUNDED})\s?(${MULT_WORDS})?\s?(${SYM}|(?:${CUR_WORDS})(?![\p{L}]))`,
  'gu',
);

function toNumber(num: string): number {
  const grouped = /^\d{1,3}(?:[.,  ]\d{3})+$/.test(num);
  return Number(grouped ? num.replace(/[.,  ]/g, '') : num.replace(',', '.'));
}

export function findPrices(folded: string, original: string): Signal[] {
  const out: Signal[] = [];
  PRICE.lastIndex = 0;
  for (let m = PRICE.exec(folded); m !== null; m = PRICE.exec(folded)) {
    const sym = m[1] ?? m[6]!;
    const num = m[2] ?? m[4]!;
    const mult = m[3] ?? m[5];
    // "ALL" is the lek only in capitals; "all" is an English word.
    if (sym === 'all' && original.slice(m.index + m[0].length - 3, m.index + m[0].length) !== 'ALL') continue;
    const code = CURRENCY[sym];
    if (code === undefined) continue;
    // Bare "e" only after an unspaced number ("1500e"), never "5 e".
    if (sym === 'e' && /\s/.test(m[0])) continue;
    // "15 triệu" is Vietnamese for 15 million (đồng); the word is both multiplier and currency.
    const value = toNumber(num) * (mult !== undefined ? (MULT[mult] ?? 1) : 1) * (sym === 'triệu' ? 1e6 : 1);
    if (!Number.isFinite(value) || value <= 0) continue;
    out.push({ type: 'price', value: `${value} ${code}`, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
