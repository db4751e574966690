/**
 * Evidence capture: before a notice goes out, the post's page is opened in Chromium and kept as
 * a full-page screenshot and its HTML, with the final URL, the HTTP status and a SHA-256 of each
 * file and of the post text. Content is often gone by the time anyone asks "what did it show?";
 * the hashes in the notice let a platform or a court check that the files were not changed since.
 * Files go to `<EVIDENCE_DIR>/<referral id>/`.
 *
 * The page is hostile (its URL and scripts come from a post), so the browser makes no request of
 * its own: every request it makes (navigation, redirect hops, subresources, scripts' fetches,
 * frames) is intercepted and answered by the SSRF-safe fetcher in Node, which refuses internal
 * addresses; WebSockets and service workers are blocked, and the browser runs without a network of
 * its own (core/chromium.ts). A refused page URL throws FetchRefused before anything is contacted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Route } from 'playwright-core';
import type { AllowedHost } from '../core/net/address-policy.ts';
import { checkTarget, FetchFailed, FetchRefused, safeFetch } from '../core/net/safe-fetch.ts';
import { sha256 } from './deliver.ts';

export { launchEvidenceBrowser } from '../core/chromium.ts';

export interface EvidenceRecord {
  capturedAt: string;
  finalUrl: string | null;
  httpStatus: number | null;
  screenshotSha256: string | null;
  htmlSha256: string | null;
  textSha256: string;
  files: { screenshot: string; html: string } | null;
  error: string | null;
  /** Requests of the page that were refused (internal addresses, other schemes); the page is captured without them. */
  blockedRequests?: number;
}

/** The page could not be loaded; the message is generic (no socket errors, no internal detail). */
export class CaptureFailed extends Error {
  override readonly name = 'CaptureFailed';
}

export interface CaptureOptions {
  /** FETCH_ALLOW_HOSTS (config.fetchAllowHosts). */
  allowHosts: readonly AllowedHost[];
  /** Per resource the page loads; default 10 MiB (larger ones are cut). */
  maxResourceBytes?: number;
  /** Whole page load; default 30 s. */
  timeoutMs?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Response headers Chromium must not see: the body is already decoded and its length is known. */
const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Opens `url` and stores the capture. Throws FetchRefused when the page URL (or a redirect hop of
 * the main page) is refused, CaptureFailed when the page could not be loaded.
 */
export async function captureEvidence(
  browser: Browser,
  dir: string,
  referralId: string,
  url: string,
  postText: string,
  opts: CaptureOptions,
): Promise<EvidenceRecord> {
  // Refuse before a page is opened: nothing is contacted for an internal URL.
  await checkTarget(url, opts.allowHosts).catch((err: unknown) => {
    throw err instanceof FetchRefused ? err : new CaptureFailed(`page could not be loaded: ${(err as Error).message}`);
  });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const folder = resolve(dir, referralId);
  await mkdir(folder, { recursive: true });
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block', acceptDownloads: false });
  let blocked = 0;
  /** Where the main page's last answer redirected to; navigated to next (and so checked). */
  let nextHop: string | null = null;
  /** Why the top-level navigation (or one of its redirect hops) was not answered. */
  let mainFailure: Error | null = null;
  try {
    await context.routeWebSocket(/.*/, (ws) => ws.close({ code: 1008, reason: 'blocked' }));
    const page = await context.newPage();
    await context.route('**/*', async (route: Route) => {
      const req = route.request();
      const isMain = req.isNavigationRequest() && req.frame() === page.mainFrame();
      let res;
      try {
        res = await safeFetch(req.url(), {
          allowHosts: opts.allowHosts,
          method: req.method(),
          headers: req.headers(),
          body: req.postDataBuffer() ?? undefined,
          // Playwright lets the browser follow a redirect it was handed without routing the next hop,
          // so redirects never reach the browser: the main page's hops are navigated one by one below,
          // everything else is followed here (each hop checked).
          redirect: isMain ? 'manual' : 'follow',
          maxBodyBytes: opts.maxResourceBytes ?? 10 * 1024 * 1024,
          timeoutMs,
        });
      } catch (err) {
        const known = err instanceof FetchRefused || err instanceof FetchFailed;
        if (isMain) mainFailure = known ? err : new FetchFailed('network error');
        if (err instanceof FetchRefused) blocked += 1;
        // The context may already be closing (capture done); nothing is left to answer then.
        await route.abort(err instanceof FetchRefused ? 'blockedbyclient' : 'failed').catch(() => undefined);
        return;
      }
      const location = res.headers.location;
      if (isMain && REDIRECTS.has(res.status) && typeof location === 'string') {
        if (!URL.canParse(location, req.url())) {
          mainFailure = new FetchFailed('bad redirect location');
          await route.abort('failed').catch(() => undefined);
          return;
        }
        nextHop = new URL(location, req.url()).href;
        const cookies = res.headers['set-cookie'];
        await route
          .fulfill({ status: 200, headers: cookies ? { 'set-cookie': [cookies].flat().join('\n') } : {}, body: '' })
          .catch(() => undefined);
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (DROPPED_RESPONSE_HEADERS.has(k) && (k !== 'content-encoding' || res.decoded)) continue;
        // A Location the browser would follow by itself (unrouted) never reaches it.
        if (k === 'location' && res.status >= 300 && res.status < 400) continue;
        headers[k] = Array.isArray(v) ? v.join(k === 'set-cookie' ? '\n' : ', ') : v;
      }
      await route.fulfill({ status: res.status, headers, body: res.body }).catch(() => undefined);
    });
    let response;
    for (let target = url, hop = 0; ; hop++) {
      nextHop = null;
      try {
        response = await page.goto(target, { waitUntil: 'load', timeout: timeoutMs });
      } catch (err) {
        const failure = mainFailure as Error | null;
        if (failure instanceof FetchRefused) throw failure;
        if (failure) throw new CaptureFailed(`page could not be loaded: ${failure.message}`);
        throw new CaptureFailed(
          /Timeout/i.test((err as Error).message) ? 'page could not be loaded: timed out' : 'page could not be loaded',
        );
      }
      const next = nextHop as string | null;
      if (next === null) break;
      if (hop >= MAX_REDIRECTS) throw new CaptureFailed('page could not be loaded: too many redirects');
      target = next;
    }
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
    const html = await page.content();
    const files = { screenshot: join(folder, 'screenshot.png'), html: join(folder, 'page.html') };
    await writeFile(files.screenshot, screenshot);
    await writeFile(files.html, html, 'utf8');
    return {
      capturedAt: new Date().toISOString(),
      finalUrl: page.url(),
      httpStatus: response?.status() ?? null,
      screenshotSha256: sha256(screenshot),
      htmlSha256: sha256(Buffer.from(html, 'utf8')),
      textSha256: sha256(postText),
      files,
      error: null,
      blockedRequests: blocked,
    };
  } finally {
    await context.close();
  }
}
