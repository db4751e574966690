/**
 * Takedown verification: is a referred URL still serving the content? Platforms rarely answer 404
 * for removed posts — many answer 200 with a "this content isn't available" page — so "offline"
 * is decided from the HTTP status (404, 410, 451) OR the platform's configured patterns matching
 * the page. Other errors (5xx, network) are "unknown": a flaky check must not count as a removal.
 * The URL comes from a post, so it is fetched through the SSRF-safe fetcher (core/net/safe-fetch.ts):
 * every hop checked, at most `maxBodyBytes` read; a refused URL is "unknown" with the refusal as reason.
 */
import type { AllowedHost } from '../core/net/address-policy.ts';
import { FetchFailed, FetchRefused, safeFetch, type SafeResponse } from '../core/net/safe-fetch.ts';

export type Liveness = { state: 'online' | 'offline' | 'unknown'; httpStatus: number | null; finalUrl: string | null; reason: string };

const OFFLINE_STATUSES = new Set([404, 410, 451]);

export interface LivenessOptions {
  /** FETCH_ALLOW_HOSTS (config.fetchAllowHosts). */
  allowHosts: readonly AllowedHost[];
  timeoutMs?: number;
  /** How much of the page is read for the offline patterns; default 256 KiB. */
  maxBodyBytes?: number;
}

export async function checkLiveness(url: string, offlinePatterns: readonly string[], opts: LivenessOptions): Promise<Liveness> {
  let res: SafeResponse;
  try {
    res = await safeFetch(url, {
      allowHosts: opts.allowHosts,
      timeoutMs: opts.timeoutMs ?? 15_000,
      maxBodyBytes: opts.maxBodyBytes ?? 256 * 1024,
      headers: { 'user-agent': 'tidewatch-liveness/1' },
    });
  } catch (err) {
    if (err instanceof FetchRefused) return { state: 'unknown', httpStatus: null, finalUrl: null, reason: err.message };
    if (err instanceof FetchFailed) return { state: 'unknown', httpStatus: null, finalUrl: null, reason: `fetch failed: ${err.message}` };
    throw err;
  }
  const body = res.body.toString('utf8');
  const ok = res.status >= 200 && res.status < 300;
  if (OFFLINE_STATUSES.has(res.status))
    return { state: 'offline', httpStatus: res.status, finalUrl: res.url, reason: `HTTP ${res.status}` };
  for (const p of offlinePatterns) {
    if (new RegExp(p, 'i').test(body))
      return { state: 'offline', httpStatus: res.status, finalUrl: res.url, reason: `page matches /${p}/i` };
  }
  if (!ok) return { state: 'unknown', httpStatus: res.status, finalUrl: res.url, reason: `HTTP ${res.status}` };
  return { state: 'online', httpStatus: res.status, finalUrl: res.url, reason: `HTTP ${res.status}` };
}
