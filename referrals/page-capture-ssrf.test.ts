/**
 * Evidence capture cannot be turned against the machine it runs on (real Chromium, real listeners
 * on 127.0.0.1): a post on a listener FETCH_ALLOW_HOSTS does not name is refused and recorded as
 * the evidence's error with nothing contacted; an allowed page that redirects there is refused at
 * the hop; an allowed page whose images, scripts, fetches, frames and WebSockets point there is
 * captured without them. "Nothing contacted" is counted at the TCP level on the internal listener.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts, type AllowedHost } from '../core/net/address-policy.ts';
import { FetchRefused } from '../core/net/safe-fetch.ts';
import { startHarness, type Harness } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { captureEvidence, launchEvidenceBrowser } from './page-capture.ts';

interface Listener {
  server: Server;
  port: number;
  connections: number;
}

async function listen(handler: (url: string, res: import('node:http').ServerResponse) => void): Promise<Listener> {
  const l: Listener = { server: createServer((req, res) => handler(req.url ?? '', res)), port: 0, connections: 0 };
  l.server.on('connection', () => (l.connections += 1));
  l.server.on('upgrade', (_req, socket) => socket.destroy());
  await new Promise<void>((r) => l.server.listen(0, '127.0.0.1', r));
  l.port = (l.server.address() as { port: number }).port;
  return l;
}

describe('evidence capture and the SSRF rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-evidence-ssrf-'));
  let internal: Listener;
  let site: Listener;
  let allowHosts: AllowedHost[];
  let browser: Browser;
  let h: Harness;

  beforeAll(async () => {
    internal = await listen((_u, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>internal admin</h1>'));
    site = await listen((url, res) => {
      const i = `http://127.0.0.1:${internal.port}`;
      if (url === '/to-internal') res.writeHead(302, { location: `${i}/admin` }).end();
      else if (url === '/to-internal-decimal') res.writeHead(301, { location: `http://2130706433:${internal.port}/admin` }).end();
      else if (url === '/moved') res.writeHead(302, { location: '/post' }).end();
      else if (url === '/post')
        res.writeHead(200, { 'content-type': 'text/html' }).end(
          `<html><head><link rel="stylesheet" href="${i}/style.css"><script src="${i}/script.js"></script></head><body>
           <h1>Boat to UK this week</h1>
           <img src="${i}/pixel.png"><img src="/img-to-internal">
           <iframe src="${i}/frame"></iframe>
           <script>
             fetch('${i}/fetch').catch(() => {});
             const x = new XMLHttpRequest(); x.open('GET', '${i}/xhr'); x.send();
             try { new WebSocket('ws://127.0.0.1:${internal.port}/ws'); } catch {}
             navigator.sendBeacon('${i}/beacon', 'x');
           </script></body></html>`,
        );
      else if (url === '/img-to-internal') res.writeHead(302, { location: `${i}/pixel2.png` }).end();
      else res.writeHead(404).end();
    });
    allowHosts = parseAllowHosts(`127.0.0.1:${site.port}`);
    browser = await launchEvidenceBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    for (const l of [internal, site]) await new Promise<void>((r) => l?.server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const capture = (url: string, id: string) => captureEvidence(browser, join(dir, 'direct'), id, url, 'post text', { allowHosts });

  it('refuses a page on a listener that is not allowed, in decimal and IPv6 forms too, before opening anything', async () => {
    const p = internal.port;
    for (const [url, message] of [
      [`http://127.0.0.1:${p}/admin`, 'refused: 127.0.0.1 is a loopback address'],
      [`http://2130706433:${p}/admin`, 'refused: 127.0.0.1 is a loopback address'],
      [`http://[::ffff:127.0.0.1]:${p}/admin`, 'refused: ::ffff:7f00:1 is an IPv6 form of 127.0.0.1, a loopback address'],
      [`file:///etc/passwd`, 'refused: file: URLs are not fetched (http and https only)'],
    ] as const) {
      const err = await capture(url, 'refused').catch((e: unknown) => e);
      expect(err, url).toBeInstanceOf(FetchRefused);
      expect((err as Error).message, url).toBe(message);
    }
    expect(internal.connections).toBe(0);
  });

  it('refuses at the redirect hop when an allowed page redirects to a listener that is not allowed', async () => {
    for (const path of ['/to-internal', '/to-internal-decimal']) {
      const err = await capture(`http://127.0.0.1:${site.port}${path}`, 'hop').catch((e: unknown) => e);
      expect(err, path).toBeInstanceOf(FetchRefused);
      expect((err as Error).message).toBe('refused: 127.0.0.1 is a loopback address');
    }
    expect(internal.connections).toBe(0);
    // An allowed redirect is followed, and the capture names where it ended.
    const moved = await capture(`http://127.0.0.1:${site.port}/moved`, 'moved');
    expect(moved).toMatchObject({ finalUrl: `http://127.0.0.1:${site.port}/post`, httpStatus: 200, error: null });
  });

  it('captures an allowed page while blocking every subresource, script request, frame and socket aimed at the internal listener', async () => {
    const ev = await capture(`http://127.0.0.1:${site.port}/post`, 'subresources');
    expect(ev.error).toBeNull();
    expect(ev.httpStatus).toBe(200);
    expect(readFileSync(ev.files!.html, 'utf8')).toContain('Boat to UK this week');
    expect(readFileSync(ev.files!.screenshot).subarray(1, 4).toString()).toBe('PNG');
    // stylesheet, script, two images (one by redirect), frame, fetch, XHR; the WebSocket is closed unopened.
    expect(ev.blockedRequests).toBeGreaterThanOrEqual(7);
    expect(internal.connections).toBe(0);
  });

  it('records a refused post as the evidence error through the worker, contacts nothing, and still sends the referral', async () => {
    h = await startHarness(
      { workers: ['refer', 'evidence'], api: false },
      {
        EVIDENCE_CAPTURE: 'on',
        EVIDENCE_DIR: join(dir, 'evidence'),
        EXPORT_DIR: join(dir, 'exports'),
        FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
      },
    );
    await h.db.prisma.platform.update({ where: { name: 'youtube' }, data: { deliveryMode: 'export' } });
    const { postId } = (await seedReviewItems(h.db, [{ platform: 'youtube', status: 'confirmed' }]))[0]!;
    await h.db.prisma.post.update({ where: { id: postId }, data: { url: `http://127.0.0.1:${internal.port}/admin` } });
    await h.rt.queues.refer.add('refer', { postId });
    const end = Date.now() + 45_000;
    let r;
    while (!(r = await h.db.prisma.referral.findFirst({ where: { postId, status: 'sent' } }))) {
      if (Date.now() > end) throw new Error('not sent in time');
      await new Promise((res) => setTimeout(res, 200));
    }
    const ev = r.evidence as Record<string, unknown>;
    expect(ev).toMatchObject({ error: 'refused: 127.0.0.1 is a loopback address', finalUrl: null, httpStatus: null, files: null });
    expect((r.notice as { evidence?: { error?: string } }).evidence?.error).toBe('refused: 127.0.0.1 is a loopback address');
    // Refused once, not retried: a refusal is not a failure that could pass.
    expect(r.attempts).toBe(1);
    expect(internal.connections).toBe(0);
  });
});
