/**
 * The tables behind the analytics charts, by name, and their CSV / JSON serialisation. The page's
 * export links and `GET /v1/stats/export` both go through `exportTable`, and the JSON rows are the
 * very arrays `GET /v1/stats` answers with, so an export always equals what the chart drew.
 */
import { toCsv } from '../core/csv.ts';
import { STAGES } from './facts.ts';
import type { Stats } from './stats.ts';

export const TABLES = ['funnel', 'series', 'platforms', 'time_to_removal', 'languages', 'categories', 'reviewers', 'decision_mix'] as const;
export type TableName = (typeof TABLES)[number];
export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** A row of one of the tables (interfaces of `stats.ts`); cells are strings, numbers or null. */
export type Row = object;

/** A cell of a row by column name; a flag reads `true` / `false`, in CSV as in JSON. */
export const cell = (row: Row, column: string) => {
  const v = (row as Record<string, string | number | boolean | null>)[column] ?? null;
  return typeof v === 'boolean' ? String(v) : v;
};

/** One table's rows, in display order. */
export function tableRows(stats: Stats, table: TableName): Row[] {
  switch (table) {
    case 'funnel':
      return STAGES.map((stage) => ({ stage, ...stats.counts[stage] }));
    case 'series':
      return stats.series;
    case 'platforms':
      return stats.platforms;
    case 'time_to_removal':
      return stats.timeToRemoval;
    case 'languages':
      return stats.languages;
    case 'categories':
      return stats.categories;
    case 'reviewers':
      return stats.reviewers;
    case 'decision_mix':
      return stats.decisionMix;
  }
}

/** Column order for CSV headers, fixed so an empty table still has its header row. */
const COLUMNS: Record<TableName, readonly string[]> = {
  funnel: ['stage', 'posts', 'accounts', 'pages'],
  series: ['bucket', 'bucketEnd', 'days', 'partial', ...STAGES, 'removalRate'],
  platforms: ['platform', ...STAGES, 'removalRate', 'medianHoursToRemoval', 'p90HoursToRemoval'],
  time_to_removal: ['bin', 'fromHours', 'toHours', 'removed'],
  languages: ['language', ...STAGES, 'removalRate'],
  categories: ['category', ...STAGES, 'removalRate'],
  reviewers: ['reviewer', 'name', 'decisions', 'confirm', 'reject', 'escalate', 'needs_translation', 'reverse', 'perDay'],
  decision_mix: ['action', 'decisions', 'share'],
};

export function columnsOf(table: TableName): readonly string[] {
  return COLUMNS[table];
}

export interface Exported {
  body: string;
  contentType: string;
  filename: string;
}

/** A table as CSV (RFC 4180, header row, empty cell for null, formula-like cells neutralised) or as a JSON array of rows. */
export function exportTable(stats: Stats, table: TableName, format: Format): Exported {
  const rows = tableRows(stats, table);
  const filename = `tidewatch-${table}-${stats.range.from}-to-${stats.range.to}.${format}`;
  if (format === 'json') return { body: JSON.stringify(rows), contentType: 'application/json; charset=utf-8', filename };
  // csv-stringify would write a boolean as 1 or an empty cell.
  const body = toCsv(
    COLUMNS[table],
    rows.map((r) => Object.fromEntries(COLUMNS[table].map((c) => [c, cell(r, c)]))),
  );
  return { body, contentType: 'text/csv; charset=utf-8', filename };
}
