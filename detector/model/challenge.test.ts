/**
 * Floors on the independent challenge set (samples/challenge/, never trained on): the check
 * that the detector generalises beyond the generator's phrasing and is not over-confident on
 * short or ambiguous posts. Floors sit a little below what the shipped model achieves
 * (when written, ngram-67878472e664: refer precision 100 %, refer-or-review recall 96.7 %, 0 of 110 clear
 * negatives referred, 2 of 100 clear adverts dismissed, 22 of 40 ambiguous posts in review),
 * so a retrain that loses generalisation fails CI.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDetector, type Detector } from '../index.ts';
import { readLabelled, type LabelledPost } from './corpus.ts';
import { sliceMetrics } from './eval-metrics.ts';

const FILE = fileURLToPath(new URL('../../samples/challenge/challenge.jsonl', import.meta.url));

let detector: Detector;
let posts: LabelledPost[];
let decisions: string[];
let scores: number[];
beforeAll(async () => {
  detector = await loadDetector();
  posts = readLabelled(FILE);
  const res = detector.classify(posts.map((p, i) => ({ id: p.id ?? String(i), text: p.text, lang: p.lang })));
  decisions = res.map((r) => r.decision);
  scores = res.map((r) => r.score);
});

const idx = (f: (p: LabelledPost) => boolean) => posts.map((p, i) => (f(p) ? i : -1)).filter((i) => i >= 0);

describe('challenge set (independent hold-out)', () => {
  it('has 250 posts, 25 per language, with clear and ambiguous posts', () => {
    expect(posts).toHaveLength(250);
    const langs = new Map<string, number>();
    for (const p of posts) langs.set(p.lang!, (langs.get(p.lang!) ?? 0) + 1);
    expect([...langs.values()].every((n) => n === 25)).toBe(true);
    expect(langs.size).toBe(10);
    expect(posts.filter((p) => p.ambiguous).length).toBe(40);
  });

  it('refer precision and refer-or-review recall stay above their floors', () => {
    const m = sliceMetrics(
      posts.map((p, i) => ({ score: scores[i]!, label: p.label })),
      detector.thresholds,
    );
    expect(m.referPrecision).toBeGreaterThanOrEqual(0.95);
    expect(m.flagRecall).toBeGreaterThanOrEqual(0.93);
    expect(m.prAuc).toBeGreaterThanOrEqual(0.95);
  });

  it('refer-or-review recall is at least 0.8 in every language', () => {
    for (const lang of new Set(posts.map((p) => p.lang!))) {
      const mine = idx((p) => p.lang === lang);
      const m = sliceMetrics(
        mine.map((i) => ({ score: scores[i]!, label: posts[i]!.label })),
        detector.thresholds,
      );
      expect(m.flagRecall, lang).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('refers almost no clear negatives and dismisses almost no clear adverts', () => {
    expect(idx((p) => !p.ambiguous && p.label === 0).filter((i) => decisions[i] === 'refer').length).toBeLessThanOrEqual(2);
    expect(idx((p) => !p.ambiguous && p.label === 1).filter((i) => decisions[i] === 'dismiss').length).toBeLessThanOrEqual(4);
  });

  it('sends ambiguous short posts to review rather than refer', () => {
    const amb = idx((p) => p.ambiguous);
    expect(amb.filter((i) => decisions[i] === 'refer').length).toBeLessThanOrEqual(5);
    expect(amb.filter((i) => decisions[i] === 'review').length).toBeGreaterThanOrEqual(16);
  });

  it('keeps the issue examples out of refer', () => {
    const texts = [
      'Looking for a lorry driver to England, good pay',
      'Anyone know a way to get to England? Message me',
      'Need passport for UK? message',
      'Travel to Italy by sea, details in private',
    ];
    const res = detector.classify(texts.map((text, i) => ({ id: String(i), text, lang: 'en' })));
    for (const r of res) expect(r.decision, texts[Number(r.id)]).not.toBe('refer');
  });
});
