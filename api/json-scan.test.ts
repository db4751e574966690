import { describe, expect, it } from 'vitest';
import { JsonScan, MAX_JSON_DEPTH } from './json-scan.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const scanOf = (...chunks: string[]) => {
  const scan = new JsonScan();
  let at = -1;
  for (const c of chunks) if ((at = scan.push(bytes(c))) >= 0) break;
  return { scan, at };
};

describe('JsonScan', () => {
  it(`allows ${MAX_JSON_DEPTH} levels of nesting and stops at the first byte past them`, () => {
    expect(scanOf('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).at).toBe(-1);
    expect(scanOf('{"a":' + '['.repeat(MAX_JSON_DEPTH)).at).toBe(5 + MAX_JSON_DEPTH - 1);
    // Depth is tracked across chunks, and brackets that close do not add up.
    expect(scanOf('[[]]'.repeat(40), '['.repeat(30)).at).toBe(-1);
    expect(scanOf('['.repeat(40), '['.repeat(30)).at).toBe(MAX_JSON_DEPTH);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    expect(scanOf(`{"a":"${'['.repeat(100)}"}`).at).toBe(-1);
    expect(scanOf(`{"a":"\\"${'['.repeat(100)}"}`).at).toBe(-1);
    expect(scanOf(`{"a":"\\\\"}`, '['.repeat(100)).at).toBeGreaterThan(0);
  });

  it('notes \\u0000 and surrogate escapes inside strings, split across chunks too, but not an escaped backslash before u0000', () => {
    expect(scanOf('{"a":"x\\u00', '00y"}').scan.sawNul).toBe(true);
    expect(scanOf('{"a":"x\\\\u0000y"}').scan.sawNul).toBe(false);
    expect(scanOf('{"a":"\\uD83D\\uDE00"}').scan.sawSurrogate).toBe(true);
    expect(scanOf('{"a":"\\u00e9"}').scan).toMatchObject({ sawNul: false, sawSurrogate: false });
  });
});
