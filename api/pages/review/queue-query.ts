/**
 * The queue's filters as they travel in URLs and forms. They ride along through claim, decision,
 * "take next" and undo (as the query string, or as a hidden `filters` field holding it), so a
 * reviewer who filtered English keeps getting English items.
 */
import { REVIEW_STATUSES } from '../../../review/filters.ts';

export interface QueueQuery {
  status: string;
  language: string;
  platform: string;
  category: string;
  candidate: string;
  sort: string;
}

const FIELDS = ['status', 'language', 'platform', 'category', 'candidate', 'sort'] as const;

/** Reads the filters from a lookup (query string or form), falling back to the defaults. */
export function readQuery(get: (k: string) => string | undefined): QueueQuery {
  const status = get('status') ?? '';
  return {
    status: (REVIEW_STATUSES as readonly string[]).includes(status) ? status : 'open',
    language: get('language') ?? '',
    platform: get('platform') ?? '',
    category: get('category') ?? '',
    candidate: get('candidate') === '1' ? '1' : '',
    sort: get('sort') === 'oldest' ? 'oldest' : 'priority',
  };
}

/** The filters as a short query string: defaults (open, by priority) and empty fields left out. */
export function filterString(q: QueueQuery): string {
  const p = new URLSearchParams();
  for (const k of FIELDS) {
    const v = q[k];
    if (v === '' || (k === 'status' && v === 'open') || (k === 'sort' && v === 'priority')) continue;
    p.set(k, v);
  }
  return p.toString();
}

/** The filters of a query string (or form field) written by filterString; anything else is dropped. */
export function parseFilters(s: string | undefined): QueueQuery {
  const p = new URLSearchParams(s ?? '');
  return readQuery((k) => p.get(k) ?? undefined);
}

/**
 * Filters from a posted form: the hidden `filters` field when present, else the separate fields
 * (older forms and API-style posts send `status=open` and friends).
 */
export function formFilters(body: Record<string, unknown>): QueueQuery {
  if (typeof body.filters === 'string') return parseFilters(body.filters);
  return readQuery((k) => (typeof body[k] === 'string' ? (body[k] as string) : undefined));
}

/** `path?query&extra…`, leaving out empty parts. */
export function withQuery(path: string, ...parts: string[]): string {
  const q = parts.filter((p) => p !== '').join('&');
  return q ? `${path}?${q}` : path;
}
