import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eldDatabasePath, parseEldDatabase, readEldDatabase } from './eld-data.ts';

interface EldData {
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}
// The evaluated module, as eld itself loads it: what the text scan must reproduce.
const { ngramsData } = (await import(new URL('../ngrams/medium.js', import.meta.resolve('eld/medium')).href)) as { ngramsData: EldData };

describe('readEldDatabase', () => {
  it("gives, for our languages, exactly the rows and scores of eld's evaluated database", () => {
    const wanted = ['en', 'fr', 'ar', 'fa', 'sq', 'vi', 'tr'];
    const rows = readEldDatabase(wanted);
    const ids = Object.keys(ngramsData.languages)
      .map(Number)
      .filter((id) => wanted.includes(ngramsData.languages[id]!))
      .sort((a, b) => a - b);
    expect(rows.ids).toEqual(ids);
    expect(rows.codes).toEqual(ids.map((id) => ngramsData.languages[id]));

    const want = new Map<string, (number | undefined)[]>();
    for (const [key, per] of Object.entries(ngramsData.ngrams)) {
      const scores = ids.map((id) => per[id]);
      if (scores.some((v) => v !== undefined)) want.set(key, scores);
    }
    const got = new Map(rows.keys.map((k, r) => [k, rows.scores[r]!]));
    expect(got.size).toBe(rows.keys.length); // no key twice
    expect(got.size).toBe(want.size);
    const differing = [...want].filter(([k, s]) => JSON.stringify(got.get(k)) !== JSON.stringify(s));
    expect(differing).toEqual([]);
    // Keys with escaped quotes are among them (the scan handles `\'`).
    expect(rows.keys.some((k) => k.includes("'"))).toBe(true);
  });

  it('rejects text that is not in the database shape, naming the offset', () => {
    const text = readFileSync(eldDatabasePath(), 'utf8');
    expect(() => parseEldDatabase('export const other = {}', ['en'], 'x.js')).toThrow(/x\.js: .*offset/);
    const broken = text.replace(/,ngrams:\{/, ',ngrams:{"dq":{1:2},');
    expect(() => parseEldDatabase(broken, ['en'], 'x.js')).toThrow(/x\.js: unexpected eld database text at offset \d+/);
    const truncated = text.slice(0, text.length - 200);
    expect(() => parseEldDatabase(truncated, ['en'], 'x.js')).toThrow(/x\.js/);
  });
});
