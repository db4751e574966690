import type { DetectorInput, DetectorResult, Thresholds } from './types.ts';

/**
 * What the pipeline needs from a detector: a batched, synchronous, deterministic classify.
 * Deterministic matters: a retried classify job must reproduce the score it may already have stored.
 */
export interface Detector {
  readonly version: string;
  readonly thresholds: Thresholds;
  classify(inputs: readonly DetectorInput[]): DetectorResult[];
}
