/**
 * Keyword baseline used until the trained detector is in place: counts co-occurring advert
 * concepts and subtracts reporting/warning cues. Real scores from the text, no randomness.
 */
import type { Detector } from './detector.ts';
import type { Category, DetectorInput, DetectorResult, Signal, Thresholds } from './types.ts';

const CONCEPTS: Record<string, RegExp> = {
  transport: /\b(boat|dinghy|lorry|truck|flight|bateau|camion|zodiac|qarib|قارب|بلم|کشتی|بەلەم)\b|🚤|⛵|🛥|🚛|✈️/giu,
  destination: /\b(uk|england|london|italy|italia|greece|germany|angleterre|europe|اوروبا|بریتانیا|بەریتانیا)\b|🇬🇧|🇮🇹|🇬🇷/giu,
  price: /\b\d{2,6}\s?(€|£|\$|eur|euro|gbp|usd)|[€£$]\s?\d{2,6}\b/giu,
  guarantee: /\b(guarantee[d]?|garanti|100\s?%|safe|sûr|مضمون|تضمین|گەرەنتی)\b/giu,
  contact: /\b(whatsapp|telegram|viber|signal|inbox|dm)\b|wa\.me\/\S+|t\.me\/\S+|\+\d[\d\s]{7,}/giu,
};
const COUNTER = /\b(arrested|arrest|police|drowned|died|warning|warn|smugglers lie|sentenced|news|report|condemn|unhcr|ngo)\b/giu;

function findAll(text: string, re: RegExp, type: string): Signal[] {
  return [...text.matchAll(re)].map((m) => ({ type, value: m[0], start: m.index, end: m.index + m[0].length }));
}

export function createBaselineDetector(thresholds: Thresholds = { refer: 0.85, review: 0.4 }): Detector {
  return {
    version: 'baseline-keywords-1',
    thresholds,
    classify(inputs: readonly DetectorInput[]): DetectorResult[] {
      return inputs.map((input) => {
        const signals: Signal[] = [];
        let concepts = 0;
        for (const [name, re] of Object.entries(CONCEPTS)) {
          const found = findAll(input.text, re, `concept:${name}`);
          if (found.length) concepts += 1;
          signals.push(...found);
        }
        const counter = findAll(input.text, COUNTER, 'counter:reporting');
        signals.push(...counter);
        const z = -3 + 1.4 * concepts - 1.5 * Math.min(counter.length, 2);
        const score = 1 / (1 + Math.exp(-z));
        const transport = signals.find((s) => s.type === 'concept:transport')?.value.toLowerCase() ?? '';
        const category: Category = score < thresholds.review ? 'none' : /lorry|truck|camion|🚛/.test(transport) ? 'lorry' : /flight|✈️/.test(transport) ? 'flight_documents' : 'boat_crossing';
        return {
          id: input.id,
          score,
          decision: score >= thresholds.refer ? 'refer' : score >= thresholds.review ? 'review' : 'dismiss',
          category,
          lang: input.lang ?? 'und',
          signals,
          modelVersion: 'baseline-keywords-1',
        };
      });
    },
  };
}
