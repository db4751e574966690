/**
 * Messenger links and handles. Adverts move the conversation to WhatsApp, Telegram, Viber or
 * Signal; the link or handle is the contact point a referral must name.
 */
import type { Signal } from '../types.ts';
import { MAX_PHONE_CANDIDATES, parse } from './phones.ts';

const LINK =
  /(?:https?:\/\/)?(?:www\.)?(wa\.me|api\.whatsapp\.com\/send\/?\?phone=|chat\.whatsapp\.com|t\.me|telegram\.me|telegram\.dog|signal\.me\/#p|signal\.group|invite\.viber\.com\/\?g2=|viber:\/\/(?:chat|add|contact)\?number=)\/?([+\w.~%-]+)/g;

const SERVICE: Record<string, string> = {
  'wa.me': 'whatsapp',
  'chat.whatsapp.com': 'whatsapp',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'telegram.dog': 'telegram',
  'signal.group': 'signal',
};

/** Messenger names in our languages, for "@handle" and bare-number attribution. */
const MESSENGER_WORD =
  /(whats ?app|watsap|wats?ap|واتساب|واتس اب|واتس|وتساب|واتسپ|واتس‌اپ|telegram|telegramm?|tele|تلگرام|تيليجرام|تليجرام|تلیگرام|تێلێگرام|viber|وایبر|فايبر|signal|سیگنال|imo|zalo|messenger|insta(?:gram)?|snap(?:chat)?|tiktok|\btg\b|\bwa\b)/;
const HANDLE = /(?<![\w@])@([a-z][\w.]{3,31})/g;

function serviceOf(host: string): string {
  if (host.startsWith('api.whatsapp')) return 'whatsapp';
  if (host.startsWith('signal.me')) return 'signal';
  if (host.startsWith('invite.viber') || host.startsWith('viber')) return 'viber';
  return SERVICE[host] ?? 'messenger';
}

/**
 * Every LINK host contains one of these: most posts contain none, and a plain substring search is
 * far cheaper than running LINK (whose optional scheme and www. prefix it tries at every offset).
 */
const LINK_MARKS = ['.me', 'whatsapp.com', 'telegram.dog', 'signal.group', 'viber'];

/**
 * `id` less its trailing dots and commas (sentence punctuation). A loop, not /[.,]+$/: the regex
 * retries from every dot of a run that does not end the string, so "t.me/" and 20,000 dots and a
 * letter took 2.6 s.
 */
function withoutTrailingPunctuation(id: string): string {
  let end = id.length;
  while (end > 0 && (id.charCodeAt(end - 1) === 46 || id.charCodeAt(end - 1) === 44)) end--;
  return id.slice(0, end);
}

export function findMessengers(folded: string): Signal[] {
  const out: Signal[] = [];
  LINK.lastIndex = 0;
  const links = LINK_MARKS.some((mark) => folded.includes(mark));
  // Numbers parsed per post, bounded as in findPhones (a parse costs tens of µs); a link past the
  // bound keeps its id as written, as a link whose number does not parse does.
  let parses = 0;
  for (let m = links ? LINK.exec(folded) : null; m !== null; m = LINK.exec(folded)) {
    const service = serviceOf(m[1]!);
    let id = withoutTrailingPunctuation(m[2]!);
    if ((service === 'whatsapp' || service === 'viber') && parses++ < MAX_PHONE_CANDIDATES) {
      id = parse('+' + id.replace(/[^\d]/g, ''))?.e164 ?? id;
    } else if (service === 'telegram') id = '@' + id;
    const end = m.index + m[0].length - (m[2]!.length - withoutTrailingPunctuation(m[2]!).length);
    out.push({ type: 'messenger', value: `${service}:${id}`, start: m.index, end });
  }
  HANDLE.lastIndex = 0;
  for (let m = folded.includes('@') ? HANDLE.exec(folded) : null; m !== null; m = HANDLE.exec(folded)) {
    const a = Math.max(0, m.index - 60);
    const near = MESSENGER_WORD.exec(folded.slice(a, m.index + m[0].length + 60));
    if (near === null) continue;
    const word = near[1]!;
    const service = /tele|تل|tg/.test(word)
      ? 'telegram'
      : /sign|سیگ/.test(word)
        ? 'signal'
        : /vib|وای|فاي/.test(word)
          ? 'viber'
          : /wa|وا|وت/.test(word)
            ? 'whatsapp'
            : word;
    const id = '@' + m[1]!.replace(/\.+$/, '');
    out.push({ type: 'messenger', value: `${service}:${id}`, start: m.index, end: m.index + id.length });
  }
  return out;
}

/** True if a messenger is named in the text (used to weigh bare numbers as contact points). */
export function mentionsMessenger(folded: string): boolean {
  return MESSENGER_WORD.test(folded);
}
