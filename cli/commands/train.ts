/**
 * `tidewatch train [--extra FILE...]`: retrains the detector from the shipped corpus (plus
 * reviewer decisions as labelled JSONL `{text, label, lang?}`) and writes a new model version
 * under models/, made current: the model shipped in git. A running deployment trains candidates
 * with `tidewatch model train` instead (cli/commands/model.ts), which uses the helpers below.
 * Deterministic: the same inputs give the same version id.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { readLabelled } from '../../detector/model/corpus.ts';
import type { ModelMeta } from '../../detector/model/meta.ts';
import { trainDetector } from '../../detector/model/train.ts';
import { UsageError } from '../process-lifecycle.ts';

const collect = (value: string, previous: string[]) => [...previous, value];
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

export function trainCommand() {
  return new Command('train')
    .description('retrain the detector (n-gram model + fusion + calibration) and write a new model version')
    .option('--extra <file>', 'labelled JSONL {text, label, lang?} added to training (repeatable)', collect, [] as string[])
    .option('--no-progress', 'no progress bar')
    .action(async (opts: { extra: string[]; progress: boolean }) => {
      checkExtraFiles(opts.extra);
      const started = performance.now();
      const progress = progressBars(opts.progress);
      const model = await trainDetector({ extra: opts.extra, onProgress: progress.update });
      progress.stop();
      const m = model.meta;
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `model ${m.version} written to ${relative(process.cwd(), model.dir) || model.dir} in ${secs}s (now current)\n` + trainingSummary(m),
      );
    });
}

/** Every --extra file exists and parses as labelled JSONL (before minutes of training, not after). */
export function checkExtraFiles(files: readonly string[]): void {
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
    try {
      readLabelled(f);
    } catch (err) {
      throw new UsageError(`--extra ${(err as Error).message}`);
    }
  }
}

/** Training's progress as one bar per phase on standard error (nothing when disabled). */
export function progressBars(enabled: boolean): { update: (phase: string, done: number, total: number) => void; stop: () => void } {
  const bars = enabled
    ? new MultiBar(
        {
          format: '{phase} [{bar}] {percentage}% | {value}/{total}',
          hideCursor: true,
          clearOnComplete: false,
          noTTYOutput: !process.stderr.isTTY,
          notTTYSchedule: 5_000,
        },
        Presets.shades_classic,
      )
    : undefined;
  let bar: SingleBar | undefined;
  let phase = '';
  return {
    update: (p, done, total) => {
      if (!bars) return;
      if (p !== phase) {
        bar?.update(bar.getTotal());
        phase = p;
        bar = bars.create(total, 0, { phase: p.padEnd(18) });
      }
      bar?.update(done);
    },
    stop: () => {
      bar?.update(bar.getTotal());
      bars?.stop();
    },
  };
}

export function trainingSummary(m: ModelMeta): string {
  return (
    `  trained on ${m.training.trainPosts} posts (${m.training.extraPosts} extra), corpus sha256 ${m.training.corpusSha256.slice(0, 16)}…\n` +
    `  thresholds: refer ≥ ${m.thresholds.refer.toFixed(4)}, review ≥ ${m.thresholds.review.toFixed(4)}\n` +
    `  validation: refer precision ${pct(m.metrics.validation.referPrecision)}, refer-or-review recall ${pct(m.metrics.validation.flagRecall)}, PR-AUC ${m.metrics.validation.prAuc.toFixed(4)}\n`
  );
}
