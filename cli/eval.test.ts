/**
 * `tidewatch eval` with no file reports the test split and the challenge set one after the other;
 * `--input` one file, as before. A stand-in challenge set is given (tests never read the blind one).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { SHIPPED } from '../test/model-variants.ts';

describe('tidewatch eval', () => {
  let dir: string;
  let challenge: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tw-eval-'));
    const lines = (await readFile(path.join(import.meta.dirname, '../samples/challenge/challenge.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .slice(0, 40);
    challenge = path.join(dir, 'challenge.jsonl');
    await writeFile(
      challenge,
      lines.map((l, i) => (i % 4 === 0 ? JSON.stringify({ ...JSON.parse(l), romanised: true }) : l)).join('\n') + '\n',
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('reports the test split and the challenge set, with the operational figures per slice', async () => {
    const res = await runCli(['eval', '--challenge', challenge, '--reports', dir], {});
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^=== test split \(\d+ posts\) ===$/m);
    expect(res.stdout).toMatch(/^=== challenge set \(40 posts\) ===$/m);
    expect(res.stdout.indexOf('=== test split')).toBeLessThan(res.stdout.indexOf('=== challenge set'));
    expect(res.stdout).toMatch(/ref\|rev rec +ads referred +refer prec +neg→review +neg→refer +PR-AUC/);
    expect(res.stdout).toMatch(new RegExp(`^romanised +${SHIPPED} +10 `, 'm'));
    expect(existsSync(path.join(dir, `pr-curve-${SHIPPED}.svg`))).toBe(true);
    expect(existsSync(path.join(dir, `pr-curve-${SHIPPED}-challenge-set.svg`))).toBe(true);
  });

  it('--input reports that one file only', async () => {
    const res = await runCli(['eval', '--input', challenge, '--reports', dir], {});
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.match(/^=== /gm)).toHaveLength(1);
    expect(res.stdout).toMatch(/\(40 posts\) ===/);
  });
});
