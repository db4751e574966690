import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/tidewatch.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tidewatch-classify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, 'classify', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: '' },
  });

const good = [
  {
    id: 'ad-1',
    text: 'Safe boat to UK this week 🚤🇬🇧 price 2500€, children half price, WhatsApp +44 7700 900123',
    platform: 'facebook',
    lang: 'en',
  },
  {
    id: 'news-1',
    text: 'Police arrested two men in Dunkirk after a dinghy capsized; the NCA said the gang charged thousands.',
    url: 'https://example.org/x',
  },
  { id: 'ar-1', text: 'رحلة مضمونة بالقارب الى ايطاليا، السعر ٣٠٠٠ يورو، الدفع عند الوصول، واتساب', lang: null },
  { id: 'fa-latn-1', text: 'salam, ghayegh amade baraye Italia in hafte, pool nadari? ghest ham mishe, payam bede', lang: null },
];

describe('tidewatch classify (CLI, end to end)', () => {
  it('scores valid lines, reports bad ones by line and field, exits 1', () => {
    const lines = [
      JSON.stringify(good[0]),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'empty', text: '' }),
      JSON.stringify(good[1]),
      JSON.stringify({ id: 'blank', text: '   \n ' }),
      JSON.stringify({ id: 'huge', text: 'x'.repeat(20_001) }),
      JSON.stringify({ id: 'notext' }),
      JSON.stringify(good[2]),
      JSON.stringify(good[3]),
    ];
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const res = run(['--input', input]);
    expect(res.status).toBe(1);
    const out = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['ad-1', 'news-1', 'ar-1', 'fa-latn-1']);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['id', 'score', 'decision', 'lang', 'langTag', 'category', 'signals']);
      expect(typeof o.score).toBe('number');
      // The contract's four fields first; a lexicon cue adds its English gloss, a phone libphonenumber
      // calls possible but not valid adds `valid: false`.
      for (const s of o.signals as Record<string, unknown>[]) {
        expect(Object.keys(s).slice(0, 4)).toEqual(['type', 'value', 'start', 'end']);
        const extra = Object.keys(s).slice(4);
        expect(
          extra.every((k) => (k === 'gloss' && typeof s.gloss === 'string') || (k === 'valid' && s.valid === false && s.type === 'phone')),
        ).toBe(true);
      }
    }
    // Each lexicon cue of the English advert carries its gloss; entities (price, messenger...) carry none.
    const adSignals = out[0]!.signals as { type: string; value: string; gloss?: string }[];
    expect(adSignals.find((s) => s.type === 'concept:transport')).toMatchObject({ value: 'boat', gloss: 'boat' });
    expect(adSignals.find((s) => s.value === 'children half price')).toMatchObject({ type: 'concept:price', gloss: 'children half price' });
    expect(adSignals.filter((s) => s.type.startsWith('concept:')).every((s) => typeof s.gloss === 'string' && s.gloss !== '')).toBe(true);
    const entities = adSignals.filter((s) => !s.type.startsWith('concept:'));
    expect(entities.length).toBeGreaterThan(0);
    expect(entities.some((s) => 'gloss' in s)).toBe(false);
    expect(out[0]).toMatchObject({ decision: 'refer', category: 'boat_crossing', lang: 'en' });
    expect(out[1]).toMatchObject({ decision: 'dismiss', category: 'none' });
    expect(out[2]).toMatchObject({ lang: 'ar', langTag: 'ar' });
    // Romanised Persian: the base language in `lang` (one of the ten), the script in `langTag`.
    expect(out[3]).toMatchObject({ lang: 'fa', langTag: 'fa-Latn' });
    expect(out[0]).toMatchObject({ langTag: 'en' });
    expect(res.stderr).toMatch(/line 2, field \(line\): invalid JSON/);
    expect(res.stderr).toMatch(/line 3, field text: is empty/);
    expect(res.stderr).toMatch(/line 5, field text: is whitespace only/);
    expect(res.stderr).toMatch(/line 6, field text: is longer than 20000 characters/);
    expect(res.stderr).toMatch(/line 7, field text: is missing/);
  });

  it('reads stdin and writes --output, exit 0 when all lines are valid', () => {
    const output = join(dir, 'out.jsonl');
    const res = run(['--output', output], good.map((g) => JSON.stringify(g)).join('\n'));
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(out.map((o) => o.id)).toEqual(['ad-1', 'news-1', 'ar-1', 'fa-latn-1']);
  });
});
