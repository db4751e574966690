import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSplit } from '../model/corpus.ts';
import { DIGIT_ARABIC_INDIC, DIGIT_ASCII, DIGIT_PERSIAN, foldForExtraction } from './entity-fold.ts';

/** The definition: each unit on its own (ASCII capitals, Eastern digits, Arabic separators, ＋). */
function reference(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r = c;
    if (c >= 65 && c <= 90) r = c + 32;
    else if (c >= 0x660 && c <= 0x669) r = 48 + c - 0x660;
    else if (c >= 0x6f0 && c <= 0x6f9) r = 48 + c - 0x6f0;
    else if (c === 0x66c) r = 44;
    else if (c === 0x66b) r = 46;
    else if (c === 0xff0b) r = 43;
    out += String.fromCharCode(r);
  }
  return out;
}
const digitBits = (t: string) =>
  (/\d/.test(t) ? DIGIT_ASCII : 0) | (/[٠-٩]/.test(t) ? DIGIT_ARABIC_INDIC : 0) | (/[۰-۹]/.test(t) ? DIGIT_PERSIAN : 0);

describe('foldForExtraction', () => {
  it('folds each unit on its own, whichever way it builds the string, and notes the digit scripts', () => {
    const same = (t: string) => {
      const { folded, digits } = foldForExtraction(t);
      return folded === reference(t) && digits === digitBits(t);
    };
    const corpus = readSplit('test').map((p) => p.text);
    expect(corpus.filter((t) => !same(t))).toEqual([]);
    for (const t of ['CALL +44 7700', 'ÉCOLE Paris', 'ΣΟΦΟΣ Σ', 'İSTANBUL', '𐐀 Deseret', '٠٧٧٠ ۰۹۱۲ ١٬٥٠٠', 'ＫＩＮＧ＋', 'plain']) {
      expect(same(t), t).toBe(true);
    }
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), same), {
      numRuns: 3000,
    });
  });
});
