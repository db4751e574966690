import { describe, expect, it } from 'vitest';
import { highlightRuns, signalLabel } from './highlight.ts';

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
      { text: 'a', types: [] },
      { text: 'bcdef', types: ['a', 'b'] },
      { text: 'gh', types: [] },
    ]);
  });

  it('labels signal types for people', () => {
    expect(signalLabel('concept:price')).toBe('price');
    expect(signalLabel('counter:news')).toBe('against: news');
    expect(signalLabel('messenger')).toBe('messenger');
  });
});
