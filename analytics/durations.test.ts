import { describe, expect, it } from 'vitest';
import { formatDuration } from './durations.ts';

describe('formatDuration', () => {
  it.each([
    [null, 'n/a'],
    [0, '0 s'],
    [0.007, '25 s'],
    [59 / 3_600, '59 s'],
    [59.6 / 3_600, '1 min'],
    [1 / 60, '1 min'],
    [12.5 / 60, '12.5 min'],
    [59.99 / 60, '1 h'],
    [1, '1 h'],
    [3.8, '3.8 h'],
    [8, '8 h'],
    [22.4, '22.4 h'],
    [36, '36 h'],
    [47.96, '2 d'],
    [48, '2 d'],
    [84, '3.5 d'],
    [24 * 30, '30 d'],
    [-2, '−2 h'],
  ])('%s h → %s', (hours, text) => {
    expect(formatDuration(hours)).toBe(text);
  });
});
