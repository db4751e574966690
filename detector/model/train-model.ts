/**
 * Trains the embedding-bag model with TensorFlow.js (cpu backend, seeded, fixed shuffles).
 *
 * Regularised on purpose: the corpus is a few thousand posts and the detector is judged on posts
 * written independently of it. L2 applies to the embedding rows a batch actually uses (sparse
 * weight decay) and to the dense layer; a handful of epochs at a modest learning rate.
 * Runs on whichever backend is active (wasm is ~5x faster than cpu here); both are deterministic
 * single-threaded, so a re-run on the same machine reproduces the weights bit for bit.
 */
import { tf } from './tf-backend.ts';
import { createTfModel, disposeTfModel, forward, gatherRows, packBatch, weightsOf } from './tf-model.ts';
import type { EmbeddingBagWeights } from './embedding-bag.ts';
import { mulberry32, shuffled } from './random.ts';

export interface TrainExample {
  ids: Int32Array;
  label: 0 | 1;
  /** Soft target in [0, 1] used instead of `label` (ambiguous posts); default the label. */
  target?: number;
  /** Loss weight (e.g. to balance languages); default 1. */
  weight?: number;
}

export interface ModelTrainParams {
  buckets: number;
  dim: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 on used embedding rows, per pooled feature. */
  l2Embedding: number;
  l2Dense: number;
  /** Buckets seen in fewer training posts than this stay at zero: too rare to learn from. */
  minCount: number;
  seed: number;
}

export const DEFAULT_MODEL_TRAINING: Omit<ModelTrainParams, 'buckets'> = {
  dim: 16,
  epochs: 8,
  batchSize: 32,
  learningRate: 0.02,
  l2Embedding: 1e-4,
  l2Dense: 1e-3,
  minCount: 2,
  seed: 1337,
};

/** Called after every batch with (batches done, batches total). */
export type OnStep = (done: number, total: number) => void;

/**
 * Maps bucket ids to rows of a compact table holding only buckets with enough support. Training
 * the compact table and scattering it back is the same model as training the full one (the other
 * rows would stay at their zero init) at a fraction of the optimizer's per-step cost.
 */
function compactVocabulary(examples: readonly TrainExample[], minCount: number): Map<number, number> {
  const df = new Map<number, number>();
  for (const e of examples) for (const id of new Set(e.ids)) df.set(id, (df.get(id) ?? 0) + 1);
  const kept = [...df]
    .filter(([, n]) => n >= minCount)
    .map(([id]) => id)
    .sort((a, b) => a - b);
  return new Map(kept.map((id, row) => [id, row]));
}

function remap(ids: Int32Array, rows: Map<number, number>): Int32Array {
  const out: number[] = [];
  for (const id of ids) {
    const r = rows.get(id);
    if (r !== undefined) out.push(r);
  }
  return Int32Array.from(out);
}

export function trainEmbeddingBag(examples: readonly TrainExample[], p: ModelTrainParams, onStep: OnStep = () => {}): EmbeddingBagWeights {
  const rows = compactVocabulary(examples, p.minCount);
  const compact = examples.map((e) => ({
    ids: remap(e.ids, rows),
    count: e.ids.length,
    label: e.target ?? e.label,
    weight: e.weight ?? 1,
  }));
  const model = createTfModel(Math.max(1, rows.size), p.dim, p.seed);
  const optimizer = tf.train.adam(p.learningRate);
  const rng = mulberry32(p.seed ^ 0x9e3779b9);
  const perEpoch = Math.ceil(compact.length / p.batchSize);
  const total = perEpoch * p.epochs;
  let done = 0;
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    const order = shuffled(rng, compact);
    for (let b = 0; b < order.length; b += p.batchSize) {
      const part = order.slice(b, b + p.batchSize);
      const batch = packBatch(
        part.map((r) => r.ids),
        part.map((r) => r.count),
      );
      const labels = tf.tensor1d(part.map((r) => r.label));
      const lossWeights = tf.tensor1d(part.map((r) => r.weight));
      optimizer.minimize(() => {
        const logits = forward(model, batch);
        const ce = tf.losses.sigmoidCrossEntropy(labels, logits, lossWeights);
        const used = gatherRows(model.embedding, batch.unique);
        const l2e = tf.mul(p.l2Embedding, tf.sum(tf.square(used)));
        const l2d = tf.mul(p.l2Dense, tf.sum(tf.square(model.dense)));
        return tf.add(ce, tf.add(tf.div(l2e, part.length), l2d)) as tf.Scalar;
      });
      tf.dispose([batch.unique, batch.assign, labels, lossWeights]);
      onStep(++done, total);
    }
  }
  const trained = weightsOf(model);
  optimizer.dispose();
  disposeTfModel(model);
  const embedding = new Float32Array(p.buckets * p.dim);
  for (const [id, row] of rows) embedding.set(trained.embedding.subarray(row * p.dim, (row + 1) * p.dim), id * p.dim);
  return { buckets: p.buckets, dim: p.dim, embedding, dense: trained.dense, bias: trained.bias };
}
