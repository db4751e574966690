import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: playwright's own browser download cannot run on these machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling Google services a closed network refuses. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Fail-closed networking for a browser that must reach nothing by itself: every request is meant
 * to be intercepted and answered from Node (referrals/evidence.ts), so whatever interception cannot
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

/**
 * Headless Chromium for the browser tests (pages on this machine). Loopback is reached directly
 * (Chromium never proxies it unless told to); anything else goes to the dead proxy, so a page
 * cannot make the test suite reach out.
 */
export async function launchBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium (.ci/run installs it)`);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--proxy-server=http://127.0.0.1:1'] });
}

/** Headless Chromium for evidence capture: no network of its own (see CHROMIUM_NO_NETWORK_ARGS). */
export async function launchEvidenceBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium (.ci/run installs it)`);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...CHROMIUM_NO_NETWORK_ARGS] });
}
