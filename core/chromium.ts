import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from './config.ts';

/** Debian/Ubuntu's Chromium (`apt-get install chromium`): playwright's own download cannot run on every machine. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const HOW_TO_GET_CHROMIUM = 'apt-get install chromium (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary, or npx playwright-core install chromium';

/** Without the background-networking flags Chromium keeps dialling Google services a closed network refuses. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

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

/** Headless Chromium for evidence capture and the browser tests. */
export async function launchBrowser(configured: string | undefined = loadConfig().chromiumPath): Promise<Browser> {
  const found = findChromium(configured);
  if ('missing' in found) throw new Error(`Chromium not found: ${found.missing}; ${HOW_TO_GET_CHROMIUM}`);
  return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
}
