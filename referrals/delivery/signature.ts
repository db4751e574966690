/**
 * Standard Webhooks (https://www.standardwebhooks.com) signing and verification, used both ways:
 * notices we send carry `webhook-id` / `webhook-timestamp` / `webhook-signature`, and platforms
 * sign their status reports the same way. The signed content is `${id}.${timestamp}.${body}`, the
 * signature `v1,<base64 HMAC-SHA256>`. Implemented here (a dozen lines) so production code has no
 * dependency; the tests check it against the off-the-shelf `standardwebhooks` library.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretBytes } from '../secrets.ts';

/** How far a timestamp may be from now before a request is refused as stale (replay defence). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretBytes(secret)).update(`${id}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

export function signedHeaders(secret: string, id: string, body: string, now = new Date()): Record<string, string> {
  const ts = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sign(secret, id, ts, body) };
}

export type VerifyFailure = 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature';

/** Checks the three headers against the body; returns what is wrong, or null when it verifies. */
export function verify(
  secret: string,
  headers: { id?: string | undefined; timestamp?: string | undefined; signature?: string | undefined },
  body: string,
  now = new Date(),
): VerifyFailure | null {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return 'missing_headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad_timestamp';
  const ts = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - ts) > TIMESTAMP_TOLERANCE_SECONDS) return 'stale_timestamp';
  const expected = Buffer.from(sign(secret, id, ts, body).slice(3), 'base64');
  // The header may carry several space-separated signatures (secret rotation); any v1 match passes.
  for (const part of signature.split(' ')) {
    const [version, value] = part.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return 'bad_signature';
}
