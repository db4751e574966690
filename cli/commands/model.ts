/**
 * `tidewatch model …`: the detector's lifecycle in the model registry (model-registry/).
 *   train     a candidate from the corpus, reviewers' decisions and extra files (not live)
 *   import    a model directory (e.g. one `tidewatch train` wrote) as a candidate
 *   eval      a version beside the live one, on the test split and the challenge set
 *   promote   makes a version live for every classify worker (refused if worse on the challenge set)
 *   rollback  back to the version the live one replaced
 *   list      versions, status, when promoted, and their challenge-set figures
 *   shadow    runs a candidate beside live in the classify workers; shadow-report: how they differed
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Config } from '../../core/config.ts';
import type { PoolDb } from '../../core/db/index.ts';
import { readArtifacts } from '../../detector/model/storage.ts';
import { createTrainedDetector } from '../../detector/model/trained-detector.ts';
import {
  challengeSet,
  evaluateOn,
  metricsTable,
  testSplit,
  type EvalSet,
  type KeyMetrics,
  type SetResult,
} from '../../model-registry/evaluate.ts';
import { checkPromotion } from '../../model-registry/promotion.ts';
import {
  getModel,
  listModels,
  liveVersion,
  loadRegisteredModel,
  promoteModel,
  registerModel,
  RegistryError,
  rollbackModel,
  setMetrics,
} from '../../model-registry/store.ts';
import { setShadow, shadowReport, shadowVersion, type ShadowReport } from '../../model-registry/shadow.ts';
import { labelledPosts, reversedDecidedItems } from '../../review/export-labels.ts';
import { NearDupIndex } from '../../samples/corpus/dedup.ts';
import { UsageError, withCommandDatabase } from '../process-lifecycle.ts';
import { parseSince } from './export-labels.ts';
import { checkExtraFiles, progressBars, trainingSummary } from './train.ts';

const actor = () => `cli:${userInfo().username}`;
const collect = (value: string, previous: string[]) => [...previous, value];
const withRegistry = <T>(fn: (db: PoolDb, config: Config) => Promise<T>) => withCommandDatabase([RegistryError], fn);

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function margin(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a number from 0 to 1 (absolute, e.g. 0.01)');
  return n;
}

/** The evaluation sets: the test split, and the challenge set when its file is there (`required`: refuse otherwise). */
function evalSets(challenge: string | undefined, required: boolean): EvalSet[] {
  const sets = [testSplit()];
  try {
    sets.push(challengeSet(challenge));
  } catch (err) {
    if (required) throw new UsageError((err as Error).message);
    process.stderr.write(`note: ${(err as Error).message}; test split only\n`);
  }
  return sets;
}

interface Evaluated {
  version: string;
  results: SetResult[];
}

async function evaluateVersion(db: PoolDb, version: string, sets: readonly EvalSet[]): Promise<Evaluated> {
  const detector = createTrainedDetector(await loadRegisteredModel(db, version));
  return { version, results: sets.map((s) => evaluateOn(detector, s)) };
}

const storedMetrics = (e: Evaluated) => ({
  evaluatedAt: new Date().toISOString(),
  sets: Object.fromEntries(e.results.map((r) => [r.set, r])),
});

/** Evaluates `version` and the live model, stores the version's figures, prints them side by side. */
async function compareWithLive(db: PoolDb, version: string, sets: readonly EvalSet[]): Promise<void> {
  const { version: live, bootstrap } = await liveVersion(db);
  const candidate = await evaluateVersion(db, version, sets);
  await setMetrics(db, version, storedMetrics(candidate));
  const models = [{ label: `${version}${version === live ? ' (live)' : ''}`, evaluated: candidate }];
  if (version !== live) models.push({ label: `${live} (live)`, evaluated: await evaluateVersion(db, live, sets) });
  if (bootstrap) process.stdout.write(`live: ${live}, named by models/current.json (the registry has no live model yet)\n`);
  const out = sets.map((s, i) =>
    metricsTable(
      s.name,
      models.map((m) => ({ label: m.label, result: m.evaluated.results[i]! })),
    ),
  );
  process.stdout.write(`\n${out.join('\n')}`);
}

