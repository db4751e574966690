import { describe, expect, it } from 'vitest';
import { directionOf, languageTagOf, truncateGraphemes } from './direction.ts';

describe('directionOf', () => {
  it('is right to left for Arabic, Persian, Pashto and Sorani in Arabic script', () => {
    for (const tag of ['ar', 'fa', 'ps', 'ckb', 'fa-Arab', 'ckb-IQ', 'ar-Arab-EG']) expect(directionOf(tag)).toBe('rtl');
  });
  it('is left to right for their romanised forms and for Latin-script languages', () => {
    for (const tag of ['fa-Latn', 'ar-Latn', 'ps-Latn', 'ckb-Latn', 'en', 'kmr', 'tr', 'vi', 'sq', 'fr'])
      expect(directionOf(tag)).toBe('ltr');
  });
  it('leaves undetermined or missing languages to the text', () => {
    expect(directionOf('und')).toBe('auto');
    expect(directionOf(undefined)).toBe('auto');
    expect(directionOf('')).toBe('auto');
  });
  it('takes the detector tag only when it refines the language', () => {
    expect(languageTagOf('fa', 'fa-Latn')).toBe('fa-Latn');
    expect(languageTagOf('fa', 'ar')).toBe('fa');
    expect(languageTagOf('en', null)).toBe('en');
  });
});

describe('truncateGraphemes', () => {
  it('keeps short text as it is', () => {
    expect(truncateGraphemes('قایق 🚤', 10)).toBe('قایق 🚤');
    expect(truncateGraphemes('abc', 3)).toBe('abc');
  });
  it('never splits an emoji, a flag or a family sequence', () => {
    const family = '👨‍👩‍👧';
    // 116 letters, then a 2-unit emoji that `.slice(0, 117)` used to cut in half.
    const cut = truncateGraphemes(`${'a'.repeat(116)}🚤${family}🇬🇧 more text`, 119);
    expect(cut).toBe(`${'a'.repeat(116)}🚤${family}…`);
    expect(truncateGraphemes(`🇬🇧🇫🇷🇩🇪🇮🇹`, 3)).toBe('🇬🇧🇫🇷…');
    expect(truncateGraphemes('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
  });
});
