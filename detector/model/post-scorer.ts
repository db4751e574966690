/**
 * Scores one analysed post: hashed n-grams → model logit, fused with the heuristic features →
 * fused logit → calibrated probability. Shared by the detector, training (which needs the
 * intermediate logits) and evaluation, so all three compute exactly the same thing.
 *
 * Holds one reusable feature buffer and fusion row: no per-post allocation on the hot path.
 * Not re-entrant, which is fine: classify is synchronous.
 */
import { FEATURE_NAMES, type Analysis } from '../heuristics/analyse.ts';
import { calibrate, type PlattCalibration } from './calibration.ts';
import { EmbeddingBagScorer, type EmbeddingBagWeights } from './embedding-bag.ts';
import { fusedLogit, fusionRow, type FusionLayer } from './fusion.ts';
import { FeatureBuffer, hashWords, type HashingParams } from './hashing.ts';
import { WordProjections } from './word-projections.ts';
import type { TokenIds } from '../heuristics/token-table.ts';

/**
 * Evidence rule for very short posts (≤ 8 words, no price, phone, messenger, guarantee or
 * payment): "boat to the UK", "visa for Germany? DM". Such a post never carries enough evidence
 * for a referral (a notice to a platform), whatever the n-gram model thinks, so its score is
 * capped just below refer; and if it pairs a way across with a destination it is floored at
 * review, so a human sees it. Stored per model version (meta.json), derived from its thresholds.
 */
export interface EvidencePolicy {
  shortWeakCap: number;
  shortWeakFloor: number;
}

const SHORT_WEAK = FEATURE_NAMES.indexOf('short_weak');
const TRANSPORT_DEST = FEATURE_NAMES.indexOf('co_transport_dest');

export function applyEvidence(policy: EvidencePolicy | undefined, features: Float32Array, score: number): number {
  if (!policy || SHORT_WEAK < 0 || features[SHORT_WEAK] !== 1) return score;
  let s = Math.min(score, policy.shortWeakCap);
  if (features[TRANSPORT_DEST] === 1) s = Math.max(s, policy.shortWeakFloor);
  return s;
}

export interface PostScore {
  modelLogit: number;
  fusedLogit: number;
  score: number;
}

export class NgramModel {
  private readonly scorer: EmbeddingBagScorer;
  private readonly buffer = new FeatureBuffer(2048);
  private readonly words: WordProjections;

  constructor(
    readonly hashing: HashingParams,
    weights: EmbeddingBagWeights,
  ) {
    if (weights.buckets !== hashing.buckets) throw new Error(`model has ${weights.buckets} buckets, hashing expects ${hashing.buckets}`);
    this.scorer = new EmbeddingBagScorer(weights);
    this.words = new WordProjections(hashing, this.scorer);
  }

  /** Bucket ids of a post's normalised words (a copy). */
  ids(words: readonly string[]): Int32Array {
    this.buffer.reset();
    hashWords(words, this.hashing, this.buffer);
    return this.buffer.toArray();
  }

  /** The model logit: the same number as scoring ids(tokens.words), from per-word caches. */
  logit(tokens: TokenIds): number {
    return this.words.logit(tokens);
  }
}

export class PostScorer {
  private readonly row: Float64Array;

  constructor(
    readonly model: NgramModel,
    readonly fusion: FusionLayer,
    readonly calibration: PlattCalibration,
    readonly evidence?: EvidencePolicy,
  ) {
    this.row = new Float64Array(fusion.inputs.length);
  }

  score(a: Analysis): PostScore {
    const modelLogit = this.model.logit(a.tokens);
    const fused = fusedLogit(this.fusion, fusionRow(modelLogit, a.features, this.row));
    return { modelLogit, fusedLogit: fused, score: applyEvidence(this.evidence, a.features, calibrate(this.calibration, fused)) };
  }
}
