/**
 * The n-gram model as TensorFlow.js variables: the definition used for training and the
 * reference forward pass the fast typed-array path is tested against.
 *
 * Embedding rows start at zero and the dense layer at small seeded values (the reverse of
 * fastText's init, same model): a bucket no training post touched then contributes exactly 0 at
 * inference instead of random noise, which matters for posts unlike the corpus, and it makes the
 * committed weights file mostly zeros (git compresses it well).
 */
import { tf } from './tf-backend.ts';
import type { EmbeddingBagWeights } from './embedding-bag.ts';
import { mulberry32 } from './random.ts';

export interface TfEmbeddingBag {
  embedding: tf.Variable;
  dense: tf.Variable;
  bias: tf.Variable;
}

export function createTfModel(buckets: number, dim: number, seed: number): TfEmbeddingBag {
  const rng = mulberry32(seed);
  const limit = Math.sqrt(6 / (dim + 1));
  const dense = new Float32Array(dim);
  for (let d = 0; d < dim; d++) dense[d] = (rng() * 2 - 1) * limit;
  return {
    embedding: tf.variable(tf.zeros([buckets, dim]), true),
    dense: tf.variable(tf.tensor2d(dense, [dim, 1]), true),
    bias: tf.variable(tf.zeros([1]), true),
  };
}

/** Wraps loaded weights as (non-trainable) tfjs variables, for the reference forward pass. */
export function tfModelFromWeights(w: EmbeddingBagWeights): TfEmbeddingBag {
  return {
    embedding: tf.variable(tf.tensor2d(w.embedding, [w.buckets, w.dim]), false),
    dense: tf.variable(tf.tensor2d(w.dense, [w.dim, 1]), false),
    bias: tf.variable(tf.tensor1d([w.bias]), false),
  };
}

export function disposeTfModel(m: TfEmbeddingBag): void {
  m.embedding.dispose();
  m.dense.dispose();
  m.bias.dispose();
}

/**
 * A batch as a local vocabulary: the distinct ids it uses, and a dense [n, distinct] matrix of
 * pooling weights (occurrences / count). Pooling is then one small matMul, and the gradient
 * touches only the rows the batch used, instead of materialising [n, words, dim] tensors.
 */
export interface PackedBatch {
  unique: tf.Tensor1D;
  assign: tf.Tensor2D;
}

/**
 * `counts[i]`, when given, is the mean's denominator for row i: training drops ids whose rows are
 * pinned at zero (too rare to learn from) but they still dilute the mean, as at inference.
 */
export function packBatch(rows: readonly Int32Array[], counts?: readonly number[]): PackedBatch {
  const local = new Map<number, number>();
  for (const r of rows) for (const id of r) if (!local.has(id)) local.set(id, local.size);
  const width = Math.max(1, local.size);
  const assign = new Float32Array(rows.length * width);
  rows.forEach((r, i) => {
    const n = counts?.[i] ?? r.length;
    if (n === 0) return;
    for (const id of r) assign[i * width + local.get(id)!]! += 1 / n;
  });
  const unique = local.size > 0 ? Int32Array.from(local.keys()) : new Int32Array(1);
  return { unique: tf.tensor1d(unique, 'int32'), assign: tf.tensor2d(assign, [rows.length, width]) };
}

/**
 * tf.gather with a scatter gradient. tfjs implements gather's gradient with UnsortedSegmentSum,
 * which the wasm backend lacks and the cpu backend runs as one pass over the data per embedding
 * row (hours per epoch at 10^5 rows). The ids here are distinct, so a scatter is the same maths.
 */
export const gatherRows = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [table, ids, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([ids]);
  return {
    value: tf.gather(table, ids),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const idx = saved[0]!;
      return [tf.scatterND(tf.reshape(idx, [-1, 1]), dy, table.shape), tf.zerosLike(idx)];
    },
  };
}) as (table: tf.Tensor, ids: tf.Tensor) => tf.Tensor2D;

/** Pooled embeddings [n, dim]. */
export function pool(m: TfEmbeddingBag, batch: PackedBatch): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(batch.assign, gatherRows(m.embedding, batch.unique)));
}

/** Logits [n]. */
export function forward(m: TfEmbeddingBag, batch: PackedBatch): tf.Tensor1D {
  return tf.tidy(() => tf.add(tf.reshape(tf.matMul(pool(m, batch), m.dense), [-1]), m.bias) as tf.Tensor1D);
}

/** Reads the variables back as plain typed arrays. */
export function weightsOf(m: TfEmbeddingBag): EmbeddingBagWeights {
  const [buckets, dim] = m.embedding.shape as [number, number];
  return {
    buckets,
    dim,
    embedding: (m.embedding.dataSync() as Float32Array).slice(),
    dense: (m.dense.dataSync() as Float32Array).slice(),
    bias: (m.bias.dataSync() as Float32Array)[0]!,
  };
}
