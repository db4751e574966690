/**
 * Evidence files a platform may download: only the two files the capture wrote, named by the
 * evidence record on the referral, and only inside `EVIDENCE_DIR/<referral id>/`. The file name
 * from the request picks one of them; it never becomes part of a path.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Db } from '../core/db/index.ts';
import { DomainError } from '../core/errors.ts';

export const EVIDENCE_FILES = ['screenshot.png', 'page.html'] as const;
export type EvidenceFileName = (typeof EVIDENCE_FILES)[number];

interface StoredFiles {
  files?: { screenshot?: string; html?: string } | null;
}

/** The downloadable file names an evidence record holds. */
export function evidenceFileNames(evidence: unknown): EvidenceFileName[] {
  const files = (evidence as StoredFiles | null)?.files;
  if (!files) return [];
  return [...(files.screenshot ? (['screenshot.png'] as const) : []), ...(files.html ? (['page.html'] as const) : [])];
}

/**
 * Reads one evidence file of a referral. `platformId`: the caller's platform (null = any, admins);
 * another platform's referral is `not_found`, so its existence is not revealed.
 */
export async function readEvidenceFile(
  db: Db,
  evidenceDir: string,
  referralId: string,
  file: string,
  platformId: number | null,
): Promise<{ bytes: Buffer; contentType: string; name: EvidenceFileName }> {
  const missing = () => new DomainError('not_found', `no evidence file ${file} for referral ${referralId}`);
  if (!/^[0-9a-f-]{36}$/i.test(referralId) || !(EVIDENCE_FILES as readonly string[]).includes(file)) throw missing();
  const [row] = await db.query<{ platformId: number; evidence: StoredFiles | null }>`
    SELECT "platformId", evidence FROM "Referral" WHERE id = ${referralId}::uuid`;
  if (!row || (platformId !== null && row.platformId !== platformId)) throw missing();
  const stored = file === 'screenshot.png' ? row.evidence?.files?.screenshot : row.evidence?.files?.html;
  if (!stored) throw missing();
  // The record is ours, but a path outside the referral's folder is refused all the same.
  const folder = resolve(evidenceDir, referralId) + sep;
  const path = resolve(stored);
  if (!path.startsWith(folder)) throw missing();
  const bytes = await readFile(path).catch(() => {
    throw missing();
  });
  return { bytes, contentType: file === 'screenshot.png' ? 'image/png' : 'application/octet-stream', name: file as EvidenceFileName };
}
