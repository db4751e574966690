// Checks the individually written posts (written/*.jsonl): every line parses with the written schema,
// ids are unique, and no post is a near-copy (token Jaccard >= 0.7, dedup.ts) of the frozen blind set,
// the composed splits, or an earlier written post. `--drop` removes near-copies from the later file.
// Run: npx tsx samples/corpus/check-written.ts [--drop]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NearDupIndex } from './dedup.ts';
import { writtenPaths } from '../../detector/model/corpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const LANGS = ['en', 'fr', 'ar', 'ckb', 'kmr', 'fa', 'ps', 'sq', 'vi', 'tr'];
const drop = process.argv.includes('--drop');

const readJsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`${path}:${i + 1}: invalid JSON`);
      }
    });

const blind = new Map<string, NearDupIndex>();
const earlier = new Map<string, NearDupIndex>();
const idx = (m: Map<string, NearDupIndex>, lang: string) => m.get(lang) ?? m.set(lang, new NearDupIndex()).get(lang)!;
for (const r of readJsonl(join(HERE, '../blind/challenge.jsonl'))) idx(blind, String(r.lang)).add(String(r.text));
for (const s of ['train', 'validation', 'test'])
  for (const r of readJsonl(join(HERE, `${s}.jsonl`))) idx(earlier, String(r.lang)).add(String(r.text));

const ids = new Set<string>();
let problems = 0;
for (const path of writtenPaths()) {
  const rows = readJsonl(path);
  const kept: Record<string, unknown>[] = [];
  const dropped = { blind: 0, earlier: 0 };
  rows.forEach((r, i) => {
    const where = `${path}:${i + 1} (${String(r.id)})`;
    const bad = (field: string, why: string) => {
      problems++;
      console.error(`${where}: field "${field}" ${why}`);
    };
    if (typeof r.id !== 'string' || r.id === '') bad('id', 'missing');
    else if (ids.has(r.id)) bad('id', 'repeats an earlier id');
    else ids.add(r.id);
    if (typeof r.text !== 'string' || r.text.trim() === '') bad('text', 'missing or empty');
    if (r.label !== 0 && r.label !== 1) bad('label', 'must be 0 or 1');
    if (!LANGS.includes(String(r.lang))) bad('lang', `must be one of ${LANGS.join(' ')}`);
    if (r.script !== 'Latn' && r.script !== 'Arab') bad('script', 'must be Latn or Arab');
    if ((r.label === 1) !== (r.kind === 'advert')) bad('kind', 'must be "advert" exactly when label is 1');
    const text = String(r.text);
    const lang = String(r.lang);
    if (idx(blind, lang).has(text)) dropped.blind++;
    else if (idx(earlier, lang).has(text)) dropped.earlier++;
    else {
      kept.push(r);
      idx(earlier, lang).add(text);
    }
  });
  const n = dropped.blind + dropped.earlier;
  console.log(
    `${path.slice(HERE.length + 1)}: ${rows.length} posts, near-copies: ${dropped.blind} of the blind set, ${dropped.earlier} of the corpus or earlier written posts${n && drop ? ' (dropped)' : ''}`,
  );
  if (n && drop) writeFileSync(path, kept.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
if (problems) {
  console.error(`${problems} problems`);
  process.exitCode = 1;
}
