import { describe, expect, it } from 'vitest';
import { glossOf, highlightRuns, signalLabel } from './highlight.ts';

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
