/**
 * The ingest contract: one flagged post as platforms and partners send it. The API, the bulk-file
 * CLI and the ingest worker all validate with this schema, so an error reads the same everywhere.
 */
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { MAX_TEXT_CHARS } from '../detector/errors.ts';

/** The detector's own limit, so a post the API accepts is never one the classifier refuses as oversized. */
export const MAX_TEXT_LENGTH = MAX_TEXT_CHARS;
export const MAX_BATCH = 1_000;

const wellFormed = (s: string) => s.isWellFormed();
/**
 * PostgreSQL text and jsonb cannot hold U+0000: one such string used to fail the whole ingest
 * batch on every retry. It is refused per record and field (never silently stripped: the
 * submitter learns their data was not stored as sent).
 */
export const NUL_MESSAGE = 'must not contain a NUL character (U+0000); PostgreSQL cannot store it';
const noNul = (s: string) => !s.includes('\u0000');

export const postInputSchema = z.object({
  platform: z
    .string({ error: 'required, a platform name such as "facebook"' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{1,40}$/, 'must be a platform name such as "facebook"'),
  platformPostId: z
    .string({ error: 'required, the post id on its platform' })
    .trim()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters')
    .refine(noNul, NUL_MESSAGE)
    .refine(wellFormed, 'is not valid Unicode (lone surrogate)'),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2_048, 'must be at most 2048 characters')
    .refine(noNul, NUL_MESSAGE)
    .refine(wellFormed, 'is not valid Unicode (lone surrogate)'),
  text: z
    .string({ error: 'required, the post text' })
    .refine(noNul, NUL_MESSAGE)
    .refine(wellFormed, 'is not valid Unicode (lone surrogate)')
    .refine((s) => s.trim().length > 0, 'must not be empty or whitespace only')
    .refine((s) => s.length <= MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`),
  author: z
    .string()
    .max(256, 'must be at most 256 characters')
    .refine(noNul, NUL_MESSAGE)
    .refine(wellFormed, 'is not valid Unicode')
    .nullish(),
  postedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-11-01T12:00:00Z' }).nullish(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/, 'must be a language code such as "en" or "ckb"')
    .nullish(),
  source: z
    .string()
    .max(256, 'must be at most 256 characters')
    .refine(noNul, NUL_MESSAGE)
    .refine(wellFormed, 'is not valid Unicode')
    .nullish(),
});

export type PostInput = z.infer<typeof postInputSchema>;

export interface FieldError {
  /** Position of the record in the request or file (0-based index, or 1-based line for files). */
  record: number;
  field: string;
  message: string;
}

/** Validates one record; platform existence is checked against the known set. */
export function validatePost(
  raw: unknown,
  record: number,
  platforms: ReadonlySet<string>,
): { ok: true; post: PostInput } | { ok: false; errors: FieldError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ record, field: '(record)', message: 'must be a JSON object' }] };
  }
  const parsed = postInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        record,
        field: i.path.join('.') || '(record)',
        message: i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message,
      })),
    };
  }
  if (!platforms.has(parsed.data.platform)) {
    const known = [...platforms].sort().join(', ');
    return { ok: false, errors: [{ record, field: 'platform', message: `unknown platform "${parsed.data.platform}" (known: ${known})` }] };
  }
  return { ok: true, post: parsed.data };
}

const POST_ID_NAMESPACE = '6f0e7c4a-2a0b-4d8e-9a51-3c1f0b7de2a1';

/**
 * A post's id is derived from (platform, platformPostId), so every entry point can answer with the
 * id before a worker persists it, and a repeated flag of the same post gets the same id.
 */
export function postIdFor(platform: string, platformPostId: string): string {
  return uuidv5(`${platform}\u0000${platformPostId}`, POST_ID_NAMESPACE);
}
