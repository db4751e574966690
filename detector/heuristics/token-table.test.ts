import { describe, expect, it } from 'vitest';
import { lexiconMatcher } from './lexicon.ts';
import { PhraseMatcher } from './matcher.ts';
import { MAX_TOKENS, intern, tokenGeneration, tokenWord } from './token-table.ts';
import { tokenize } from './tokenize.ts';

const POST = 'safe boat to the uk, 100% guaranteed, whatsapp now emj_boat قارب x';

/** Starts a new table generation, then fills it to `leave` tokens short of starting over again. */
function fillTable(leave: number): void {
  const gen = tokenGeneration();
  for (let i = 0; tokenGeneration() === gen; i++) intern(`fill${gen}_${i}`);
  // The new generation holds the one token that started it.
  for (let k = 0; k < MAX_TOKENS - 1 - leave; k++) intern(`edge${gen}_${k}`);
}

describe('token table', () => {
  it('gives equal tokens one id and one string, different tokens different ids', () => {
    const t = tokenize('boat Boat boat bot');
    expect(t.ids[0]).toBe(t.ids[2]);
    expect(t.ids[0]).not.toBe(t.ids[3]);
    for (let i = 0; i < t.words.length; i++) expect(tokenWord(t.ids[i]!)).toBe(t.words[i]);
    expect(t.generation).toBe(tokenGeneration());
  });

  it('matches the same after the table starts over, and when it starts over mid-post', () => {
    const before = tokenize(POST);
    const want = lexiconMatcher()
      .match(before)
      .map((m) => [m.from, m.to, m.payload.type]);
    expect(want.length).toBeGreaterThanOrEqual(2);

    // Tokens from a previous generation are re-interned by the matcher.
    fillTable(0);
    expect(before.generation).not.toBe(tokenGeneration());
    expect(
      lexiconMatcher()
        .match(before)
        .map((m) => [m.from, m.to, m.payload.type]),
    ).toEqual(want);

    // A post whose own tokens overflow the table: ids are redone in the new generation.
    fillTable(3);
    const gen = tokenGeneration();
    const straddling = tokenize(`${POST} fresh1 fresh2 fresh3 fresh4 fresh5`);
    expect(tokenGeneration()).toBe(gen + 1);
    expect(straddling.generation).toBe(tokenGeneration());
    for (let i = 0; i < straddling.words.length; i++) expect(tokenWord(straddling.ids[i]!)).toBe(straddling.words[i]);
    expect(
      lexiconMatcher()
        .match(straddling)
        .map((m) => [m.from, m.to, m.payload.type]),
    ).toEqual(want);
  });

  it('a matcher sees entries added after it has cached hits for a token', () => {
    const m = new PhraseMatcher<string>();
    m.add('safe', 'safe');
    const t = tokenize('safe boat now');
    expect(m.match(t).map((x) => x.payload)).toEqual(['safe']);
    m.add('boat', 'boat');
    expect(m.match(t).map((x) => x.payload)).toEqual(['safe', 'boat']);
  });
});
