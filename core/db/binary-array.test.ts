import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL } from '../../test/services.ts';
import { pgArray, type PgArray } from './binary-array.ts';
import { createDb, Prisma, type PoolDb } from './index.ts';

/** Every value read back as text by PostgreSQL itself, so both paths compare exactly. */
const ECHO = {
  uuid: 'SELECT $1::uuid[]::text[] AS v',
  int4: 'SELECT $1::int[]::text[] AS v',
  float8: 'SELECT $1::float8[]::text[] AS v',
  text: 'SELECT $1::text[] AS v',
  json: 'SELECT $1::json[]::text[] AS v',
  timestamp: `SELECT ARRAY(SELECT to_char(t, 'YYYY-MM-DD HH24:MI:SS.US') FROM unnest($1::timestamp(3)[]) t) AS v`,
  bytea: 'SELECT $1::bytea[]::text[] AS v',
} as const;

describe('binary array parameters', () => {
  let c: pg.Client;
  let db: PoolDb;
  beforeAll(async () => {
    c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    db = createDb(ADMIN_URL, 1);
  });
  afterAll(async () => {
    await c?.end();
    await db?.close();
  });

  /** The array as PostgreSQL reads it from the binary parameter (pg itself and the door), and from its text literal. */
  async function bothWays(a: PgArray): Promise<[unknown, unknown]> {
    const sql = ECHO[a.type];
    const { rows } = await c.query<{ v: unknown }>(sql, [a]);
    const [viaLiteral] = await db.query<{ v: unknown }>(Prisma.raw(sql.replace('$1', `'${a.literal().replace(/'/g, "''")}'`)));
    const [viaDoor] = await db.query<{ v: unknown }>(Prisma.sql([sql.slice(0, sql.indexOf('$1')), sql.slice(sql.indexOf('$1') + 2)], a));
    expect(viaDoor!.v).toEqual(viaLiteral!.v);
    return [rows[0]!.v, viaLiteral!.v];
  }

  it('sends each element type in binary and reads back what was sent', async () => {
    const upper = crypto.randomUUID().toUpperCase();
    const zero = '00000000-0000-0000-0000-000000000000';
    const [uuids] = await bothWays(pgArray.uuid([upper, upper, upper, zero, upper]));
    expect(uuids).toEqual([upper.toLowerCase(), upper.toLowerCase(), upper.toLowerCase(), zero, upper.toLowerCase()]);
    const [ints] = await bothWays(pgArray.int4(Int32Array.from([0, -1, 2147483647, -2147483648])));
    expect(ints).toEqual(['0', '-1', '2147483647', '-2147483648']);
    const [floats] = await bothWays(pgArray.float8([0.1, 1 / 3, -2.5e-300, 1e300, Infinity, NaN]));
    expect(floats).toEqual(['0.1', '0.3333333333333333', '-2.5e-300', '1e+300', 'Infinity', 'NaN']);
    const [texts] = await bothWays(pgArray.text(['', null, 'a,b', '{x}', '"q"', 'back\\slash', 'NULL', 'boat 🚤\nto UK', 'قارب']));
    expect(texts).toEqual(['', null, 'a,b', '{x}', '"q"', 'back\\slash', 'NULL', 'boat 🚤\nto UK', 'قارب']);
    const [json] = await bothWays(pgArray.json(['[{"type":"price","value":"1500€"}]', '{"a":[1,2]}', 'null']));
    expect(json).toEqual(['[{"type":"price","value":"1500€"}]', '{"a":[1,2]}', 'null']);
    const [bytes] = await bothWays(pgArray.bytea([Uint8Array.from([0, 1, 254, 255]), new Uint8Array(0)]));
    expect(bytes).toEqual(['\\x0001feff', '\\x']);
  });

  it('writes timestamps as the UTC wall time, before 1970 and 2000 too, with nulls', async () => {
    const dates = [new Date('2026-12-04T18:00:00.123Z'), null, new Date('1999-12-31T23:59:59.999Z'), new Date('1969-07-20T20:17:40.5Z')];
    const [binary, literal] = await bothWays(pgArray.timestamp(dates));
    expect(binary).toEqual(['2026-12-04 18:00:00.123000', null, '1999-12-31 23:59:59.999000', '1969-07-20 20:17:40.500000']);
    expect(literal).toEqual(binary);
    expect(() => pgArray.timestamp([new Date(Number.NaN)]).toPostgres()).toThrow(/invalid Date/);
  });

  it('sends empty arrays', async () => {
    for (const a of [
      pgArray.uuid([]),
      pgArray.int4([]),
      pgArray.float8([]),
      pgArray.text([]),
      pgArray.json([]),
      pgArray.timestamp([]),
      pgArray.bytea([]),
    ]) {
      const [binary, literal] = await bothWays(a);
      expect(binary).toEqual([]);
      expect(literal).toEqual([]);
    }
  });

  it('reads any text back unchanged, both ways', async () => {
    const samples = fc.sample(
      fc.array(
        fc.option(
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/\0/g, '')),
          { nil: null },
        ),
        { maxLength: 8 },
      ),
      { numRuns: 100, seed: 11 },
    );
    for (const values of samples) {
      const [binary, literal] = await bothWays(pgArray.text(values));
      expect(binary).toEqual(values);
      expect(literal).toEqual(values);
    }
  });

  it('rejects a malformed UUID by naming it, before anything is sent', () => {
    for (const bad of [
      'not-a-uuid',
      '0000000000000000000000000000000000000',
      'g0000000-0000-0000-0000-000000000000',
      '00000000_0000-0000-0000-000000000000',
    ]) {
      expect(() => pgArray.uuid([bad]).toPostgres()).toThrow(`uuid array: "${bad}" is not a UUID`);
    }
  });
});
