import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, MAX_TEXT_CHARS } from '../errors.ts';
import { loadDetector, type Detector } from '../index.ts';
import { CATEGORIES, DECISIONS } from '../types.ts';
import { readSplit } from './corpus.ts';
import { sliceMetrics } from './eval-metrics.ts';

let detector: Detector;
beforeAll(async () => {
  detector = await loadDetector();
});

describe('trained detector: input errors', () => {
  const bad: [string, string, RegExp][] = [
    ['empty', '', /field "text" is empty/],
    ['whitespace-only', ' \n\t ', /field "text" is whitespace only/],
    ['oversized', 'a'.repeat(MAX_TEXT_CHARS + 1), /field "text" is longer than 20000 characters/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name} text with a typed error naming the field`, () => {
      let err: unknown;
      try {
        detector.classify([
          { id: 'ok', text: 'a normal post' },
          { id: 'p1', text },
        ]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe('text');
      expect((err as InvalidInputError).postId).toBe('p1');
      expect((err as Error).message).toMatch(message);
    });
  }

  it('accepts text of exactly the maximum length', () => {
    expect(detector.classify([{ id: 'x', text: 'b'.repeat(MAX_TEXT_CHARS) }])).toHaveLength(1);
  });
});

describe('trained detector: results', () => {
  it('returns well-formed, deterministic results with lang given or not', () => {
    const inputs = [
      { id: 'a', text: 'Safe boat to UK this week 🚤🇬🇧 2500€ per person, kids half price, WhatsApp +44 7700 900123', lang: 'en' },
      { id: 'b', text: 'Police arrested two smugglers in Calais after a dinghy sank in the Channel.', lang: null },
    ];
    const first = detector.classify(inputs);
    expect(detector.classify(inputs)).toEqual(first);
    for (const r of first) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(DECISIONS).toContain(r.decision);
      expect(CATEGORIES).toContain(r.category);
      expect(r.modelVersion).toBe(detector.version);
      if (r.decision === 'dismiss') expect(r.category).toBe('none');
      for (const s of r.signals) expect(inputs.find((i) => i.id === r.id)!.text.slice(s.start, s.end).length).toBe(s.end - s.start);
    }
    expect(first[0]!.decision).toBe('refer');
    expect(first[0]!.category).toBe('boat_crossing');
    expect(first[1]!.decision).toBe('dismiss');
    expect(first[1]!.lang).toBe('en');
  });

  it('thresholds are ordered probabilities', () => {
    expect(detector.thresholds.review).toBeGreaterThan(0);
    expect(detector.thresholds.review).toBeLessThanOrEqual(detector.thresholds.refer);
    expect(detector.thresholds.refer).toBeLessThan(1);
  });
});

describe('shipped model quality floors on the test split (regression guard)', () => {
  it('refer precision ≥ 0.95, refer-or-review recall ≥ 0.93 overall, ≥ 0.85 per language and obfuscated', () => {
    const test = readSplit('test');
    const results = detector.classify(test.map((p, i) => ({ id: String(i), text: p.text, lang: p.lang })));
    const items = results.map((r, i) => ({ score: r.score, label: test[i]!.label, lang: test[i]!.lang, obfuscated: test[i]!.obfuscated }));
    const overall = sliceMetrics(items, detector.thresholds);
    expect(overall.referPrecision).toBeGreaterThanOrEqual(0.95);
    expect(overall.flagRecall).toBeGreaterThanOrEqual(0.93);
    const groups = new Map<string, typeof items>();
    for (const it of items) {
      groups.set(it.lang ?? 'und', [...(groups.get(it.lang ?? 'und') ?? []), it]);
      if (it.obfuscated) groups.set('obfuscated', [...(groups.get('obfuscated') ?? []), it]);
    }
    for (const [name, list] of groups) {
      expect(sliceMetrics(list, detector.thresholds).flagRecall, name).toBeGreaterThanOrEqual(0.85);
    }
  });
});
