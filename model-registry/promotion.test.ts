import { describe, expect, it } from 'vitest';
import type { KeyMetrics } from './evaluate.ts';
import { checkPromotion } from './promotion.ts';

const live: KeyMetrics = {
  posts: 100,
  adverts: 50,
  flagRecall: 0.95,
  advertsReferred: 0.6,
  referPrecision: 0.98,
  negativesToReview: 0.08,
  negativesReferred: 0.01,
  prAuc: 0.97,
};
const with_ = (over: Partial<KeyMetrics>): KeyMetrics => ({ ...live, ...over });

describe('checkPromotion (challenge set, candidate vs live)', () => {
  it.each([
    ['equal', {}, []],
    ['recall lower by exactly the margin', { flagRecall: 0.94 }, []],
    ['better everywhere', { flagRecall: 0.99, referPrecision: 1, negativesReferred: 0 }, []],
    ['unchecked figures worse (adverts referred, neg→review, PR-AUC)', { advertsReferred: 0.1, negativesToReview: 0.5, prAuc: 0.5 }, []],
    [
      'recall lower beyond the margin',
      { flagRecall: 0.9 },
      ['refer-or-review recall on the challenge set: candidate 0.9000 vs live 0.9500 (lower by 0.0500, margin 0.0100)'],
    ],
    [
      'precision lower beyond the margin',
      { referPrecision: 0.96 },
      ['precision among refer on the challenge set: candidate 0.9600 vs live 0.9800 (lower by 0.0200, margin 0.0100)'],
    ],
    [
      'more negatives referred beyond the margin',
      { negativesReferred: 0.03 },
      ['negatives referred on the challenge set: candidate 0.0300 vs live 0.0100 (higher by 0.0200, margin 0.0100)'],
    ],
  ] as const)('%s', (_name, over, failures) => {
    expect(checkPromotion(with_(over), live, 0.01).failures).toEqual(failures);
  });

  it('names every failing metric, and a wider margin lets them through', () => {
    const worse = with_({ flagRecall: 0.9, referPrecision: 0.9, negativesReferred: 0.05 });
    expect(checkPromotion(worse, live, 0.01).failures).toHaveLength(3);
    expect(checkPromotion(worse, live, 0.1).failures).toEqual([]);
  });

  it('reports a metric it cannot compare (a model that refers nothing has no precision) instead of failing on it', () => {
    const c = checkPromotion(with_({ referPrecision: Number.NaN }), live, 0.01);
    expect(c.failures).toEqual([]);
    expect(c.notCompared).toEqual(['precision among refer (candidate n/a, live 0.9800)']);
  });
});
