import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../heuristics/analyse.ts';
import { readSplit } from './corpus.ts';
import { EmbeddingBagScorer } from './embedding-bag.ts';
import { saveModel } from './save-model.ts';
import { loadModel, type StoredModel } from './storage.ts';
import { tf, useWasmBackend } from './tf-backend.ts';
import { disposeTfModel, forward, packBatch, tfModelFromWeights } from './tf-model.ts';
import { NgramModel } from './post-scorer.ts';
import { createTrainedDetector } from './trained-detector.ts';

let shipped: StoredModel;
let tmp: string;
const posts = readSplit('test').slice(0, 120);

beforeAll(async () => {
  // loadModel no longer starts tfjs; the reference forward pass runs on the backend inference used to.
  await useWasmBackend();
  shipped = await loadModel();
  tmp = mkdtempSync(join(tmpdir(), 'tidewatch-model-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('n-gram model inference', () => {
  it('the typed-array forward pass gives the tfjs forward pass scores (within 1e-5)', () => {
    const ngram = new NgramModel(shipped.meta.hashing, shipped.weights);
    const ids = posts.map((p) => ngram.ids(analyse(p.text, p.lang).tokens.words));
    const fast = new EmbeddingBagScorer(shipped.weights);
    const tfModel = tfModelFromWeights(shipped.weights);
    const batch = packBatch(ids);
    const logits = forward(tfModel, batch);
    const reference = Array.from(logits.dataSync());
    tf.dispose([logits, batch.unique, batch.assign]);
    disposeTfModel(tfModel);
    expect(reference).toHaveLength(ids.length);
    ids.forEach((row, i) => expect(Math.abs(fast.logit(row) - reference[i]!)).toBeLessThan(1e-5));
    // And the scores are not all the same (the check is not vacuous).
    expect(new Set(reference.map((x) => x.toFixed(3))).size).toBeGreaterThan(20);
  });

  it('an empty bag scores the bias', () => {
    expect(new EmbeddingBagScorer(shipped.weights).logit(new Int32Array(0))).toBe(shipped.weights.bias);
  });
});

describe('model storage', () => {
  it('save → load round trip gives identical scores and the same version', async () => {
    const { version: _v, ...meta } = shipped.meta;
    const saved = saveModel(shipped.weights, meta, tmp);
    expect(saved.meta.version).toBe(shipped.meta.version);
    const loaded = await loadModel(saved.meta.version, tmp);
    const e1 = loaded.weights.embedding;
    const e0 = shipped.weights.embedding;
    let differing = e1.length === e0.length ? 0 : 1;
    for (let i = 0; i < e0.length; i++) if (e1[i] !== e0[i]) differing++;
    expect(differing).toBe(0);
    const inputs = posts.map((p, i) => ({ id: String(i), text: p.text, lang: p.lang }));
    const a = createTrainedDetector(shipped).classify(inputs);
    const b = createTrainedDetector(loaded).classify(inputs);
    expect(b.map((r) => r.score)).toEqual(a.map((r) => r.score));
  });

  it('the shipped weights file stays small enough to commit', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync(join(shipped.dir, 'weights.bin')).size).toBeLessThan(10 * 1024 * 1024);
  });
});
