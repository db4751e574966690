/**
 * The bounds the analytics rollups state (analytics/rollup/): percentiles of time to removal
 * within the histogram's relative accuracy, distinct accounts and pages within three standard
 * errors of the sketch. As vitest asymmetric matchers, for `toEqual` over whole answers.
 */
import { ALPHA } from '../analytics/rollup/histogram.ts';
import { REGISTERS } from '../analytics/rollup/sketch.ts';

export const hoursBound = (exact: number) => ALPHA * Math.abs(exact) + 1e-4;
export const sketchBound = (exact: number) => Math.max(1, Math.ceil((3 * 1.04 * exact) / Math.sqrt(REGISTERS)));

/** Matches hours within the histogram's bound of `exact`. */
export const hoursNear = (exact: number) => ({
  asymmetricMatch: (actual: unknown) => typeof actual === 'number' && Math.abs(actual - exact) <= hoursBound(exact),
  toString: () => `HoursNear<${exact}>`,
  toAsymmetricMatcher: () => `HoursNear<${exact}>`,
});
