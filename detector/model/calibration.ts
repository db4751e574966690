/**
 * Platt scaling: score = sigmoid(a · z + b) over the fused logit z, fitted on the VALIDATION split
 * (posts neither the n-gram model nor the fusion layer was fitted on), so scores mean what they
 * say on new posts.
 *
 * Monotonic by construction: `a` is forced positive, so a higher fused logit can never get a lower
 * score and the refer/review thresholds cut the ranking the fusion layer produced. Targets use
 * Platt's smoothing ((N+ + 1)/(N+ + 2), 1/(N- + 2)) so a separable validation set does not give
 * a step function with 0/1 scores.
 */
import { fitLogistic } from './logistic.ts';

export interface PlattCalibration {
  kind: 'platt';
  a: number;
  b: number;
}

export const IDENTITY_CALIBRATION: PlattCalibration = { kind: 'platt', a: 1, b: 0 };

/**
 * `soft[i]`, when given and not null, replaces the smoothed target of post i (ambiguous posts are
 * calibrated towards the review band rather than to 0 or 1).
 */
export function fitPlatt(logits: readonly number[], labels: readonly (0 | 1)[], soft?: readonly (number | null)[]): PlattCalibration {
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return IDENTITY_CALIBRATION;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const targets = labels.map((y, i) => soft?.[i] ?? (y === 1 ? hi : lo));
  const m = fitLogistic(
    logits.map((z) => [z]),
    targets,
    { l2: 1e-3 },
  );
  const a = m.coef[0]!;
  // A non-positive slope means the fused logit does not rank validation posts at all; refuse to
  // invert the ranking and keep the fusion layer's own probabilities instead.
  if (!(a > 1e-6) || !Number.isFinite(m.intercept)) return IDENTITY_CALIBRATION;
  return { kind: 'platt', a, b: m.intercept };
}

export function calibrate(c: PlattCalibration, logit: number): number {
  const z = c.a * logit + c.b;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
