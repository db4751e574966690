/**
 * Plain words for what the platform and questions pages show: statuses, detector categories,
 * signal types and audit actions, and the text direction of a language tag. Internal codes are
 * never the only thing a person sees.
 */

const RTL = new Set(['ar', 'fa', 'ps', 'ckb', 'ur', 'he', 'yi', 'dv']);

/** `rtl` for right-to-left languages in their usual script; their romanised forms (`fa-Latn`) read left to right. */
export function dirOf(lang: string | null | undefined): 'rtl' | 'ltr' | 'auto' {
  if (!lang || lang === 'und') return 'auto';
  const [base, ...rest] = lang.split('-');
  if (rest.some((part) => part.toLowerCase() === 'latn')) return 'ltr';
  return RTL.has(base!.toLowerCase()) ? 'rtl' : 'ltr';
}

export const STATUS_WORDS: Record<string, string> = {
  queued: 'waiting to be sent',
  sent: 'sent, awaiting your acknowledgement',
  acknowledged: 'acknowledged',
  needs_info: 'question asked, awaiting an answer',
  actioned: 'actioned (content removed or restricted)',
  declined: 'declined',
  confirmed_offline: 'confirmed offline',
  still_online: 'still online after the decision',
  reappeared: 'reappeared after removal',
  failed: 'delivery failed',
};

export const CATEGORY_WORDS: Record<string, string> = {
  boat_crossing: 'small-boat sea crossings',
  lorry: 'concealment in lorries',
  flight_documents: 'flights on false documents',
  land_route: 'irregular land-route crossings',
  job_lure: 'irregular entry disguised as job offers',
  recruitment: 'recruitment into a smuggling operation',
  none: 'no specific smuggling category',
};

const PLACE_WORDS: Record<string, string> = {
  uk: 'UK',
  eu: 'EU',
  us: 'USA',
  usa: 'USA',
  gr: 'Greece',
  it: 'Italy',
  de: 'Germany',
  fr: 'France',
};
const TYPE_WORDS: Record<string, string> = {
  dest: 'destination',
  origin: 'origin',
  concept: 'cue',
  counter: 'counter-indicator',
  price: 'price',
  phone: 'phone number',
  messenger: 'messenger contact',
  route: 'route',
  handle: 'account handle',
  url: 'link',
};

/** `dest:uk` → "destination: UK", `concept:transport` → "cue: transport", `phone` → "phone number". */
export function signalWords(type: string): string {
  const [kind, detail] = type.split(':', 2);
  const word = TYPE_WORDS[kind!] ?? kind!.replace(/_/g, ' ');
  if (!detail) return word;
  const d = PLACE_WORDS[detail.toLowerCase()] ?? detail.replace(/[_-]/g, ' ');
  return `${word}: ${d}`;
}

export const ACTION_WORDS: Record<string, string> = {
  'referral.create': 'referral created',
  'referral.queued': 'queued for sending',
  'referral.sent': 'notice sent',
  'referral.failed': 'delivery failed',
  'referral.redeliver': 'sent again (re-delivery)',
  'referral.acknowledged': 'acknowledged by the platform',
  'referral.actioned': 'actioned by the platform',
  'referral.declined': 'declined by the platform',
  'referral.needs_info': 'platform asked a question',
  'referral.answer': 'question answered',
  'referral.offline': 'content found offline',
  'referral.confirmed_offline': 'confirmed offline',
  'referral.still_online': 'still online',
  'referral.reappeared': 'reappeared',
};

/** Cuts text to at most `max` user-perceived characters (never inside an emoji or a combining sequence). */
export function truncateGraphemes(text: string, max: number): string {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let n = 0;
  for (const { segment } of seg.segment(text)) {
    if (n === max) return `${out}…`;
    out += segment;
    n += 1;
  }
  return out;
}

/** Phone numbers, links and handles: always read left to right, even inside right-to-left text. */
const LTR_RUNS = /(\+?\d[\d\s().-]{5,}\d|https?:\/\/[^\s]+|@[\w.]{2,})/gu;

/** Splits text into plain parts and the runs that must be isolated left to right. */
export function ltrRuns(text: string): { text: string; ltr: boolean }[] {
  return text.split(LTR_RUNS).map((part, i) => ({ text: part, ltr: i % 2 === 1 }));
}
