/**
 * The n-gram model's weights and its inference path as a plain typed-array loop.
 *
 * The model is an embedding bag (mean of hashed n-gram embeddings) followed by one dense unit:
 *   logit = dense · mean_i(E[id_i]) + bias
 * TensorFlow.js defines, trains and stores it, but a tfjs forward pass costs far more per post
 * than the arithmetic itself (tensor allocation, kernel dispatch), and the pipeline budget is tens
 * of microseconds per post. Because the model is linear after pooling, the identity
 *   dense · mean_i(E[id_i]) = mean_i(dense · E[id_i])
 * lets us precompute one scalar per bucket at load time and score a post with one add per
 * feature. `embedding-bag.test.ts` checks this against the tfjs forward pass.
 */

export interface EmbeddingBagWeights {
  buckets: number;
  dim: number;
  /** Row-major [buckets, dim]. */
  embedding: Float32Array;
  /** [dim]. */
  dense: Float32Array;
  bias: number;
}

export class EmbeddingBagScorer {
  /** projection[b] = dense · E[b], in float64 so the fast path tracks tfjs's float32 maths closely. */
  private readonly projection: Float64Array;
  readonly bias: number;

  constructor(readonly weights: EmbeddingBagWeights) {
    const { buckets, dim, embedding, dense } = weights;
    if (embedding.length !== buckets * dim || dense.length !== dim) {
      throw new Error(`embedding bag: expected ${buckets}x${dim} embedding and ${dim} dense weights`);
    }
    this.projection = new Float64Array(buckets);
    for (let b = 0; b < buckets; b++) {
      let s = 0;
      const row = b * dim;
      for (let d = 0; d < dim; d++) s += embedding[row + d]! * dense[d]!;
      this.projection[b] = s;
    }
    this.bias = weights.bias;
  }

  /** dense · E[id]: what one occurrence of bucket `id` adds to the sum before the mean. */
  project(id: number): number {
    return this.projection[id]!;
  }

  /** Model logit for one post's bucket ids (the first `length` entries of `ids`). */
  logit(ids: Int32Array, length = ids.length): number {
    if (length === 0) return this.bias;
    const p = this.projection;
    let s = 0;
    for (let i = 0; i < length; i++) s += p[ids[i]!]!;
    return s / length + this.bias;
  }
}
