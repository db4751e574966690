/**
 * meta.json: what a model version needs besides its weights to reproduce its scores, and what it
 * was trained on and how well it did. Stored next to the weights, versioned with them.
 */
import type { Thresholds } from '../types.ts';
import type { HashingParams } from './hashing.ts';
import type { FusionLayer } from './fusion.ts';
import type { PlattCalibration } from './calibration.ts';
import type { ModelTrainParams } from './train-model.ts';
import type { ThresholdPolicy } from './thresholds.ts';
import type { EvidencePolicy } from './post-scorer.ts';

export interface SplitSummary {
  referPrecision: number;
  flagRecall: number;
  prAuc: number;
}

export interface ModelMeta {
  version: string;
  format: 'tidewatch-embedding-bag/1';
  hashing: HashingParams;
  /** Heuristic feature names (detector/heuristics FEATURE_NAMES) the fusion layer was fitted on. */
  featureNames: string[];
  fusion: FusionLayer;
  calibration: PlattCalibration;
  thresholds: Thresholds;
  /** Short-post evidence rule (absent in older versions: no rule). */
  evidence?: EvidencePolicy;
  thresholdPolicy: ThresholdPolicy;
  training: {
    params: ModelTrainParams;
    crossFitFolds: number;
    fusionL2: number;
    /** sha256 of train.jsonl (+ extra files), and of validation.jsonl. */
    corpusSha256: string;
    validationSha256: string;
    trainPosts: number;
    extraPosts: number;
    validationPosts: number;
  };
  metrics: { validation: SplitSummary; test?: SplitSummary };
}
