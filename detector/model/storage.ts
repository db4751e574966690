/**
 * On-disk model format: `models/detector-<version>/` with
 *   model.json   – tfjs artifacts (topology description + weightsManifest, float16 embedding),
 *   weights.bin  – the weights, written by tf.io.encodeWeights-compatible layout,
 *   meta.json    – everything else needed to reproduce scores: hashing params, feature names,
 *                  fusion layer, calibration, thresholds, training corpus hash and metrics.
 * `models/current.json` names the version `loadDetector()` uses (config TIDEWATCH_MODEL overrides).
 *
 * This module reads models without TensorFlow.js: inference is a typed-array loop, and importing
 * tfjs and its wasm backend costs a worker ~80 MB of RSS for nothing. The weights manifest is
 * decoded here as tf.io.decodeWeights decodes it, for the dtypes our models use (float32, and
 * float32 stored as float16); `storage.test.ts` checks the result against tfjs bit for bit.
 * Writing (save-model.ts) and training use tfjs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmbeddingBagWeights } from './embedding-bag.ts';
import { fromFloat16Bits } from './float16.ts';
import type { ModelMeta } from './meta.ts';

export const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));
export interface StoredModel {
  meta: ModelMeta;
  weights: EmbeddingBagWeights;
  dir: string;
}

export const FORMAT = 'tidewatch-embedding-bag/1';

export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
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
  dirs.sort(
    (a, b) => statSync(join(modelsDir, b, 'meta.json')).mtimeMs - statSync(join(modelsDir, a, 'meta.json')).mtimeMs || a.localeCompare(b),
  );
  return dirs[0]!.slice('detector-'.length);
}

/** One entry of a tfjs weights manifest (the fields we read; tf.io.WeightsManifestEntry). */
export interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

/** float16 bits → float32 value, for every bit pattern (exact: float16 ⊂ float32). */
let halfTable: Float32Array | undefined;
function float16Table(): Float32Array {
  if (halfTable === undefined) {
    halfTable = new Float32Array(0x10000);
    for (let h = 0; h < 0x10000; h++) halfTable[h] = fromFloat16Bits(h);
  }
  return halfTable;
}

/**
 * The float32 tensors of a weights manifest over its concatenated bytes, as tf.io.decodeWeights
 * gives them: entries back to back in manifest order, little-endian, float16-quantised entries
 * widened to float32. `where` names the file in errors.
 */
export function decodeWeights(
  bytes: Uint8Array,
  entries: readonly ManifestEntry[],
  where: string,
): Map<string, { shape: number[]; values: Float32Array }> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  entries.forEach((e, i) => {
    const field = `${where}: weightsManifest[0].weights[${i}]`;
    if (typeof e?.name !== 'string') throw new Error(`${field}.name: expected a string`);
    if (!Array.isArray(e.shape) || !e.shape.every((d) => Number.isInteger(d) && d >= 0))
      throw new Error(`${field}.shape ("${e.name}"): expected non-negative integers`);
    if (e.dtype !== 'float32') throw new Error(`${field}.dtype ("${e.name}"): unsupported ${JSON.stringify(e.dtype)} (expected "float32")`);
    const quant = e.quantization?.dtype;
    if (quant !== undefined && quant !== 'float16')
      throw new Error(`${field}.quantization.dtype ("${e.name}"): unsupported ${JSON.stringify(quant)} (expected "float16")`);
    const n = e.shape.reduce((a, d) => a * d, 1);
    const size = n * (quant === 'float16' ? 2 : 4);
    if (offset + size > bytes.byteLength)
      throw new Error(`${where}: weights file too short for "${e.name}" (needs ${offset + size} bytes, has ${bytes.byteLength})`);
    const values = new Float32Array(n);
    if (quant === 'float16') {
      const table = float16Table();
      for (let k = 0; k < n; k++) values[k] = table[view.getUint16(offset + 2 * k, true)]!;
    } else {
      for (let k = 0; k < n; k++) values[k] = view.getFloat32(offset + 4 * k, true);
    }
    out.set(e.name, { shape: e.shape, values });
    offset += size;
  });
  return out;
}

