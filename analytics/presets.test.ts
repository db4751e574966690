import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from './presets.ts';

describe('date-range presets (weeks start Monday, UTC)', () => {
  // Wednesday 2026-09-16, late evening UTC (already Thursday east of UTC: UTC decides).
  const wednesday = new Date('2026-09-16T23:30:00Z');

  it('this week: Monday to today', () => {
    expect(presetRange('this_week', wednesday)).toEqual({ from: '2026-09-14', to: '2026-09-16' });
  });

  it('last week: the previous Monday to Sunday', () => {
    expect(presetRange('last_week', wednesday)).toEqual({ from: '2026-09-07', to: '2026-09-13' });
  });

  it('last 30 days: today and the 29 days before', () => {
    expect(presetRange('last_30_days', wednesday)).toEqual({ from: '2026-08-18', to: '2026-09-16' });
  });

  it('on a Monday "this week" is that day alone, and on a Sunday it is the whole week', () => {
    expect(presetRange('this_week', new Date('2026-09-14T00:00:00Z'))).toEqual({ from: '2026-09-14', to: '2026-09-14' });
    expect(presetRange('this_week', new Date('2026-09-20T12:00:00Z'))).toEqual({ from: '2026-09-14', to: '2026-09-20' });
    expect(presetRange('last_week', new Date('2026-09-20T12:00:00Z'))).toEqual({ from: '2026-09-07', to: '2026-09-13' });
  });

  it('across a year boundary', () => {
    expect(presetRange('last_week', new Date('2027-01-02T08:00:00Z'))).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(presetRange('this_week', new Date('2027-01-02T08:00:00Z'))).toEqual({ from: '2026-12-28', to: '2027-01-02' });
  });

  it('recognises the preset a range equals', () => {
    expect(presetOf({ from: '2026-09-07', to: '2026-09-13' }, wednesday)).toBe('last_week');
    expect(presetOf({ from: '2026-09-07', to: '2026-09-14' }, wednesday)).toBeUndefined();
  });
});
