/**
 * The trained detector behind the `Detector` interface: analyse() (normalisation, lexicons,
 * entities → features, signals, category) + the n-gram model, fused and calibrated into one
 * score, cut by the version's stored refer/review thresholds.
 *
 * Synchronous and deterministic: the same text and lang always give the same result, so a
 * retried classify job reproduces the score it may already have stored.
 */
import type { Detector } from '../detector.ts';
import { validateText } from '../errors.ts';
import { analyse } from '../heuristics/analyse.ts';
import { FEATURE_NAMES } from '../heuristics/analyse.ts';
import type { DetectorInput, DetectorResult } from '../types.ts';
import { decide } from './eval-metrics.ts';
import { NgramModel, PostScorer } from './post-scorer.ts';
import type { StoredModel } from './storage.ts';

export function scorerFor(stored: Pick<StoredModel, 'meta' | 'weights'>): PostScorer {
  const { meta } = stored;
  const names = meta.featureNames;
  if (names.length !== FEATURE_NAMES.length || names.some((n, i) => n !== FEATURE_NAMES[i])) {
    throw new Error(`model ${meta.version} was fitted on different heuristic features; retrain it (tidewatch train)`);
  }
  return new PostScorer(new NgramModel(meta.hashing, stored.weights), meta.fusion, meta.calibration, meta.evidence);
}

export function createTrainedDetector(stored: Pick<StoredModel, 'meta' | 'weights'>): Detector {
  const scorer = scorerFor(stored);
  const version = stored.meta.version;
  const thresholds = Object.freeze({ ...stored.meta.thresholds });
  return {
    version,
    thresholds,
    classify(inputs: readonly DetectorInput[]): DetectorResult[] {
      // Validate the whole batch first: no partial work on a batch that will be rejected.
      for (const input of inputs) validateText(input.text, input.id);
      return inputs.map((input) => {
        const a = analyse(input.text, input.lang);
        const { score } = scorer.score(a);
        const decision = decide(score, thresholds);
        return {
          id: input.id,
          score,
          decision,
          category: decision === 'dismiss' ? 'none' : a.category,
          lang: a.lang,
          langTag: a.langTag,
          signals: a.signals,
          modelVersion: version,
        };
      });
    },
  };
}
