import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from './config.ts';

/** Debian/Ubuntu's Chromium (`apt-get install chromium`): playwright's own download cannot run on every machine. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const HOW_TO_GET_CHROMIUM =
  'apt-get install chromium (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary, or npx playwright-core install chromium';

/** Without the background-networking flags Chromium keeps dialling Google services a closed network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Fail-closed networking for a browser that must reach nothing by itself: every request is meant
 * to be intercepted and answered from Node (referrals/page-capture.ts), so whatever interception cannot
 * see goes to a proxy that does not exist (127.0.0.1:1, loopback included via `<-loopback>`), no
 * host name resolves inside Chromium, and WebRTC may not send UDP around the proxy.
 */
export const CHROMIUM_NO_NETWORK_ARGS = [
  '--proxy-server=http://127.0.0.1:1',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--dns-prefetch-disable',
];

export type ChromiumLookup = { path: string } | { missing: string };

/**
 * The browser evidence capture and the browser tests use: CHROMIUM_PATH when set (and then only
 * it), else the system Chromium, else a Playwright-managed one where it was installed.
 */
export function findChromium(configured: string | undefined): ChromiumLookup {
  if (configured) return existsSync(configured) ? { path: configured } : { missing: `CHROMIUM_PATH=${configured} does not exist` };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM };
  const managed = chromium.executablePath();
  if (managed && existsSync(managed)) return { path: managed };
  return { missing: `no Chromium at ${SYSTEM_CHROMIUM}${managed ? ` or ${managed}` : ''}` };
}

async function launch(configured: string | undefined, extraArgs: readonly string[]): Promise<Browser> {
  const found = findChromium(configured);
  if ('missing' in found) throw new Error(`Chromium not found: ${found.missing}; ${HOW_TO_GET_CHROMIUM}`);
  return chromium.launch({ executablePath: found.path, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Headless Chromium for the browser tests (pages on this machine). Loopback is reached directly
 * (Chromium never proxies it unless told to); anything else goes to the dead proxy, so a page
 * cannot make the test suite reach out.
 */
export async function launchBrowser(configured: string | undefined = loadConfig().chromiumPath): Promise<Browser> {
  return launch(configured, ['--proxy-server=http://127.0.0.1:1']);
}

/** Headless Chromium for evidence capture: no network of its own (see CHROMIUM_NO_NETWORK_ARGS). */
export async function launchEvidenceBrowser(configured: string | undefined = loadConfig().chromiumPath): Promise<Browser> {
  return launch(configured, CHROMIUM_NO_NETWORK_ARGS);
}
