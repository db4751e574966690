/**
 * PostgreSQL array literals ("{a,b,c}") built in one pass, sent as a single text parameter and cast
 * in SQL (`${plainArray(ids)}::uuid[]`). The hot paths now send binary arrays
 * (`binary-array.ts`); these literals are what a binary array falls back to through Prisma, whose
 * raw-query layer sends text parameters only.
 *
 * Why: a JS array parameter is walked value by value by Prisma's raw-query layer and then turned
 * into the same literal by pg's arrayString, one concatenation and one escape per element; for
 * the pipeline's 500-row statements that was ~12 % of the classify worker's allocations and a
 * visible share of its CPU. The literal here is the one pg would send, built in one pass
 * (concatenation: faster here than collecting the parts and joining them).
 */

/**
 * A Date as the naive UTC text Prisma stores in `timestamp(3)` columns ('2026-12-04 18:00:00.123'),
 * for a parameter cast with `::timestamp(3)`: no session time-zone shift either way.
 */
export function timestampText(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Array literal of values that need no quoting: UUIDs, integers, finite or infinite floats. */
export function plainArray(values: ArrayLike<number> | readonly string[]): string {
  const n = values.length;
  if (n === 0) return '{}';
  let s = `{${values[0]}`;
  for (let i = 1; i < n; i++) s += `,${values[i]}`;
  return `${s}}`;
}

/** Array literal of text values (NULL for null): each quoted, with `\` and `"` escaped, as pg does. */
export function textArray(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    parts[i] = v === null ? 'NULL' : `"${v.replace(ESCAPED, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

const ESCAPED = /[\\"]/g;
