/**
 * The fusion layer: one logistic regression over [n-gram model logit, 33 heuristic features].
 *
 * The n-gram model knows phrasing; the heuristics know concepts (a way across + a destination +
 * a price or contact, minus reporting/warning cues) and entities, in every language of the
 * lexicons, including ones the corpus covers thinly. Fitted on the training split with
 * OUT-OF-FOLD model logits (cross-fitting), otherwise the fit would trust the model's near-perfect
 * in-sample logits and ignore the heuristics.
 */
import { fitLogistic, logisticLinear, type LogisticModel } from './logistic.ts';

/** Model logits beyond this carry no extra information and would dominate the fit. */
export const LOGIT_CLIP = 12;

export interface FusionLayer {
  /** Input names, in order: `model_logit` then the heuristic FEATURE_NAMES. */
  inputs: string[];
  coef: number[];
  intercept: number;
}

const clip = (z: number): number => Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, z));

/** The fusion input row for one post; `out` must have 1 + features.length slots. */
export function fusionRow(
  modelLogit: number,
  features: Float32Array,
  out: Float64Array = new Float64Array(features.length + 1),
): Float64Array {
  out[0] = clip(modelLogit);
  for (let i = 0; i < features.length; i++) out[i + 1] = features[i]!;
  return out;
}

export function fitFusion(
  rows: readonly Float64Array[],
  labels: readonly number[],
  featureNames: readonly string[],
  l2: number,
  weights?: readonly number[],
): FusionLayer {
  const m = fitLogistic(rows, labels, { l2, weights });
  return { inputs: ['model_logit', ...featureNames], coef: m.coef, intercept: m.intercept };
}

/** The fused logit (before calibration). */
export function fusedLogit(f: FusionLayer, row: Float64Array): number {
  return logisticLinear(f as LogisticModel, row);
}
