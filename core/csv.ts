/**
 * The one CSV writer: every CSV Tidewatch produces (analytics exports, export-delivery bundles)
 * goes through `toCsv`, so every cell is neutralised the same way. A spreadsheet runs a cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR as a formula (`=HYPERLINK(…)` from a key name or a
 * post's text); such string cells get a leading `'` (OWASP "CSV injection"), which spreadsheets
 * show as text. Numbers we computed ourselves are left alone, so `-1` stays a number.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** `'`-prefixes a cell a spreadsheet would evaluate. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV with a header row (also for no rows); rows are objects keyed by column or arrays
 * in column order; null and undefined are empty cells. `crlf` for files meant for other tools.
 */
export function toCsv(columns: readonly string[], rows: readonly (object | readonly unknown[])[], opts: { crlf?: boolean } = {}): string {
  return stringify(rows as unknown[], {
    header: true,
    columns: [...columns],
    record_delimiter: opts.crlf ? 'windows' : 'unix',
    // csv-stringify quotes only the record delimiter itself; a lone CR or LF must be quoted too.
    quoted_match: /[\r\n]/,
    cast: { string: neutraliseCell, number: (n) => String(n) },
  });
}
