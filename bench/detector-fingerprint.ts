/**
 * Fingerprint of the detector's outputs: classifies every post in samples/corpus/{train,validation,test}.jsonl
 * and samples/challenge/challenge.jsonl, once with the post's lang given and once with lang = null, and prints
 * a SHA-256 over the JSON of all results (score, decision, category, lang, signals).
 *
 * Performance work on the detector must leave this hash unchanged: the shipped model was trained and
 * calibrated on exactly these features. Scores are hashed to 12 significant digits: regrouping float64
 * additions (summing a word's values before the post's) moves the last bit or two, which no threshold
 * can see; anything larger changes the hash. A second, deeper hash also covers analyse()'s intermediate output
 * (normalised words, feature vector), to catch a change that does not (yet) move a score.
 * Run: npx tsx bench/detector-fingerprint.ts
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readLabelled, readSplit } from '../detector/model/corpus.ts';
import { loadDetector } from '../detector/index.ts';
import { analyse } from '../detector/heuristics/analyse.ts';
import type { DetectorInput } from '../detector/types.ts';

const detector = await loadDetector();
const challenge = readLabelled(fileURLToPath(new URL('../samples/challenge/challenge.jsonl', import.meta.url)));
const sources = { train: readSplit('train'), validation: readSplit('validation'), test: readSplit('test'), challenge };

const results = createHash('sha256');
const deep = createHash('sha256');
let n = 0;
for (const [name, posts] of Object.entries(sources)) {
  for (const withLang of [true, false]) {
    const inputs: DetectorInput[] = posts.map((p, i) => ({ id: `${name}:${i}`, text: p.text, lang: withLang ? p.lang : null }));
    for (let i = 0; i < inputs.length; i += 500) {
      for (const r of detector.classify(inputs.slice(i, i + 500))) {
        results.update(
          JSON.stringify({
            id: r.id,
            score: r.score.toPrecision(12),
            decision: r.decision,
            category: r.category,
            lang: r.lang,
            signals: r.signals,
          }),
        );
        results.update('\n');
        n++;
      }
    }
    for (const input of inputs) {
      const a = analyse(input.text, input.lang);
      deep.update(
        JSON.stringify({
          id: input.id,
          words: a.tokens.words,
          features: Array.from(a.features),
          category: a.category,
          lang: a.lang,
          signals: a.signals,
        }),
      );
      deep.update('\n');
    }
  }
}
console.log(`results ${n}`);
console.log(`fingerprint ${results.digest('hex')}`);
console.log(`analysis    ${deep.digest('hex')}`);
