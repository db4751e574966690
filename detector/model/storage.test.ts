import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWeights, loadModel, resolveVersion, MODELS_DIR, type ManifestEntry } from './storage.ts';
import { tf, useWasmBackend } from './tf-backend.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tidewatch-storage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const shippedDir = join(MODELS_DIR, `detector-${resolveVersion()}`);
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).weightsManifest[0].weights as ManifestEntry[];

describe('loading a model without TensorFlow.js', () => {
  it('decodes the shipped weights exactly as tf.io.decodeWeights does, bit for bit', async () => {
    await useWasmBackend();
    const bytes = readFileSync(join(shippedDir, 'weights.bin'));
    const ours = decodeWeights(bytes, manifest(shippedDir), 'shipped');
    const theirs = tf.io.decodeWeights(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      manifest(shippedDir) as tf.io.WeightsManifestEntry[],
    );
    try {
      expect([...ours.keys()]).toEqual(Object.keys(theirs));
      for (const [name, t] of ours) {
        const ref = theirs[name]!;
        expect(t.shape, name).toEqual(ref.shape);
        const a = new Uint32Array(t.values.buffer, t.values.byteOffset, t.values.length);
        const b = new Uint32Array((ref.dataSync() as Float32Array).slice().buffer);
        let differing = a.length === b.length ? 0 : 1;
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
        expect(differing, name).toBe(0);
      }
      // Not vacuous: the embedding has many distinct non-zero values.
      expect(new Set(ours.get('embedding')!.values).size).toBeGreaterThan(1000);
    } finally {
      tf.dispose(Object.values(theirs));
    }
  });

  it('rejects manifests it cannot decode, naming the field', async () => {
    const bytes = new Uint8Array(16);
    expect(() => decodeWeights(bytes, [{ name: 'w', shape: [2], dtype: 'int32' }], 'm.json')).toThrow(
      /m\.json: weightsManifest\[0\]\.weights\[0\]\.dtype \("w"\)/,
    );
    expect(() => decodeWeights(bytes, [{ name: 'w', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8' } }], 'm.json')).toThrow(
      /quantization\.dtype/,
    );
    expect(() => decodeWeights(bytes, [{ name: 'w', shape: [2.5], dtype: 'float32' }], 'm.json')).toThrow(/weights\[0\]\.shape/);
    expect(() => decodeWeights(bytes, [{ name: 'w', shape: [5], dtype: 'float32' }], 'm.json')).toThrow(/too short for "w"/);

    // A model directory whose manifest lacks the dense layer.
    const dir = join(tmp, 'detector-broken');
    cpSync(shippedDir, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    json.weightsManifest[0].weights = json.weightsManifest[0].weights.filter((w: ManifestEntry) => w.name !== 'dense');
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModel('broken', tmp)).rejects.toThrow(/no rank-2 "dense" weight/);
  });

  it('the inference path (detector/index.ts) imports neither TensorFlow.js nor its wasm backend', () => {
    const packages = packageImports(fileURLToPath(new URL('../index.ts', import.meta.url)));
    expect([...packages].filter((p) => p.startsWith('@tensorflow/'))).toEqual([]);
    // The walk does reach the detector's package imports (the check is not vacuous).
    expect(packages.has('libphonenumber-js/max')).toBe(true);
  });
});

/**
 * Packages a module loads at run time, following its relative imports: static and dynamic
 * `import … from '…'` / `export … from '…'` / `import('…')`, but not `import type` (erased).
 */
function packageImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}
