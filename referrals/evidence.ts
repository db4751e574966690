/**
 * Evidence capture: before a notice goes out, the post's page is opened in Chromium and kept as
 * a full-page screenshot and its HTML, with the final URL, the HTTP status and a SHA-256 of each
 * file and of the post text. Content is often gone by the time anyone asks "what did it show?";
 * the hashes in the notice let a platform or a court check that the files were not changed since.
 * Files go to `<EVIDENCE_DIR>/<referral id>/`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { sha256 } from './deliver.ts';

export { launchBrowser } from '../core/chromium.ts';

export interface EvidenceRecord {
  capturedAt: string;
  finalUrl: string | null;
  httpStatus: number | null;
  screenshotSha256: string | null;
  htmlSha256: string | null;
  textSha256: string;
  files: { screenshot: string; html: string } | null;
  error: string | null;
}

/** Opens `url` and stores the capture; throws when the page could not be loaded at all. */
export async function captureEvidence(browser: Browser, dir: string, referralId: string, url: string, postText: string): Promise<EvidenceRecord> {
  const folder = resolve(dir, referralId);
  await mkdir(folder, { recursive: true });
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
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
    };
  } finally {
    await context.close();
  }
}
