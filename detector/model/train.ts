/**
 * Trains a detector version end to end from the shipped corpus (plus optional reviewer
 * decisions): n-gram model → fusion layer → calibration → thresholds → models/detector-<v>/.
 *
 * Which split fits what, and why:
 *  - train: the n-gram model, and the fusion layer on OUT-OF-FOLD model logits (k-fold
 *    cross-fitting), so the fusion weighs the model as it behaves on posts it has not seen;
 *  - validation: Platt scaling and the refer/review thresholds;
 *  - test: only measured (stored in meta.json for the record), never used for a choice.
 * Deterministic: seeded init, fixed folds and shuffles, single-threaded backend.
 */
import { analyse, FEATURE_NAMES } from '../heuristics/analyse.ts';
import { fitPlatt, calibrate } from './calibration.ts';
import { hashFiles, isWritten, readLabelled, readSplit, splitPaths, trainingTarget, type LabelledPost } from './corpus.ts';
import { EmbeddingBagScorer, type EmbeddingBagWeights } from './embedding-bag.ts';
import { quantiseFloat16 } from './float16.ts';
import { fitFusion, fusedLogit, fusionRow, type FusionLayer } from './fusion.ts';
import { DEFAULT_HASHING, FeatureBuffer, hashWords, type HashingParams } from './hashing.ts';
import type { ModelMeta, SplitSummary } from './meta.ts';
import { sliceMetrics } from './eval-metrics.ts';
import { mulberry32, shuffled } from './random.ts';
import { saveModel } from './save-model.ts';
import { setCurrentVersion, MODELS_DIR, type StoredModel } from './storage.ts';
import { useWasmBackend } from './tf-backend.ts';
import { chooseThresholds, DEFAULT_POLICY, evidenceBounds, type ThresholdItem } from './thresholds.ts';
import { applyEvidence } from './post-scorer.ts';
import { DEFAULT_MODEL_TRAINING, trainEmbeddingBag, type ModelTrainParams, type TrainExample } from './train-model.ts';
import type { Thresholds } from '../types.ts';

export interface TrainOptions {
  /** Labelled JSONL files ({text, label, lang?}) added to the training split. */
  extra?: string[];
  hashing?: HashingParams;
  params?: Partial<ModelTrainParams>;
  folds?: number;
  fusionL2?: number;
  modelsDir?: string;
  /** Make the new version current (models/current.json). Default true. */
  makeCurrent?: boolean;
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Loss weight of a training post (default: WRITTEN_WEIGHT for written posts, 1 otherwise). */
  weightOf?: (post: LabelledPost) => number;
}

/**
 * Individually written posts weigh more than composed ones: they are what new text looks like,
 * and the composed posts, nearly separable, would otherwise dominate the loss.
 */
export const WRITTEN_WEIGHT = 3;
export const defaultWeight = (p: LabelledPost): number => (isWritten(p) ? WRITTEN_WEIGHT : 1);

export const DEFAULT_FOLDS = 5;
export const DEFAULT_FUSION_L2 = 2;

interface Prepared {
  post: LabelledPost;
  ids: Int32Array;
  features: Float32Array;
  lang: string;
}

function prepare(posts: readonly LabelledPost[], hashing: HashingParams): Prepared[] {
  const buf = new FeatureBuffer(4096);
  return posts.map((post) => {
    const a = analyse(post.text, post.lang);
    buf.reset();
    hashWords(a.tokens.words, hashing, buf);
    return { post, ids: buf.toArray(), features: a.features, lang: a.lang };
  });
}

/** Fold index per example, stratified by language and label, reproducible from the seed. */
function assignFolds(items: readonly Prepared[], k: number, seed: number): number[] {
  const folds = new Array<number>(items.length).fill(0);
  const strata = new Map<string, number[]>();
  items.forEach((it, i) => {
    const key = `${it.lang}|${it.post.label}`;
    strata.set(key, [...(strata.get(key) ?? []), i]);
  });
  const rng = mulberry32(seed);
  for (const key of [...strata.keys()].sort()) {
    shuffled(rng, strata.get(key)!).forEach((idx, j) => (folds[idx] = j % k));
  }
  return folds;
}

function summary(items: { score: number; label: 0 | 1 }[], t: Thresholds): SplitSummary {
  const m = sliceMetrics(items, t);
  return { referPrecision: m.referPrecision, flagRecall: m.flagRecall, prAuc: m.prAuc };
}

