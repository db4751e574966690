/**
 * Export delivery, for platforms without an intake API: notices are written to a folder as a
 * bundle an operator uploads through the platform's web form or sends by email — `notices.json`
 * (the full notices) and `notices.csv` (one row per notice, the fields a form asks for). A bundle
 * is named by platform and batch so re-running the same batch rewrites the same files.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toCsv } from '../../core/csv.ts';
import type { Notice } from '../notice.ts';

const CSV_COLUMNS = [
  'noticeId',
  'url',
  'puid',
  'accountId',
  'category',
  'legalGround',
  'explanation',
  'notifierName',
  'notifierEmail',
  'trustedFlaggerId',
  'screenshotSha256',
  'htmlSha256',
  'textSha256',
  'summary',
  'text',
] as const;

export function noticesCsv(notices: Notice[]): string {
  const rows = notices.map((n) => [
    n.noticeId,
    n.content.url,
    n.content.puid,
    n.content.accountId,
    n.classification.category,
    n.illegality.legalGround,
    n.illegality.explanation,
    n.notifier.name,
    n.notifier.email,
    n.notifier.trustedFlaggerId,
    n.evidence?.screenshotSha256,
    n.evidence?.htmlSha256,
    n.content.textSha256,
    // Last, so forms that map the first columns keep working: what a person reads first.
    n.summary,
    n.content.text,
  ]);
  return toCsv(CSV_COLUMNS, rows, { crlf: true });
}

/** Writes (atomically, via rename) `<dir>/<platform>/<bundle>/notices.{json,csv}`; returns the folder. */
export async function writeExportBundle(dir: string, platform: string, bundle: string, notices: Notice[]): Promise<string> {
  const folder = join(dir, platform, bundle);
  await mkdir(folder, { recursive: true });
  const files: [string, string][] = [
    ['notices.json', `${JSON.stringify({ platform, bundle, count: notices.length, notices }, null, 2)}\n`],
    ['notices.csv', noticesCsv(notices)],
  ];
  for (const [name, content] of files) {
    const tmp = join(folder, `.${name}.${process.pid}.tmp`);
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, join(folder, name));
  }
  return folder;
}
