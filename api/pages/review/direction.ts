/**
 * Text direction and safe shortening for post text on the review pages. Direction comes from the
 * detected language, never from the first strong character (`dir="auto"`): a Persian post that
 * starts with an emoji and an English highlight label would otherwise be laid out left to right.
 */

/** Languages written right to left in their usual script (Arabic script unless tagged otherwise). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'ps', 'ckb', 'ur', 'sd', 'ug', 'he', 'yi', 'dv']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm']);

export type Direction = 'rtl' | 'ltr' | 'auto';

/**
 * Direction for a BCP 47 tag as the detector stores it ("fa", "fa-Latn", "ckb"). A script subtag
 * wins over the language ("fa-Latn", Finglish, is left to right); "und" or nothing: "auto".
 */
export function directionOf(tag: string | null | undefined): Direction {
  if (!tag) return 'auto';
  const parts = tag.split(/[-_]/);
  const language = parts[0]!.toLowerCase();
  const script = parts.slice(1).find((p) => /^[A-Za-z]{4}$/.test(p));
  if (script) {
    const s = script[0]!.toUpperCase() + script.slice(1).toLowerCase();
    return RTL_SCRIPTS.has(s) ? 'rtl' : 'ltr';
  }
  if (language === 'und' || language === '') return 'auto';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The tag to put in `lang`: the detector's tag when it refines the post's language ("fa-Latn"), else the language. */
export function languageTagOf(language: string, detectedTag: string | null | undefined): string {
  return detectedTag && detectedTag.startsWith(`${language}-`) ? detectedTag : language;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * At most `max` user-perceived characters (grapheme clusters), ending in "…" when cut, so an
 * emoji, a flag or a letter with its combining marks is never split into "�".
 */
export function truncateGraphemes(text: string, max: number): string {
  const out: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (out.length === max) {
      out.pop();
      return `${out.join('').trimEnd()}…`;
    }
    out.push(segment);
  }
  return text;
}
