/**
 * Contact points that tie posts into networks, normalised from the detector's `phone` and
 * `messenger` signals so that every way of writing the same contact gives the same key:
 *
 * - a phone number, `wa.me/<number>`, a Viber or Signal number → `phone:<E.164>`;
 * - `t.me/<handle>`, `telegram.me/<handle>` and an `@handle` next to a messenger name →
 *   `handle:@<lower-case handle>` (messenger handles are case-insensitive, and the service named
 *   near a bare `@handle` is a guess, so the service is not part of the key);
 * - group and invite links (`chat.whatsapp.com/…`, `t.me/+…`, `t.me/joinchat/…`, `signal.group/…`,
 *   `invite.viber.com/…`) and anything else that is not a number or handle →
 *   `link:<host/path, lower-case, without scheme or www>`.
 */
import type { Signal } from '../detector/types.ts';

export type EntityKind = 'phone' | 'handle' | 'link';

export interface Entity {
  key: string;
  kind: EntityKind;
}

const E164 = /^\+\d{7,15}$/;
/** Telegram paths that are invites, not user names. */
const TELEGRAM_INVITE = /^@(?:\+|joinchat$|addstickers$|share$|s$)/;
const GROUP_LINK = /chat\.whatsapp\.com|signal\.group|invite\.viber\.com|t\.me\/(?:\+|joinchat)|telegram\.me\/(?:\+|joinchat)/i;

function linkKey(span: string): string {
  return (
    'link:' +
    span
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .replace(/[.,;:!?)\]]+$/, '')
  );
}

/** The entity a signal names, or undefined for signals that are not contact points. */
export function entityOf(signal: Signal, text: string): Entity | undefined {
  if (signal.type === 'phone') return E164.test(signal.value) ? { key: `phone:${signal.value}`, kind: 'phone' } : undefined;
  if (signal.type !== 'messenger') return undefined;
  const span = text.slice(signal.start, signal.end);
  // The detector's link pattern stops at "/", so `t.me/joinchat/<code>` would lose its code and
  // every invite would collapse into one key: links take the whole run of non-space characters.
  const whole = /^\S+/.exec(text.slice(signal.start))?.[0] ?? span;
  if (GROUP_LINK.test(whole)) return { key: linkKey(whole), kind: 'link' };
  const colon = signal.value.indexOf(':');
  const id = colon >= 0 ? signal.value.slice(colon + 1) : signal.value;
  if (E164.test(id)) return { key: `phone:${id}`, kind: 'phone' };
  if (id.startsWith('@') && !TELEGRAM_INVITE.test(id)) {
    const handle = id.toLowerCase().replace(/\.+$/, '');
    if (/^@[a-z][\w.]{3,31}$/.test(handle)) return { key: `handle:${handle}`, kind: 'handle' };
  }
  return whole.trim() ? { key: linkKey(whole), kind: 'link' } : undefined;
}

/** A post's distinct entities, in key order. */
export function entitiesOf(signals: readonly Signal[], text: string): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const s of signals) {
    const e = entityOf(s, text);
    if (e) byKey.set(e.key, e);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
