/**
 * Takedown verification: is a referred URL still serving the content? Platforms rarely answer 404
 * for removed posts — many answer 200 with a "this content isn't available" page — so "offline"
 * is decided from the HTTP status (404, 410, 451) OR the platform's configured patterns matching
 * the page. Other errors (5xx, network) are "unknown": a flaky check must not count as a removal.
 */
export type Liveness = { state: 'online' | 'offline' | 'unknown'; httpStatus: number | null; finalUrl: string | null; reason: string };

const OFFLINE_STATUSES = new Set([404, 410, 451]);

export async function checkLiveness(url: string, offlinePatterns: readonly string[], timeoutMs = 15_000): Promise<Liveness> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'tidewatch-liveness/1' } });
  } catch (err) {
    return { state: 'unknown', httpStatus: null, finalUrl: null, reason: `fetch failed: ${(err as Error).message}` };
  }
  const body = await res.text().catch(() => '');
  if (OFFLINE_STATUSES.has(res.status)) return { state: 'offline', httpStatus: res.status, finalUrl: res.url, reason: `HTTP ${res.status}` };
  for (const p of offlinePatterns) {
    if (new RegExp(p, 'i').test(body)) return { state: 'offline', httpStatus: res.status, finalUrl: res.url, reason: `page matches /${p}/i` };
  }
  if (!res.ok) return { state: 'unknown', httpStatus: res.status, finalUrl: res.url, reason: `HTTP ${res.status}` };
  return { state: 'online', httpStatus: res.status, finalUrl: res.url, reason: `HTTP ${res.status}` };
}
