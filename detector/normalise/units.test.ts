import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitsToString } from './units.ts';

const reference = (u: Uint16Array, len: number) => String.fromCharCode(...u.subarray(0, len));

describe('unitsToString', () => {
  it('gives exactly String.fromCharCode of the units: lone surrogates, BOM, U+FFFD, long runs', () => {
    const cases = [
      'plain ascii text long enough to go through the decoder path, plain ascii text',
      '\ufeffleading BOM must stay leading BOM must stay leading BOM must stay here',
      'lone \ud800 high and \udc00 low surrogates, and a pair 🚤, in a long enough string',
      'a real replacement char \ufffd in a long enough string for the decoder path ....',
      'short',
      'x'.repeat(10_000),
    ];
    for (const s of cases) {
      const u = Uint16Array.from(s, (_, i) => s.charCodeAt(i));
      const units = new Uint16Array(s.length + 5).fill(0x41);
      for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
      expect(unitsToString(units, s.length)).toBe(s);
      expect(unitsToString(u, s.length)).toBe(reference(u, s.length));
    }
  });

  it('on arbitrary code units', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }), (codes) => {
        const u = Uint16Array.from(codes);
        return unitsToString(u, u.length) === String.fromCharCode(...codes);
      }),
      { numRuns: 2000 },
    );
  });
});