/** A model version's three files as stored (a directory, or a row of the model registry). */
export interface ModelArtifacts {
  modelJson: string;
  metaJson: string;
  weights: Uint8Array;
}

/** The version a model's bytes hash to: weights, then meta.json without its version (save-model.ts names versions so). */
export function contentVersion(weights: Uint8Array, metaWithoutVersion: unknown): string {
  const h = createHash('sha256').update(weights).update(stableJson(metaWithoutVersion)).digest('hex');
  return `ngram-${h.slice(0, 12)}`;
}

/** Reads a model directory's files, unparsed. */
export function readArtifacts(version: string, modelsDir = MODELS_DIR): ModelArtifacts {
  const dir = join(modelsDir, `detector-${version}`);
  if (!existsSync(join(dir, 'model.json'))) throw new Error(`detector model ${version} not found in ${modelsDir}`);
  const modelJson = readFileSync(join(dir, 'model.json'), 'utf8');
  const paths = (JSON.parse(modelJson) as { weightsManifest?: { paths?: unknown }[] }).weightsManifest?.[0]?.paths;
  if (!Array.isArray(paths) || paths.length !== 1 || typeof paths[0] !== 'string') {
    throw new Error(`${dir}/model.json: weightsManifest[0] must name one weights file (paths) and its weights`);
  }
  return { modelJson, metaJson: readFileSync(join(dir, 'meta.json'), 'utf8'), weights: readFileSync(join(dir, paths[0])) };
}

/**
 * Decodes a model from its files; `where` names them in errors. With `verify`, the bytes must hash
 * to the version meta.json claims (artifacts that travelled through a database or a copy).
 */
export function modelFromArtifacts(a: ModelArtifacts, where: string, opts: { verify?: boolean } = {}): Omit<StoredModel, 'dir'> {
  const modelJson = JSON.parse(a.modelJson) as {
    format: string;
    weightsManifest?: { paths: string[]; weights: ManifestEntry[] }[];
  };
  if (modelJson.format !== FORMAT) throw new Error(`${where}/model.json: unsupported format ${modelJson.format}`);
  const group = modelJson.weightsManifest?.[0];
  if (!group || !Array.isArray(group.paths) || group.paths.length !== 1 || !Array.isArray(group.weights)) {
    throw new Error(`${where}/model.json: weightsManifest[0] must name one weights file (paths) and its weights`);
  }
  const meta = JSON.parse(a.metaJson) as ModelMeta;
  if (opts.verify) {
    const { version, ...rest } = meta;
    const hashed = contentVersion(a.weights, rest);
    if (hashed !== version)
      throw new Error(`${where}: meta.json says version ${version} but the artifacts hash to ${hashed} (altered or corrupt)`);
  }
  const tensors = decodeWeights(a.weights, group.weights, `${where}/model.json`);
  const get = (name: string, rank: number) => {
    const t = tensors.get(name);
    if (!t || t.shape.length !== rank) throw new Error(`${where}/model.json: weightsManifest has no rank-${rank} "${name}" weight`);
    return t;
  };
  const embedding = get('embedding', 2);
  const [buckets, dim] = embedding.shape as [number, number];
  const weights: EmbeddingBagWeights = {
    buckets,
    dim,
    embedding: embedding.values,
    dense: get('dense', 2).values,
    bias: get('bias', 1).values[0]!,
  };
  return { meta, weights };
}

/** Loads a model directory (no TensorFlow.js: see the top of this file). */
export async function loadModel(version = resolveVersion(), modelsDir = MODELS_DIR): Promise<StoredModel> {
  const dir = join(modelsDir, `detector-${version}`);
  return { ...modelFromArtifacts(readArtifacts(version, modelsDir), dir), dir };
}
