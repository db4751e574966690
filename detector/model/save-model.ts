/**
 * Writing a model directory (the format is described in storage.ts). Kept apart from reading
 * because it is the only part of storage that needs TensorFlow.js (its manifest types and the
 * version recorded in model.json), and the inference path must not load tfjs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tf } from './tf-backend.ts';
import type { EmbeddingBagWeights } from './embedding-bag.ts';
import { encodeFloat16 } from './float16.ts';
import type { ModelMeta } from './meta.ts';
import { contentVersion, FORMAT, MODELS_DIR, stableJson, type StoredModel } from './storage.ts';

/** Serialises weights: float16 embedding, float32 dense and bias. Returns manifest entries and bytes. */
function encode(w: EmbeddingBagWeights): { specs: tf.io.WeightsManifestEntry[]; data: Buffer } {
  const emb = encodeFloat16(w.embedding);
  const dense = new Float32Array(w.dense);
  const bias = new Float32Array([w.bias]);
  const data = Buffer.concat([
    Buffer.from(emb.buffer, emb.byteOffset, emb.byteLength),
    Buffer.from(dense.buffer),
    Buffer.from(bias.buffer),
  ]);
  const specs: tf.io.WeightsManifestEntry[] = [
    { name: 'embedding', shape: [w.buckets, w.dim], dtype: 'float32', quantization: { dtype: 'float16' } },
    { name: 'dense', shape: [w.dim, 1], dtype: 'float32' },
    { name: 'bias', shape: [1], dtype: 'float32' },
  ];
  return { specs, data };
}

export function versionOf(weightBytes: Buffer, meta: Omit<ModelMeta, 'version'>): string {
  return contentVersion(weightBytes, meta);
}

/** Writes a model directory; returns its version (content hash). Does not change current.json. */
export function saveModel(w: EmbeddingBagWeights, metaWithoutVersion: Omit<ModelMeta, 'version'>, modelsDir = MODELS_DIR): StoredModel {
  const { specs, data } = encode(w);
  const version = versionOf(data, metaWithoutVersion);
  const meta: ModelMeta = { version, ...metaWithoutVersion };
  const dir = join(modelsDir, `detector-${version}`);
  mkdirSync(dir, { recursive: true });
  const modelJson = {
    format: FORMAT,
    generatedBy: `TensorFlow.js ${tf.version.tfjs}`,
    convertedBy: null,
    modelTopology: {
      class: 'EmbeddingBag',
      description: 'logit = dense · mean_i(embedding[hash_i]) + bias; hashes from meta.json "hashing"',
      buckets: w.buckets,
      dim: w.dim,
    },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  writeFileSync(join(dir, 'model.json'), stableJson(modelJson));
  writeFileSync(join(dir, 'weights.bin'), data);
  writeFileSync(join(dir, 'meta.json'), stableJson(meta));
  return { meta, weights: w, dir };
}
