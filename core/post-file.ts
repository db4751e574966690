/**
 * Reads bulk post files (JSONL or CSV) record by record, so a bad record is reported with its
 * line and field while the rest of the file still goes through.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { FieldError } from './post-input.ts';

export type FileRecord = { line: number; raw: unknown } | { line: number; error: FieldError };

export type PostFileFormat = 'jsonl' | 'csv';

export function formatOf(file: string): PostFileFormat {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(file)) return 'jsonl';
  throw new Error(`${file}: unknown format; use a .jsonl/.ndjson or .csv file`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NEWLINE = 0x0a;

/** JSONL: one JSON object per line; blank lines are skipped. Bytes are checked as UTF-8 per line. */
async function* readJsonl(file: string, onBytes: (n: number) => void): AsyncGenerator<FileRecord> {
  let line = 0;
  let carry: Buffer = Buffer.alloc(0);
  const emit = (bytes: Buffer): FileRecord | undefined => {
    line += 1;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { line, error: { record: line, field: '(line)', message: 'is not valid UTF-8' } };
    }
    if (!text.trim()) return undefined;
    try {
      return { line, raw: JSON.parse(text) };
    } catch (err) {
      return { line, error: { record: line, field: '(line)', message: `is not valid JSON: ${(err as Error).message}` } };
    }
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    onBytes(chunk.length);
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let nl: number;
    while ((nl = buf.indexOf(NEWLINE)) !== -1) {
      const rec = emit(buf.subarray(0, nl));
      if (rec) yield rec;
      buf = buf.subarray(nl + 1);
    }
    carry = Buffer.from(buf);
  }
  if (carry.length) {
    const rec = emit(carry);
    if (rec) yield rec;
  }
}

export const CSV_COLUMNS = ['platform', 'platformPostId', 'url', 'text', 'author', 'postedAt', 'lang', 'source'] as const;

/**
 * CSV with a header row naming the contract's fields. A row with the wrong number of cells or
 * broken quoting is reported and skipped. Bytes that are not UTF-8 arrive as U+FFFD from the
 * decoder, so a field holding U+FFFD is reported as not valid UTF-8.
 */
async function* readCsv(file: string, onBytes: (n: number) => void): AsyncGenerator<FileRecord> {
  const skipped: FileRecord[] = [];
  const input = createReadStream(file);
  input.on('data', (chunk) => onBytes(chunk.length));
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
        if (unknown.length) throw new Error(`${file}: unknown CSV column(s) ${unknown.join(', ')}; expected ${CSV_COLUMNS.join(', ')}`);
        return header;
      },
      skip_empty_lines: true,
      skip_records_with_error: true,
      bom: true,
      info: true,
    }),
  );
  parser.on('skip', (err: Error & { lines?: number }) => {
    const line = err.lines ?? 0;
    skipped.push({ line, error: { record: line, field: '(row)', message: err.message } });
  });
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    const line = info.lines;
    const bad = Object.entries(record).find(([, v]) => v.includes('\uFFFD'));
    if (bad) {
      yield { line, error: { record: line, field: bad[0], message: 'is not valid UTF-8' } };
      continue;
    }
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(record)) if (v !== '') raw[k] = v;
    yield { line, raw };
  }
  while (skipped.length) yield skipped.shift()!;
}

export function readPostFile(file: string, onBytes: (n: number) => void = () => undefined): AsyncGenerator<FileRecord> {
  return formatOf(file) === 'csv' ? readCsv(file, onBytes) : readJsonl(file, onBytes);
}