async function trainAction(opts: {
  fromDecisions: boolean;
  since?: string;
  extra: string[];
  challenge?: string;
  epochs?: number;
  folds?: number;
  progress: boolean;
}) {
  checkExtraFiles(opts.extra);
  const since = parseSince(opts.since);
  if (since && !opts.fromDecisions) throw new UsageError('--since applies to --from-decisions; add --from-decisions');
  const work = await mkdtemp(join(tmpdir(), 'tidewatch-model-'));
  try {
    await withRegistry(async (db) => {
      const extra = [...opts.extra];
      let decisions: { confirmed: number; rejected: number; excludedReversed: number; since: string | null } | undefined;
      const sets = evalSets(opts.challenge, false);
      if (opts.fromDecisions) {
        const file = join(work, 'decisions.jsonl');
        const out = createWriteStream(file);
        const counts = { 0: 0, 1: 0 };
        // A reviewed post that is a near-copy of a test or challenge post would leak it into training.
        const heldOut = new Map<string, NearDupIndex>();
        for (const p of sets.flatMap((s) => s.posts)) {
          const key = p.lang ?? '';
          (heldOut.get(key) ?? heldOut.set(key, new NearDupIndex()).get(key)!).add(p.text);
        }
        let nearHeldOut = 0;
        for await (const row of labelledPosts(db, { since })) {
          if (heldOut.get(row.lang)?.has(row.text)) {
            nearHeldOut += 1;
            continue;
          }
          counts[row.label] += 1;
          if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
        }
        await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
        decisions = {
          confirmed: counts[1],
          rejected: counts[0],
          excludedReversed: await reversedDecidedItems(db, { since }),
          since: since?.toISOString() ?? null,
        };
        process.stdout.write(
          `reviewer decisions${since ? ` since ${since.toISOString()}` : ''}: ${decisions.confirmed} confirmed (label 1), ${decisions.rejected} rejected (label 0) used; ` +
            `${decisions.excludedReversed} left out because a decision on them was reversed, ${nearHeldOut} as near-copies of test or challenge posts\n`,
        );
        if (counts[0] + counts[1] > 0) extra.push(file);
      }
      const progress = progressBars(opts.progress);
      // Imported here: training loads TensorFlow.js, which no other model subcommand needs.
      const { trainDetector } = await import('../../detector/model/train.ts');
      const started = performance.now();
      const model = await trainDetector({
        extra,
        makeCurrent: false,
        modelsDir: work,
        params: opts.epochs ? { epochs: opts.epochs } : {},
        ...(opts.folds ? { folds: opts.folds } : {}),
        onProgress: progress.update,
      });
      progress.stop();
      const source = {
        trainedBy: 'tidewatch model train',
        decisions: decisions ?? null,
        extra: opts.extra.map((f) => resolve(f)),
        epochs: opts.epochs ?? null,
        folds: opts.folds ?? null,
      };
      const { version, created } = await registerModel(db, readArtifacts(model.meta.version, work), { createdBy: actor(), source });
      process.stdout.write(
        `candidate ${version} ${created ? 'registered' : 'was already registered'} in ${((performance.now() - started) / 1000).toFixed(1)}s (not live: \`tidewatch model promote ${version}\`)\n` +
          trainingSummary(model.meta),
      );
      await compareWithLive(db, version, sets);
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function promoteAction(version: string, opts: { force: boolean; margin?: number; challenge?: string }) {
  await withRegistry(async (db, config) => {
    const m = opts.margin ?? config.modelRegistry.promoteMargin;
    if (!(await getModel(db, version)))
      throw new RegistryError(
        `model ${version} is not in the registry: register it with \`tidewatch model train\` or \`tidewatch model import DIR\``,
      );
    const { version: live } = await liveVersion(db);
    if (live === version) throw new RegistryError(`model ${version} is already live`);
    const [set] = evalSets(opts.challenge, true).slice(1);
    const [cand, cur] = [await evaluateVersion(db, version, [set!]), await evaluateVersion(db, live, [set!])];
    const overall = (e: Evaluated) => e.results[0]!.slices.overall as KeyMetrics;
    const check = checkPromotion(overall(cand), overall(cur), m);
    const record = { challengeSha256: set!.sha256, margin: m, failures: check.failures, candidate: check.candidate, live: check.live };
    if (check.failures.length && !opts.force) {
      throw new RegistryError(
        `promotion of ${version} refused: worse than live ${live} beyond the margin:\n  ${check.failures.join('\n  ')}\n(--force promotes anyway, recorded with your name)`,
      );
    }
    const { previous } = await promoteModel(db, {
      version,
      actor: actor(),
      forced: check.failures.length > 0,
      checkedAgainst: live,
      check: record,
    });
    for (const f of check.failures) process.stderr.write(`warning: forced past: ${f}\n`);
    for (const n of check.notCompared) process.stderr.write(`note: not compared: ${n}\n`);
    process.stdout.write(
      `${version} is live (was ${previous}); classify workers switch within ${config.modelRegistry.pollMs / 1000}s (MODEL_POLL_MS), except those pinned by TIDEWATCH_MODEL\n`,
    );
  });
}

const pct = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');

async function listAction() {
  await withRegistry(async (db) => {
    const rows = await listModels(db);
    const { version: live, bootstrap } = await liveVersion(db);
    const lines = [
      `${'version'.padEnd(20)}${'status'.padEnd(11)}${'created'.padEnd(18)}${'promoted'.padEnd(18)}${'challenge: ref|rev rec'.padStart(23)}${'refer prec'.padStart(12)}${'neg→refer'.padStart(11)}  by`,
    ];
    if (bootstrap)
      lines.push(`${live.padEnd(20)}${'live'.padEnd(11)}${'(models/current.json; not in the registry until the first promotion)'}`);
    for (const r of rows) {
      const overall =
        (r.metrics as { sets?: Record<string, { slices?: { overall?: Record<string, unknown> } }> } | null)?.sets?.['challenge set']?.slices
          ?.overall ?? {};
      const status = `${r.status}${r.forced && r.status === 'live' ? '*' : ''}${r.shadow ? '+shadow' : ''}`;
      const by = r.promotedBy ? `promoted by ${r.promotedBy}${r.forced ? ' (forced)' : ''}` : `created by ${r.createdBy}`;
      lines.push(
        `${r.version.padEnd(20)}${status.padEnd(status.length > 10 ? status.length + 1 : 11)}${day(r.createdAt).padEnd(18)}${day(r.promotedAt).padEnd(18)}${pct(overall.flagRecall).padStart(23)}${pct(overall.referPrecision).padStart(12)}${pct(overall.negativesReferred).padStart(11)}  ${by}`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n');
  });
}

function formatShadowReport(r: ShadowReport): string {
  const agreed = r.pairs.filter((p) => p.live === p.shadow).reduce((n, p) => n + p.posts, 0);
  const lines = [
    `shadow ${r.version}: ${r.compared} posts compared with the live model, ${r.compared - agreed} decided differently (${pct(r.compared ? (r.compared - agreed) / r.compared : Number.NaN)})`,
  ];
  if (r.compared === 0) return lines.join('\n') + '\n';
  lines.push('', `${'live'.padEnd(9)}${'shadow'.padEnd(9)}${'posts'.padStart(7)}`);
  for (const p of r.pairs) lines.push(`${p.live.padEnd(9)}${p.shadow.padEnd(9)}${String(p.posts).padStart(7)}`);
  lines.push('', `${'language'.padEnd(10)}${'posts'.padStart(7)}${'differ'.padStart(8)}`);
  for (const l of r.languages)
    lines.push(`${l.language.padEnd(10)}${String(l.compared).padStart(7)}${pct(l.disagreed / l.compared).padStart(8)}`);
  return lines.join('\n') + '\n';
}

export function modelCommand() {
  const model = new Command('model').description(
    'detector versions: train candidates, compare, promote to every classify worker, roll back',
  );
  model
    .command('train')
    .description('train a candidate version from the corpus plus reviewer decisions and extra files; registered, not live')
    .option(
      '--from-decisions',
      'add confirmed (label 1) and rejected (label 0) posts from the database; posts with a reversed decision are left out',
      false,
    )
    .option('--since <date>', 'with --from-decisions: only decisions made at or after this date (ISO 8601)')
    .option('--extra <file>', 'labelled JSONL {text, label, lang?} added to training (repeatable)', collect, [] as string[])
    .option('--challenge <file>', 'challenge set to report on (default samples/blind/challenge.jsonl)')
    .option('--epochs <n>', "training epochs (default: the trainer's)", positiveInt)
    .option('--folds <n>', "cross-fitting folds for the fusion layer (default: the trainer's)", positiveInt)
    .option('--no-progress', 'no progress bar')
    .action(trainAction);
  model
    .command('import')
    .description('register a model directory (models/detector-<version>/, e.g. written by `tidewatch train`) as a candidate')
    .argument('<dir>', 'the model directory')
    .option('--challenge <file>', 'challenge set to report on (default samples/blind/challenge.jsonl)')
    .action(async (dir: string, opts: { challenge?: string }) => {
      const path = resolve(dir);
      const version = basename(path).replace(/^detector-/, '');
      await withRegistry(async (db) => {
        let artifacts;
        try {
          artifacts = readArtifacts(version, `${dirname(path)}/`);
        } catch (err) {
          throw new UsageError(`${dir}: ${(err as Error).message} (expected a models/detector-<version>/ directory)`);
        }
        const r = await registerModel(db, artifacts, { createdBy: actor(), source: { importedFrom: path } });
        process.stdout.write(`${r.version} ${r.created ? 'registered as a candidate' : 'was already registered'}\n`);
        await compareWithLive(db, r.version, evalSets(opts.challenge, false));
      });
    });
  model
    .command('eval')
    .description(
      'a version beside the live model: per language, overall, romanised and obfuscated, on the test split and the challenge set',
    )
    .argument('<version>')
    .option('--challenge <file>', 'challenge set (default samples/blind/challenge.jsonl)')
    .action((version: string, opts: { challenge?: string }) =>
      withRegistry((db) => compareWithLive(db, version, evalSets(opts.challenge, false))),
    );
  model
    .command('promote')
    .description(
      'make a version live for every classify worker (within MODEL_POLL_MS); refused if worse than live on the challenge set beyond the margin',
    )
    .argument('<version>')
    .option('--force', 'promote even if the challenge-set check fails (recorded)', false)
    .option('--margin <x>', 'allowed loss per checked metric, absolute (default MODEL_PROMOTE_MARGIN, 0.01)', margin)
    .option('--challenge <file>', 'challenge set (default samples/blind/challenge.jsonl)')
    .action(promoteAction);
  model
    .command('rollback')
    .description('make the version the live one replaced live again')
    .action(() =>
      withRegistry(async (db) => {
        const r = await rollbackModel(db, { actor: actor() });
        process.stdout.write(`${r.to} is live again (was ${r.from}); classify workers switch within MODEL_POLL_MS\n`);
      }),
    );
  model.command('list').description('versions with status, promotion and challenge-set figures').action(listAction);
  model
    .command('shadow')
    .description('run a candidate beside the live model in every classify worker, recording both decisions per post (--stop ends it)')
    .argument('[version]')
    .option('--stop', 'stop the shadow run', false)
    .action((version: string | undefined, opts: { stop: boolean }) => {
      if (opts.stop === (version !== undefined)) throw new UsageError('give a VERSION to shadow, or --stop (not both)');
      return withRegistry(async (db, config) => {
        const { previous } = await setShadow(db, opts.stop ? null : version!, actor());
        process.stdout.write(
          opts.stop
            ? `stopped shadowing ${previous}; \`tidewatch model shadow-report ${previous}\` still reports it\n`
            : `${version} runs in shadow${previous && previous !== version ? ` (instead of ${previous})` : ''}; classify workers start within ${config.modelRegistry.pollMs / 1000}s (MODEL_POLL_MS)\n`,
        );
      });
    });
  model
    .command('shadow-report')
    .description(
      'how a shadow candidate decided the posts the live model classified while it ran: agreement, decision pairs, disagreement per language',
    )
    .argument('[version]', 'default: the candidate in shadow now')
    .action((given: string | undefined) =>
      withRegistry(async (db) => {
        const version = given ?? (await shadowVersion(db));
        if (!version) throw new UsageError('no model is running in shadow: name the VERSION to report on');
        process.stdout.write(formatShadowReport(await shadowReport(db, version)));
      }),
    );
  return model;
}
