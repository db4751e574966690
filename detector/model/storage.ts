/**
 * On-disk model format: `models/detector-<version>/` with
 *   model.json   – tfjs artifacts (topology description + weightsManifest, float16 embedding),
 *   weights.bin  – the weights, written by tf.io.encodeWeights-compatible layout,
 *   meta.json    – everything else needed to reproduce scores: hashing params, feature names,
 *                  fusion layer, calibration, thresholds, training corpus hash and metrics.
 * `models/current.json` names the version `loadDetector()` uses (config TIDEWATCH_MODEL overrides).
 *
 * The version id is a hash of the weights and meta, so re-running `train` on the same corpus
 * reproduces the same directory byte for byte, and any change gives a new version.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf, useWasmBackend } from './tf-backend.ts';
import type { EmbeddingBagWeights } from './embedding-bag.ts';
import { encodeFloat16 } from './float16.ts';
import type { ModelMeta } from './meta.ts';

export const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));
const FORMAT = 'tidewatch-embedding-bag/1';

export interface StoredModel {
  meta: ModelMeta;
  weights: EmbeddingBagWeights;
  dir: string;
}

/** Serialises weights: float16 embedding, float32 dense and bias. Returns manifest entries and bytes. */
function encode(w: EmbeddingBagWeights): { specs: tf.io.WeightsManifestEntry[]; data: Buffer } {
  const emb = encodeFloat16(w.embedding);
  const dense = new Float32Array(w.dense);
  const bias = new Float32Array([w.bias]);
  const data = Buffer.concat([Buffer.from(emb.buffer, emb.byteOffset, emb.byteLength), Buffer.from(dense.buffer), Buffer.from(bias.buffer)]);
  const specs: tf.io.WeightsManifestEntry[] = [
    { name: 'embedding', shape: [w.buckets, w.dim], dtype: 'float32', quantization: { dtype: 'float16' } },
    { name: 'dense', shape: [w.dim, 1], dtype: 'float32' },
    { name: 'bias', shape: [1], dtype: 'float32' },
  ];
  return { specs, data };
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function versionOf(weightBytes: Buffer, meta: Omit<ModelMeta, 'version'>): string {
  const h = createHash('sha256').update(weightBytes).update(stableJson(meta)).digest('hex');
  return `ngram-${h.slice(0, 12)}`;
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

/** Points models/current.json at a version. */
export function setCurrentVersion(version: string, modelsDir = MODELS_DIR): void {
  writeFileSync(join(modelsDir, 'current.json'), stableJson({ detector: version }));
}

/**
 * The version to load when none is pinned (config TIDEWATCH_MODEL): models/current.json, else the
 * most recently written model directory.
 */
export function resolveVersion(modelsDir = MODELS_DIR): string {
  const pointer = join(modelsDir, 'current.json');
  if (existsSync(pointer)) {
    const v = (JSON.parse(readFileSync(pointer, 'utf8')) as { detector?: unknown }).detector;
    if (typeof v === 'string' && v !== '') return v;
  }
  const dirs = existsSync(modelsDir)
    ? readdirSync(modelsDir).filter((d) => d.startsWith('detector-') && existsSync(join(modelsDir, d, 'meta.json')))
    : [];
  if (dirs.length === 0) throw new Error(`no trained detector under ${modelsDir}: run \`tidewatch train\``);
  dirs.sort((a, b) => statSync(join(modelsDir, b, 'meta.json')).mtimeMs - statSync(join(modelsDir, a, 'meta.json')).mtimeMs || a.localeCompare(b));
  return dirs[0]!.slice('detector-'.length);
}

/** Loads a model directory through tfjs (wasm backend; cpu if wasm cannot start). */
export async function loadModel(version = resolveVersion(), modelsDir = MODELS_DIR): Promise<StoredModel> {
  const dir = join(modelsDir, `detector-${version}`);
  if (!existsSync(join(dir, 'model.json'))) throw new Error(`detector model ${version} not found in ${modelsDir}`);
  await useWasmBackend();
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    format: string;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  if (modelJson.format !== FORMAT) throw new Error(`${dir}/model.json: unsupported format ${modelJson.format}`);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as ModelMeta;
  const group = modelJson.weightsManifest[0]!;
  const bytes = readFileSync(join(dir, group.paths[0]!));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const tensors = tf.io.decodeWeights(buffer, group.weights);
  try {
    const embedding = tensors.embedding!;
    const [buckets, dim] = embedding.shape as [number, number];
    const weights: EmbeddingBagWeights = {
      buckets,
      dim,
      embedding: embedding.dataSync() as Float32Array,
      dense: tensors.dense!.dataSync() as Float32Array,
      bias: (tensors.bias!.dataSync() as Float32Array)[0]!,
    };
    return { meta, weights: { ...weights, embedding: weights.embedding.slice(), dense: weights.dense.slice() }, dir };
  } finally {
    tf.dispose(Object.values(tensors));
  }
}
