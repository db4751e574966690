/**
 * Webhook delivery: POSTs the notice as JSON, signed per Standard Webhooks. The webhook-id is the
 * referral's idempotency key, constant across retries, so a receiver that dedupes on it acts once
 * however often we retry. The answer is classified so the queue knows whether to retry: network
 * errors, 408, 429 and 5xx are transient; other 4xx mean the receiver refuses this notice and
 * retrying the same bytes cannot help. The URL goes through the SSRF-safe fetcher like every
 * server-side fetch: an internal address is refused (permanently) unless FETCH_ALLOW_HOSTS lists it,
 * and redirects are not followed.
 */
import type { AllowedHost } from '../../core/net/address-policy.ts';
import { FetchRefused, safeFetch, type SafeResponse } from '../../core/net/safe-fetch.ts';
import { signedHeaders } from './signature.ts';

export type WebhookResult =
  { ok: true; status: number; body: string } | { ok: false; permanent: boolean; status: number | null; error: string };

export async function sendWebhook(
  url: string,
  secret: string | null,
  webhookId: string,
  payload: unknown,
  allowHosts: readonly AllowedHost[],
  timeoutMs = 15_000,
): Promise<WebhookResult> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'tidewatch-referrals/1' };
  if (secret) Object.assign(headers, signedHeaders(secret, webhookId, body));
  else headers['webhook-id'] = webhookId;
  let res: SafeResponse;
  try {
    res = await safeFetch(url, { method: 'POST', headers, body, allowHosts, timeoutMs, redirect: 'manual', maxBodyBytes: 64 * 1024 });
  } catch (err) {
    if (err instanceof FetchRefused) return { ok: false, permanent: true, status: null, error: `webhook ${err.message}` };
    return { ok: false, permanent: false, status: null, error: `request to webhook failed: ${(err as Error).message}` };
  }
  const text = res.body.toString('utf8');
  if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, body: text.slice(0, 4_096) };
  if (res.status >= 300 && res.status < 400)
    return {
      ok: false,
      permanent: true,
      status: res.status,
      error: `webhook answered ${res.status}: redirects are not followed; set the platform's webhook URL to the final address`,
    };
  const transient = res.status === 408 || res.status === 429 || res.status >= 500;
  return { ok: false, permanent: !transient, status: res.status, error: `webhook answered ${res.status}: ${text.slice(0, 200)}` };
}

/** A platform may answer a notice with its ticket id right away: `{ "ticketId": "..." }`. */
export function ticketIdFrom(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { ticketId?: unknown };
    return typeof parsed.ticketId === 'string' && parsed.ticketId.length > 0 && parsed.ticketId.length <= 200 ? parsed.ticketId : undefined;
  } catch {
    return undefined;
  }
}
