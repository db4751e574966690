import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL } from '../../test/services.ts';
import { plainArray, textArray } from './array-literal.ts';

describe('array literals', () => {
  let c: pg.Client;
  beforeAll(async () => {
    c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
  });
  afterAll(async () => c?.end());

  it('round-trips any text through PostgreSQL, nulls, quotes, backslashes, braces and commas included', async () => {
    const cases: (string | null)[][] = [
      [],
      [''],
      [null],
      ['a,b', '{x}', '"q"', 'back\\slash', ' spaced ', 'NULL', 'null'],
      ['boat 🚤\nto UK', 'قارب'],
    ];
    const arbitrary = fc.sample(
      fc.array(
        fc.option(
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/\0/g, '')),
          { nil: null },
        ),
        { maxLength: 8 },
      ),
      { numRuns: 200, seed: 7 },
    );
    for (const values of [...cases, ...arbitrary]) {
      const { rows } = await c.query<{ v: (string | null)[] }>('SELECT $1::text[] AS v', [textArray(values)]);
      expect(rows[0]!.v).toEqual(values);
    }
  });

  it('gives the same uuid, int and float8 arrays as pg sending the JS arrays', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const ints = [0, -1, 2147483647, -2147483648];
    const floats = [0.1, 1 / 3, -2.5e-300, 1e300, 0.9999999999999999];
    const { rows } = await c.query(
      'SELECT $1::uuid[] AS a, $2::uuid[] AS b, $3::int[] AS c, $4::int[] AS d, $5::float8[] AS e, $6::float8[] AS f, $7::int[] AS g',
      [plainArray(ids), ids, plainArray(Int32Array.from(ints)), ints, plainArray(floats), floats, plainArray([])],
    );
    expect(rows[0].a).toEqual(rows[0].b);
    expect(rows[0].c).toEqual(rows[0].d);
    expect(rows[0].e).toEqual(rows[0].f);
    expect(rows[0].e).toEqual(floats);
    expect(rows[0].g).toEqual([]);
  });
});
