/**
 * Confusion table of language ID (detected tag × true tag) on the Latin-script posts of the
 * training corpus: the romanised ones (`romanised: true` → "fa-Latn" etc.) and the Latin-script
 * languages (en fr tr sq vi kmr), so a change to detector/language/ shows what it gains and what
 * it steals. Never reads samples/blind/ or samples/challenge/.
 *
 *   npx tsx scripts/language-confusion.ts [held|dev] [--errors PREFIX]
 *
 * `held` (default): written/train-8..10 and the test split, left out when the romanised marker
 * words were chosen; `dev`: written/train-1..7 and the train and validation splits.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { identifyLanguage, languageTag } from '../detector/language/detect.ts';

const CORPUS = fileURLToPath(new URL('../samples/corpus/', import.meta.url));
const part = process.argv[2] === 'dev' ? 'dev' : 'held';
const errorsIdx = process.argv.indexOf('--errors');
const errorPrefix = errorsIdx > 0 ? (process.argv[errorsIdx + 1] ?? '') : null;

const files =
  part === 'held'
    ? ['written/train-8.jsonl', 'written/train-9.jsonl', 'written/train-10.jsonl', 'test.jsonl']
    : [
        'written/train-1.jsonl',
        'written/train-2.jsonl',
        'written/train-3.jsonl',
        'written/train-4.jsonl',
        'written/train-5.jsonl',
        'written/train-6.jsonl',
        'written/train-7.jsonl',
        'train.jsonl',
        'validation.jsonl',
      ];
const LATIN = ['en', 'fr', 'tr', 'sq', 'vi', 'kmr', 'fa-Latn', 'ar-Latn', 'ckb-Latn', 'ps-Latn'];

const table = new Map<string, Map<string, number>>();
for (const f of files) {
  readFileSync(CORPUS + f, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const p = JSON.parse(line) as { text: string; lang: string; romanised?: boolean };
      if (typeof p.text !== 'string' || typeof p.lang !== 'string') throw new Error(`${f}:${i + 1}: expected text and lang strings`);
      const truth = p.romanised ? `${p.lang}-Latn` : p.lang;
      if (!LATIN.includes(truth)) return;
      const id = identifyLanguage(p.text);
      const got = languageTag(id.lang, id.script);
      const row = table.get(truth) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      table.set(truth, row);
      if (errorPrefix !== null && got !== truth && truth.startsWith(errorPrefix))
        console.log(`${truth} -> ${got}: ${p.text.slice(0, 140).replace(/\s+/g, ' ')}`);
    });
}

const cols = [...new Set([...table.values()].flatMap((r) => [...r.keys()]))].sort();
console.log(`${part}: rows true tag, columns detected tag`);
console.log(['true \\ detected'.padEnd(16), 'n'.padStart(5), 'acc %'.padStart(6), ...cols.map((c) => c.padStart(8))].join(' '));
for (const t of LATIN) {
  const row = table.get(t) ?? new Map<string, number>();
  const n = [...row.values()].reduce((a, b) => a + b, 0);
  const acc = n === 0 ? 'n/a' : (((row.get(t) ?? 0) / n) * 100).toFixed(1);
  console.log([t.padEnd(16), String(n).padStart(5), acc.padStart(6), ...cols.map((c) => String(row.get(c) ?? '').padStart(8))].join(' '));
}
