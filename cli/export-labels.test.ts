import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';

describe('tidewatch export-labels', () => {
  let iso: Isolated;
  let dir: string;
  let items: { id: string; postId: string }[];
  beforeAll(async () => {
    iso = await isolate();
    dir = await mkdtemp(path.join(tmpdir(), 'tw-labels-'));
    items = await seedReviewItems(iso.db, [
      { status: 'confirmed', text: 'Boat to UK 1500€', language: 'en' },
      { status: 'rejected', text: 'Nouvelles: un bateau a chaviré', language: 'fr' },
      { status: 'open' },
      { status: 'escalated' },
      { status: 'confirmed', text: 'Old confirmation' },
    ]);
    const decided = (i: number, at: string) =>
      iso.db.prisma.reviewItem.update({ where: { id: items[i]!.id }, data: { decidedAt: new Date(at) } });
    await decided(0, '2026-11-20T12:00:00Z');
    await decided(1, '2026-11-21T12:00:00Z');
    await decided(4, '2026-01-01T00:00:00Z');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await iso?.cleanup();
  });
  const env = () => ({ DATABASE_URL: iso.databaseUrl });

  it('writes confirmed as 1 and rejected as 0, nothing undecided', async () => {
    const file = path.join(dir, 'labels.jsonl');
    const res = await runCli(['export-labels', '--output', file], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain(`exported 3 labels (2 confirmed, 1 rejected) to ${file}`);
    const rows = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: items[0]!.postId, text: 'Boat to UK 1500€', label: 1, lang: 'en' },
        { id: items[1]!.postId, text: 'Nouvelles: un bateau a chaviré', label: 0, lang: 'fr' },
        { id: items[4]!.postId, text: 'Old confirmation', label: 1, lang: 'en' },
      ]),
    );
  });

  it('--since keeps recent decisions; to standard output without --output', async () => {
    const res = await runCli(['export-labels', '--since', '2026-11-01'], env());
    expect(res.code, res.stderr).toBe(0);
    const ids = res.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.sort()).toEqual([items[0]!.postId, items[1]!.postId].sort());
  });

  it('refuses a bad --since', async () => {
    const res = await runCli(['export-labels', '--since', 'last tuesday'], env());
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--since: "last tuesday" is not a date/);
  });
});
