import { describe, expect, it } from 'vitest';
import { calibrate, fitPlatt, IDENTITY_CALIBRATION } from './calibration.ts';
import { chooseThresholds, type ThresholdItem } from './thresholds.ts';
import { mulberry32 } from './random.ts';
import { loadModel } from './storage.ts';

describe('Platt calibration', () => {
  const rng = mulberry32(7);
  const logits: number[] = [];
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < 400; i++) {
    const y = rng() < 0.5 ? 1 : 0;
    logits.push((y ? 2 : -2) + (rng() - 0.5) * 6);
    labels.push(y);
  }

  it('is monotonic non-decreasing in the fused logit', () => {
    const c = fitPlatt(logits, labels);
    expect(c.a).toBeGreaterThan(0);
    let prev = -Infinity;
    for (let z = -40; z <= 40; z += 0.01) {
      const s = calibrate(c, z);
      expect(s).toBeGreaterThanOrEqual(prev);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      prev = s;
    }
  });

  it('never inverts a ranking: anti-correlated data falls back to identity', () => {
    expect(
      fitPlatt(
        logits.map((z) => -z),
        labels,
      ),
    ).toEqual(IDENTITY_CALIBRATION);
  });

  it('the shipped model calibration is monotonic', async () => {
    const { meta } = await loadModel();
    expect(meta.calibration.a).toBeGreaterThan(0);
    const zs = Array.from({ length: 2001 }, (_, i) => -20 + i * 0.02);
    const scores = zs.map((z) => calibrate(meta.calibration, z));
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThanOrEqual(scores[i - 1]!);
  });
});

describe('threshold choice', () => {
  it('refer meets the precision target and review keeps recall in every group', () => {
    const rng = mulberry32(11);
    const items: ThresholdItem[] = [];
    for (let i = 0; i < 600; i++) {
      const label = i % 2 === 0 ? 1 : 0;
      const score = Math.min(0.999, Math.max(0.001, (label ? 0.7 : 0.25) + (rng() - 0.5) * 0.6));
      items.push({ score, label, lang: ['en', 'fr', 'ar'][i % 3]!, obfuscated: i % 7 === 0 });
    }
    const t = chooseThresholds(items);
    expect(t.review).toBeLessThanOrEqual(t.refer);
    const referred = items.filter((i) => i.score >= t.refer);
    expect(referred.filter((i) => i.label === 1).length / referred.length).toBeGreaterThanOrEqual(0.97);
    for (const lang of ['en', 'fr', 'ar']) {
      const ads = items.filter((i) => i.label === 1 && i.lang === lang);
      expect(ads.filter((i) => i.score >= t.review).length / ads.length).toBeGreaterThanOrEqual(0.9);
    }
  });
});
