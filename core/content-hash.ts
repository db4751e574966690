import { createHash } from 'node:crypto';

/**
 * Canonical form for spotting re-uploads: compatibility-normalised, case-folded, with digits of
 * every script folded to ASCII and all punctuation, emoji and spacing removed (currency signs kept), so that a copy
 * with different emoji, line breaks or punctuation still matches.
 */
export function canonicalText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u064b-\u065f\u0670\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[^\p{L}\p{N}\p{Sc}]+/gu, '');
}

/** SHA-256 (hex) of the canonical text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(canonicalText(text)).digest('hex');
}
