/**
 * Opaque keyset cursors: base64url JSON of the last row's sort key and id. Keyset (rather than
 * offset) pagination stays correct and fast while items are claimed and decided under the reader.
 */
import { z } from 'zod';
import { DomainError } from './errors.ts';

const cursorSchema = z.object({
  s: z.string().min(1).max(32),
  v: z.union([z.number(), z.string().max(64)]),
  id: z.string().min(1).max(64),
});
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

/** Decodes a cursor made for `sort`; anything else is a 400 naming `cursor`. */
export const badCursor = (why: string) =>
  new DomainError('bad_request', `cursor is malformed: ${why}; pass the nextCursor of a previous page unchanged`, { field: 'cursor' });

export function decodeCursor(raw: string, sort: string): Cursor {
  const bad = badCursor;
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(raw)) throw bad('not base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor');
  }
  const c = cursorSchema.safeParse(parsed);
  if (!c.success) throw bad('not a cursor');
  if (c.data.s !== sort) throw bad(`it was made for sort=${c.data.s}, not sort=${sort}`);
  return c.data;
}
