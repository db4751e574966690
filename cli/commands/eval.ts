/**
 * `tidewatch eval [--input FILE]`: measures the current detector (models/current.json, or
 * TIDEWATCH_MODEL) on the test split and the blind challenge set, or on one labelled JSONL file,
 * at its own thresholds — refer, and refer-or-review — overall, per language and on
 * obfuscated posts, with a confusion table and a PR-curve SVG under reports/.
 *
 * Precision is reported at the refer threshold because a referral is a notice to a platform;
 * recall as refer-or-review because an advert below review is never seen by a human.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { readLabelled } from '../../detector/model/corpus.ts';
import { prCurve, sliceMetrics, type SliceMetrics } from '../../detector/model/eval-metrics.ts';
import { loadDetector, type Detector } from '../../detector/index.ts';
import { DECISIONS } from '../../detector/types.ts';
import {
  CHALLENGE_SET,
  challengeSet,
  metricsTable,
  scoreLabelled,
  sliceKeyMetrics,
  testSplit,
  type EvalSet,
  type ScoredPost,
} from '../../model-registry/evaluate.ts';
import { prChartSvg } from '../pr-chart.ts';

type EvalItem = ScoredPost;

const REPORTS = join(import.meta.dirname, '../../reports');
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#000000'];

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : 'n/a').padStart(7);

function row(name: string, m: SliceMetrics): string {
  return (
    `${name.padEnd(12)}${String(m.n).padStart(5)}${String(m.adverts).padStart(6)} ` +
    `${pct(m.referPrecision)}${pct(m.referRecall)}${pct(m.referF1)}  ${pct(m.flagPrecision)}${pct(m.flagRecall)}${pct(m.flagF1)}  ${Number.isFinite(m.prAuc) ? m.prAuc.toFixed(4) : '   n/a'}`
  );
}

export function evalReport(items: readonly EvalItem[], detector: Detector): { text: string; slices: Map<string, SliceMetrics> } {
  const t = detector.thresholds;
  const slices = new Map<string, SliceMetrics>();
  slices.set('overall', sliceMetrics(items, t));
  for (const lang of [...new Set(items.map((i) => i.lang))].sort())
    slices.set(
      lang,
      sliceMetrics(
        items.filter((i) => i.lang === lang),
        t,
      ),
    );
  const rom = items.filter((i) => i.romanised);
  if (rom.length) slices.set('romanised', sliceMetrics(rom, t));
  const obf = items.filter((i) => i.obfuscated);
  if (obf.length) slices.set('obfuscated', sliceMetrics(obf, t));
  const lines = [
    `detector ${detector.version}: refer ≥ ${t.refer.toFixed(4)}, review ≥ ${t.review.toFixed(4)}`,
    '',
    `${''.padEnd(12)}${'posts'.padStart(5)}${'ads'.padStart(6)}  ${'--- refer (%) ---'.padEnd(19)} ${'-- refer|review (%) --'.padEnd(20)}`,
    `${'slice'.padEnd(12)}${''.padStart(11)} ${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}  ${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}  PR-AUC`,
  ];
  for (const [name, m] of slices) lines.push(row(name, m));
  const c = slices.get('overall')!.confusion;
  lines.push('', 'confusion (decision × truth):', `${''.padEnd(10)}${'advert'.padStart(8)}${'not'.padStart(8)}`);
  for (const d of DECISIONS) lines.push(`${d.padEnd(10)}${String(c[d].advert).padStart(8)}${String(c[d].not).padStart(8)}`);
  const fpKinds = new Map<string, number>();
  for (const i of items)
    if (i.label === 0 && i.decision !== 'dismiss') fpKinds.set(i.kind ?? 'unknown', (fpKinds.get(i.kind ?? 'unknown') ?? 0) + 1);
  if (fpKinds.size)
    lines.push(
      '',
      `non-adverts flagged, by kind: ${[...fpKinds]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  const amb = items.filter((i) => i.ambiguous);
  if (amb.length) {
    const n = (f: (i: EvalItem) => boolean) => items.filter(f).length;
    const clearNeg = n((i) => !i.ambiguous && i.label === 0);
    const clearAd = n((i) => !i.ambiguous && i.label === 1);
    lines.push(
      '',
      `clear negatives referred: ${n((i) => !i.ambiguous && i.label === 0 && i.decision === 'refer')} of ${clearNeg}; ` +
        `clear adverts dismissed: ${n((i) => !i.ambiguous && i.label === 1 && i.decision === 'dismiss')} of ${clearAd}`,
      `ambiguous posts (${amb.length}, want review): ` +
        (['refer', 'review', 'dismiss'] as const).map((d) => `${d} ${amb.filter((i) => i.decision === d).length}`).join(', '),
    );
  }
  return { text: lines.join('\n') + '\n', slices };
}

export function evalCommand() {
  return new Command('eval')
    .description(
      'the current detector on the test split and the blind challenge set (or one labelled JSONL file): precision/recall/F1/PR-AUC, per language',
    )
    .option(
      '--input <file>',
      'one labelled JSONL file {text, label, lang?, obfuscated?, romanised?} instead of the test split and the challenge set',
    )
    .option('--challenge <file>', 'the challenge set reported beside the test split', CHALLENGE_SET)
    .option('--reports <dir>', 'where the PR-curve SVGs go', REPORTS)
    .action(async (opts: { input?: string; challenge: string; reports: string }) => {
      const detector = await loadDetector(loadConfig().modelVersion);
      let sets: EvalSet[];
      if (opts.input)
        sets = [
          { name: relative(process.cwd(), opts.input) || opts.input, source: opts.input, sha256: '', posts: readLabelled(opts.input) },
        ];
      else {
        sets = [testSplit()];
        try {
          sets.push(challengeSet(opts.challenge));
        } catch (err) {
          process.stderr.write(`note: ${(err as Error).message}; test split only\n`);
        }
      }
      mkdirSync(opts.reports, { recursive: true });
      sets.forEach((set, i) => {
        const items = scoreLabelled(detector, set.posts);
        const { text } = evalReport(items, detector);
        const svg = join(opts.reports, `pr-curve-${detector.version}${i === 0 ? '' : `-${set.name.replace(/\W+/g, '-')}`}.svg`);
        writeFileSync(svg, prChartSvg(`PR curve — ${detector.version} on ${set.name}`, curvesOf(items), markersOf(items, detector)));
        const table = metricsTable(set.name, [
          { label: detector.version, result: { set: set.name, sha256: set.sha256, slices: sliceKeyMetrics(items, detector.thresholds) } },
        ]);
        process.stdout.write(
          `${i > 0 ? '\n' : ''}=== ${set.name} (${set.posts.length} posts) ===\n${text}\n${table}\nPR curve: ${relative(process.cwd(), svg) || svg}\n`,
        );
      });
    });
}

function curvesOf(items: readonly EvalItem[]) {
  const curves = [{ name: 'overall', points: prCurve(items), colour: COLOURS[0]! }];
  const langs = [...new Set(items.map((i) => i.lang))].sort();
  langs.forEach((l, i) =>
    curves.push({ name: l, points: prCurve(items.filter((x) => x.lang === l)), colour: COLOURS[(i + 1) % COLOURS.length]! }),
  );
  const obf = items.filter((i) => i.obfuscated);
  if (obf.length) curves.push({ name: 'obfuscated', points: prCurve(obf), colour: '#000000' });
  return curves;
}

function markersOf(items: readonly EvalItem[], detector: Detector) {
  const overall = sliceMetrics(items, detector.thresholds);
  return [
    { label: 'refer', precision: overall.referPrecision, recall: overall.referRecall },
    { label: 'review', precision: overall.flagPrecision, recall: overall.flagRecall },
  ].filter((m) => Number.isFinite(m.precision) && Number.isFinite(m.recall));
}
