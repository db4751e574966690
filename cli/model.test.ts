/**
 * `tidewatch model …` as an operator runs it, against a real database: what each command refuses
 * (and that a refusal changes nothing), the promote / rollback cycle with its audit trail, and a
 * candidate trained from reviewer decisions with the reversed ones left out. Model versions are
 * the shipped model re-versioned (test/model-variants.ts), except the one real (short) training.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerModel } from '../model-registry/store.ts';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { sameScoresVariant, SHIPPED, worseVariant } from '../test/model-variants.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';

const SAME = sameScoresVariant(11);
const WORSE = worseVariant();

describe('tidewatch model', () => {
  let iso: Isolated;
  let dir: string;
  let challenge: string;
  beforeAll(async () => {
    iso = await isolate();
    dir = await mkdtemp(path.join(tmpdir(), 'tw-model-'));
    // A stand-in challenge set (tests never read the blind one): part of the public one, some marked romanised.
    const lines = (await readFile(path.join(import.meta.dirname, '../samples/challenge/challenge.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .slice(0, 80);
    challenge = path.join(dir, 'challenge.jsonl');
    await writeFile(
      challenge,
      lines.map((l, i) => (i % 8 === 0 ? JSON.stringify({ ...JSON.parse(l), romanised: true }) : l)).join('\n') + '\n',
    );
    await registerModel(iso.db, WORSE, { createdBy: 'test' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await iso?.cleanup();
  });
  const env = () => ({ DATABASE_URL: iso.databaseUrl });
  const cli = (...args: string[]) => runCli(['model', ...args], env());

  it.each([
    [
      'an unknown version',
      () => ['promote', 'ngram-000000000000', '--challenge', challenge],
      2,
      /model ngram-000000000000 is not in the registry/,
    ],
    [
      'a candidate worse than live on the challenge set',
      () => ['promote', WORSE.version, '--challenge', challenge],
      2,
      new RegExp(
        `promotion of ${WORSE.version} refused: worse than live ${SHIPPED} beyond the margin:\\n  refer-or-review recall on the challenge set: candidate 0\\.0000 vs live 0\\.\\d{4} \\(lower by 0\\.\\d{4}, margin 0\\.0100\\)`,
      ),
    ],
    [
      'a missing challenge set',
      () => ['promote', WORSE.version, '--challenge', path.join(dir, 'nope.jsonl')],
      2,
      /challenge set .*nope\.jsonl not found/,
    ],
    ['a margin outside 0..1', () => ['promote', WORSE.version, '--margin', '2'], 1, /--margin.*expected a number from 0 to 1/],
    [
      'a rollback with nothing before the live model',
      () => ['rollback'],
      2,
      new RegExp(`nothing to roll back to: the live model \\(${SHIPPED}, from models/current.json\\) did not replace another`),
    ],
    ['--since without --from-decisions', () => ['train', '--since', '2026-01-01'], 2, /--since applies to --from-decisions/],
    ['a bad --since', () => ['train', '--from-decisions', '--since', 'yesterday'], 2, /--since: "yesterday" is not a date/],
    ['a missing --extra file', () => ['train', '--extra', path.join(dir, 'none.jsonl')], 2, /none\.jsonl: no such file/],
    ['importing a directory that is no model', () => ['import', dir], 2, /expected a models\/detector-<version>\/ directory/],
    [
      'evaluating an unknown version',
      () => ['eval', 'ngram-000000000000', '--challenge', challenge],
      2,
      /model ngram-000000000000 is neither in the registry/,
    ],
    ['shadow without a version or --stop', () => ['shadow'], 2, /give a VERSION to shadow, or --stop/],
    ['stopping a shadow run when none runs', () => ['shadow', '--stop'], 2, /no model is running in shadow/],
    ['a shadow report with no shadow and no version', () => ['shadow-report'], 2, /no model is running in shadow: name the VERSION/],
  ] as const)('refuses %s', async (_name, args, code, message) => {
    const res = await cli(...args());
    expect(res.code, res.stdout).toBe(code);
    expect(res.stderr).toMatch(message);
  });

  it('changed nothing while refusing', async () => {
    expect(await iso.db.prisma.detectorModel.findMany({ select: { version: true, status: true } })).toEqual([
      { version: WORSE.version, status: 'candidate' },
    ]);
    expect(await iso.db.prisma.auditEvent.count({ where: { subjectType: 'detector_model' } })).toBe(0);
  });

  it('imports, compares side by side, promotes, forces, rolls back, lists, with an audit trail', async () => {
    const variant = path.join(dir, `detector-${SAME.version}`);
    await mkdir(variant);
    await Promise.all([
      writeFile(path.join(variant, 'model.json'), SAME.modelJson),
      writeFile(path.join(variant, 'meta.json'), SAME.metaJson),
      writeFile(path.join(variant, 'weights.bin'), SAME.weights),
    ]);
    const imported = await cli('import', variant, '--challenge', challenge);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`${SAME.version} registered as a candidate`);

    const evaluated = await cli('eval', WORSE.version, '--challenge', challenge);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toMatch(/^test split: \d+ posts, \d+ adverts$/m);
    expect(evaluated.stdout).toMatch(/^challenge set: 80 posts, \d+ adverts$/m);
    expect(evaluated.stdout).toMatch(new RegExp(`^overall +${WORSE.version} +80 +\\d+ +0\\.0%`, 'm'));
    expect(evaluated.stdout).toMatch(new RegExp(`^ +${SHIPPED} \\(live\\) +80 `, 'm'));
    expect(evaluated.stdout).toMatch(/^romanised +ngram-/m);
    expect(evaluated.stdout).toMatch(/^fa +ngram-/m);

    const promoted = await cli('promote', SAME.version, '--challenge', challenge);
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain(`${SAME.version} is live (was ${SHIPPED})`);

    expect((await cli('promote', SAME.version, '--challenge', challenge)).stderr).toMatch(/is already live/);
    const forced = await cli('promote', WORSE.version, '--challenge', challenge, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/warning: forced past: refer-or-review recall on the challenge set/);

    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${WORSE.version} +live\\* .* +0\\.0% +n/a +0\\.0% +promoted by cli:\\S+ \\(forced\\)$`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^${SAME.version} +retired `, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^${SHIPPED} +retired `, 'm'));

    const back = await cli('rollback');
    expect(back.stdout).toContain(`${SAME.version} is live again (was ${WORSE.version})`);
    expect((await cli('rollback')).stdout).toContain(`${SHIPPED} is live again (was ${SAME.version})`);
    expect((await cli('rollback')).stderr).toMatch(
      new RegExp(`nothing to roll back to: the live model \\(${SHIPPED}\\) did not replace another`),
    );

    const events = await iso.db.prisma.auditEvent.findMany({ where: { subjectType: 'detector_model' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([
      ['model.promote', SAME.version],
      ['model.promote', WORSE.version],
      ['model.rollback', SAME.version],
      ['model.rollback', SHIPPED],
    ]);
    expect(events.every((e) => e.actor.startsWith('cli:'))).toBe(true);
    expect(events[1]!.after).toMatchObject({
      live: WORSE.version,
      forced: true,
      check: { margin: 0.01, failures: [expect.stringMatching(/^refer-or-review recall/)] },
    });
    expect(
      await iso.db.prisma.detectorModel.findUniqueOrThrow({
        where: { version: WORSE.version },
        select: { forced: true, status: true, previousLive: true },
      }),
    ).toEqual({ forced: true, status: 'retired', previousLive: SAME.version });
  });

  it('starts, lists, reports and stops a shadow run', async () => {
    const started = await cli('shadow', WORSE.version);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain(`${WORSE.version} runs in shadow`);
    expect((await cli('list')).stdout).toMatch(new RegExp(`^${WORSE.version} +retired\\+shadow `, 'm'));
    expect((await cli('shadow-report')).stdout).toContain(`shadow ${WORSE.version}: 0 posts compared with the live model`);
    expect((await cli('shadow', '--stop')).stdout).toContain(`stopped shadowing ${WORSE.version}`);
    expect(await iso.db.prisma.detectorModel.count({ where: { shadow: true } })).toBe(0);
  });

  it('trains a candidate from reviewer decisions, leaving out reversed ones; live stays', async () => {
    const items = await seedReviewItems(iso.db, [
      { status: 'confirmed', text: 'Boat to UK this week, 1500 euro, inbox me', language: 'en' },
      { status: 'rejected', text: 'Police warn: fake boat offers in Calais are scams', language: 'en' },
      { status: 'rejected', text: 'Lorry to England, message me', language: 'en' },
      { status: 'open' },
    ]);
    // The third was confirmed, reversed by a lead, then rejected: a disputed label.
    await iso.db.prisma.decision.create({
      data: { reviewItemId: items[2]!.id, postId: items[2]!.postId, actor: 'lead', action: 'reverse', reasonCode: 'mistake' },
    });
    const res = await runCli(
      ['model', 'train', '--from-decisions', '--epochs', '1', '--folds', '2', '--no-progress', '--challenge', challenge],
      env(),
      { timeoutMs: 170_000 },
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(
      'reviewer decisions: 1 confirmed (label 1), 1 rejected (label 0) used; 1 left out because a decision on them was reversed, 0 as near-copies of test or challenge posts',
    );
    const version = /candidate (ngram-[0-9a-f]{12}) registered/.exec(res.stdout)?.[1];
    expect(version, res.stdout).toBeDefined();
    expect(res.stdout).toMatch(/trained on \d+ posts \(2 extra\)/);
    const row = await iso.db.prisma.detectorModel.findUniqueOrThrow({
      where: { version: version! },
      select: { status: true, source: true, metrics: true },
    });
    expect(row.status).toBe('candidate');
    expect(row.source).toMatchObject({ decisions: { confirmed: 1, rejected: 1, excludedReversed: 1 } });
    expect(row.metrics).toMatchObject({
      sets: {
        'test split': { slices: { overall: { posts: expect.any(Number) } } },
        'challenge set': { slices: { overall: { posts: 80 } } },
      },
    });
    expect(await iso.db.prisma.detectorModel.findFirstOrThrow({ where: { status: 'live' }, select: { version: true } })).toEqual({
      version: SHIPPED,
    });
  });
});
