import { describe, expect, it } from 'vitest';
import { planFitsAnyValues } from './filters.ts';

describe('planFitsAnyValues', () => {
  it('holds where one index serves the filter and the order whatever the values', () => {
    expect(planFitsAnyValues({}, 'priority')).toBe(true);
    expect(planFitsAnyValues({ status: 'escalated' }, 'priority')).toBe(true);
    for (const f of [{ language: 'ar' }, { platformId: 3 }, { category: 'lorry' }, { referralCandidate: false }]) {
      expect(planFitsAnyValues({ status: 'open', ...f }, 'priority')).toBe(true);
    }
    expect(planFitsAnyValues({ status: 'rejected' }, 'oldest')).toBe(true);
  });

  it('does not where the best index depends on how common the values are', () => {
    expect(planFitsAnyValues({ minScore: 0.9 }, 'priority')).toBe(false);
    expect(planFitsAnyValues({ maxScore: 0.1 }, 'priority')).toBe(false);
    expect(planFitsAnyValues({ language: 'fa', platformId: 4 }, 'priority')).toBe(false);
    expect(planFitsAnyValues({ language: 'am' }, 'oldest')).toBe(false);
  });
});
