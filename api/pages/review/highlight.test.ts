import { describe, expect, it } from 'vitest';
import { glossOf, highlightRuns, ltrIslands, signalLabel } from './highlight.ts';

describe('highlightRuns', () => {
  it('splits text into plain and highlighted runs that rebuild the text exactly', () => {
    const text = 'Boat to UK, call +44 7911 123456';
    const runs = highlightRuns(text, [
      { type: 'concept:transport', start: 0, end: 4 },
      { type: 'concept:destination', start: 8, end: 10 },
      { type: 'phone', start: 17, end: 32 },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.types.length).map((r) => [r.text, r.types])).toEqual([
      ['Boat', ['concept:transport']],
      ['UK', ['concept:destination']],
      ['+44 7911 123456', ['phone']],
    ]);
  });

  it('merges overlapping signals and ignores spans outside the text', () => {
    const runs = highlightRuns('abcdefgh', [
      { type: 'a', start: 1, end: 4 },
      { type: 'b', start: 3, end: 6 },
      { type: 'bad', start: 5, end: 99 },
    ]);
    expect(runs).toEqual([
      { text: 'a', types: [], glosses: [] },
      { text: 'bcdef', types: ['a', 'b'], glosses: [] },
      { text: 'gh', types: [], glosses: [] },
    ]);
  });

  it('carries the English glosses of the merged signals, skipping missing and malformed ones', () => {
    const runs = highlightRuns('qayeq inglis', [
      { type: 'concept:transport', start: 0, end: 5, gloss: 'boat' },
      { type: 'concept:slang', start: 0, end: 5, gloss: 'boat' },
      { type: 'concept:destination', start: 6, end: 12 },
      { type: 'route', start: 6, end: 12, gloss: 42 },
    ]);
    expect(runs.filter((r) => r.types.length).map((r) => r.glosses)).toEqual([['boat'], []]);
    expect(glossOf({ gloss: '  ' })).toBeUndefined();
    expect(glossOf({ gloss: 'lorry' })).toBe('lorry');
  });

  it('labels signal types for people', () => {
    expect(signalLabel('concept:price')).toBe('price');
    expect(signalLabel('counter:news')).toBe('against: news');
    expect(signalLabel('messenger')).toBe('messenger');
  });
});

describe('ltrIslands', () => {
  it('isolates phone numbers, handles, links and e-mail addresses, rebuilding the text exactly', () => {
    const text = 'قایق به انگلیس، واتساپ +44 7911 123456 یا @safe_trip، https://t.me/boatuk. ایمیل a.b@example.com ۰۹۱۲۳۴۵۶۷۸۹';
    const pieces = ltrIslands(text);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.kind !== 'text').map((p) => [p.kind, p.text])).toEqual([
      ['phone', '+44 7911 123456'],
      ['handle', '@safe_trip'],
      ['url', 'https://t.me/boatuk'],
      ['url', 'a.b@example.com'],
      ['phone', '۰۹۱۲۳۴۵۶۷۸۹'],
    ]);
  });
  it('leaves prices and short numbers in the text', () => {
    expect(ltrIslands('نفری ۲۰۰۰ یورو، 1500€').every((p) => p.kind === 'text')).toBe(true);
  });
});
