import { describe, expect, it } from 'vitest';
import { reviewPriority, routeByScore } from './route.ts';

describe('routeByScore', () => {
  const t = { refer: 0.8, review: 0.3 };
  it.each([
    [0.95, 'referral_candidate'],
    [0.8, 'referral_candidate'],
    [0.79, 'review'],
    [0.3, 'review'],
    [0.29, 'dismissed'],
    [0, 'dismissed'],
  ])('score %f → %s', (score, outcome) => expect(routeByScore(score, t)).toBe(outcome));
});

describe('reviewPriority', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it('orders like score × 2^(−age/halfLife) at any common moment', () => {
    const a = { score: 0.9, at: hoursAgo(24) }; // weight 0.45 with a 24 h half-life
    const b = { score: 0.5, at: hoursAgo(0) }; // weight 0.5
    const c = { score: 0.95, at: hoursAgo(48) }; // weight 0.2375
    const key = (x: { score: number; at: Date }) => reviewPriority(x.score, x.at, 24);
    expect(key(b)).toBeGreaterThan(key(a));
    expect(key(a)).toBeGreaterThan(key(c));
    expect(key(a) - key(c)).toBeCloseTo(Math.log2(0.45 / 0.2375), 10);
  });

  it('prefers the higher score at equal age', () => {
    expect(reviewPriority(0.9, now, 24)).toBeGreaterThan(reviewPriority(0.6, now, 24));
  });
});