export async function trainDetector(opts: TrainOptions = {}): Promise<StoredModel> {
  const hashing = opts.hashing ?? DEFAULT_HASHING;
  const params: ModelTrainParams = { ...DEFAULT_MODEL_TRAINING, buckets: hashing.buckets, ...opts.params };
  const k = opts.folds ?? DEFAULT_FOLDS;
  const fusionL2 = opts.fusionL2 ?? DEFAULT_FUSION_L2;
  const progress = opts.onProgress ?? (() => {});
  const weightOf = opts.weightOf ?? defaultWeight;
  const toExample = (p: Prepared): TrainExample => ({
    ids: p.ids,
    label: p.post.label,
    target: trainingTarget(p.post),
    weight: weightOf(p.post),
  });
  await useWasmBackend();

  const extraFiles = opts.extra ?? [];
  const extraPosts = extraFiles.flatMap((f) => readLabelled(f));
  const trainPosts = [...readSplit('train'), ...extraPosts];
  const valPosts = readSplit('validation');
  const testPosts = readSplit('test');
  progress('analyse', 0, 1);
  const train = prepare(trainPosts, hashing);
  const val = prepare(valPosts, hashing);
  const test = prepare(testPosts, hashing);
  progress('analyse', 1, 1);

  // 1. Out-of-fold model logits for the fusion layer.
  const folds = assignFolds(train, k, params.seed);
  const oof = new Float64Array(train.length);
  for (let f = 0; f < k; f++) {
    const fit = train.filter((_, i) => folds[i] !== f).map(toExample);
    const w = trainEmbeddingBag(fit, params, (d, t) => progress(`model fold ${f + 1}/${k}`, d, t));
    const s = new EmbeddingBagScorer({ ...w, embedding: quantiseFloat16(w.embedding) });
    train.forEach((p, i) => {
      if (folds[i] === f) oof[i] = s.logit(p.ids);
    });
  }

  // 2. The shipped n-gram model, on all training posts, quantised as it will be stored.
  const trained = trainEmbeddingBag(train.map(toExample), params, (d, t) => progress('model (all)', d, t));
  const weights: EmbeddingBagWeights = { ...trained, embedding: quantiseFloat16(trained.embedding) };
  const scorer = new EmbeddingBagScorer(weights);

  // 3. Fusion on out-of-fold logits + heuristic features.
  progress('fusion', 0, 1);
  const fusion: FusionLayer = fitFusion(
    train.map((p, i) => fusionRow(oof[i]!, p.features)),
    train.map((p) => trainingTarget(p.post)),
    FEATURE_NAMES,
    fusionL2,
    train.map((p) => weightOf(p.post)),
  );
  const fused = (p: Prepared) => fusedLogit(fusion, fusionRow(scorer.logit(p.ids), p.features));

  // 4. Calibration and thresholds on validation.
  const valLogits = val.map(fused);
  const calibration = fitPlatt(
    valLogits,
    val.map((p) => p.post.label),
    val.map((p) => (p.post.ambiguous ? trainingTarget(p.post) : null)),
  );
  const valItems: ThresholdItem[] = val.map((p, i) => ({
    score: calibrate(calibration, valLogits[i]!),
    label: p.post.label,
    lang: p.post.lang ?? p.lang,
    obfuscated: p.post.obfuscated,
    romanised: p.post.romanised,
    written: isWritten(p.post),
  }));
  const thresholds = chooseThresholds(valItems, DEFAULT_POLICY);
  const evidence = evidenceBounds(thresholds);
  val.forEach((p, i) => (valItems[i]!.score = applyEvidence(evidence, p.features, valItems[i]!.score)));
  const testItems = test.map((p) => ({
    score: applyEvidence(evidence, p.features, calibrate(calibration, fused(p))),
    label: p.post.label,
  }));
  progress('fusion', 1, 1);

  const meta: Omit<ModelMeta, 'version'> = {
    format: 'tidewatch-embedding-bag/1',
    hashing,
    featureNames: [...FEATURE_NAMES],
    fusion,
    calibration,
    thresholds,
    evidence,
    thresholdPolicy: DEFAULT_POLICY,
    training: {
      params,
      crossFitFolds: k,
      fusionL2,
      corpusSha256: hashFiles([...splitPaths('train'), ...extraFiles]),
      validationSha256: hashFiles(splitPaths('validation')),
      trainPosts: train.length,
      extraPosts: extraPosts.length,
      validationPosts: val.length,
    },
    metrics: { validation: summary(valItems, thresholds), test: summary(testItems, thresholds) },
  };
  const stored = saveModel(weights, meta, opts.modelsDir ?? MODELS_DIR);
  if (opts.makeCurrent ?? true) setCurrentVersion(stored.meta.version, opts.modelsDir ?? MODELS_DIR);
  return stored;
}
