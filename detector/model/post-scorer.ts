/**
 * Scores one analysed post: hashed n-grams → model logit, fused with the heuristic features →
 * fused logit → calibrated probability. Shared by the detector, training (which needs the
 * intermediate logits) and evaluation, so all three compute exactly the same thing.
 *
 * Holds one reusable feature buffer and fusion row: no per-post allocation on the hot path.
 * Not re-entrant, which is fine: classify is synchronous.
 */
import type { Analysis } from '../heuristics/analyse.ts';
import { calibrate, type PlattCalibration } from './calibration.ts';
import { EmbeddingBagScorer, type EmbeddingBagWeights } from './embedding-bag.ts';
import { fusedLogit, fusionRow, type FusionLayer } from './fusion.ts';
import { FeatureBuffer, hashWords, type HashingParams } from './hashing.ts';

export interface PostScore {
  modelLogit: number;
  fusedLogit: number;
  score: number;
}

export class NgramModel {
  private readonly scorer: EmbeddingBagScorer;
  private readonly buffer = new FeatureBuffer(2048);

  constructor(
    readonly hashing: HashingParams,
    weights: EmbeddingBagWeights,
  ) {
    if (weights.buckets !== hashing.buckets) throw new Error(`model has ${weights.buckets} buckets, hashing expects ${hashing.buckets}`);
    this.scorer = new EmbeddingBagScorer(weights);
  }

  /** Bucket ids of a post's normalised words (a copy). */
  ids(words: readonly string[]): Int32Array {
    this.buffer.reset();
    hashWords(words, this.hashing, this.buffer);
    return this.buffer.toArray();
  }

  logit(words: readonly string[]): number {
    this.buffer.reset();
    hashWords(words, this.hashing, this.buffer);
    return this.scorer.logit(this.buffer.ids, this.buffer.length);
  }
}

export class PostScorer {
  private readonly row: Float64Array;

  constructor(
    readonly model: NgramModel,
    readonly fusion: FusionLayer,
    readonly calibration: PlattCalibration,
  ) {
    this.row = new Float64Array(fusion.inputs.length);
  }

  score(a: Analysis): PostScore {
    const modelLogit = this.model.logit(a.tokens.words);
    const fused = fusedLogit(this.fusion, fusionRow(modelLogit, a.features, this.row));
    return { modelLogit, fusedLogit: fused, score: calibrate(this.calibration, fused) };
  }
}
