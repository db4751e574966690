/**
 * Malformed `POST /v1/posts` requests. Every record is broken in exactly one field, so the
 * answer's first problem is known and must be named; no request carries a valid post, so nothing
 * may be queued.
 */
import fc from 'fast-check';
import { MAX_BATCH, MAX_TEXT_LENGTH } from '../../core/post-input.ts';
import {
  badAuthorization,
  badUtf8,
  contentType,
  hostileString,
  loneSurrogate,
  nonObject,
  nonString,
  PROTO_KEYS,
  truncate,
  withPollution,
  type FuzzCase,
} from './arbitraries.ts';

const KNOWN = new Set(['facebook', 'instagram', 'tiktok', 'telegram', 'x', 'youtube', 'snapchat']);
const ISO = /^\d{4}-\d{2}-\d{2}T/;
const LANG = /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/;

const validPost = fc.record({
  platform: fc.constantFrom(...KNOWN),
  platformPostId: fc.stringMatching(/^[a-z0-9]{1,20}$/),
  url: fc.constant('https://example.com/p/1'),
  text: fc.string({ minLength: 1, maxLength: 60 }).map((s) => `post ${s}`),
  author: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  lang: fc.option(fc.constantFrom('en', 'ar', 'ckb'), { nil: undefined }),
});

/** [field, a value that field must refuse]; `undefined` removes a required field. */
const breakage: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(
    fc.constant('platform'),
    fc.oneof(
      nonString,
      hostileString.filter((s) => !KNOWN.has(s.trim().toLowerCase())),
      fc.constant(undefined),
    ),
  ),
  fc.tuple(
    fc.constant('platformPostId'),
    fc.oneof(
      nonString,
      fc.constantFrom('', '   ', '\t\n'),
      fc.integer({ min: 257, max: 400 }).map((n) => 'i'.repeat(n)),
      fc.constant(undefined),
    ),
  ),
  fc.tuple(
    fc.constant('url'),
    fc.oneof(
      nonString,
      hostileString.filter((s) => !/https?:/i.test(s)),
      fc.constantFrom('javascript:alert(1)', 'ftp://x.y/z', 'http://', `https://e.com/${'a'.repeat(2_100)}`),
      fc.constant(undefined),
    ),
  ),
  fc.tuple(
    fc.constant('text'),
    fc.oneof(
      nonString,
      loneSurrogate,
      fc.constantFrom('', ' ', '\n\t \u3000'),
      fc.integer({ min: 1, max: 50 }).map((n) => 'x'.repeat(MAX_TEXT_LENGTH + n)),
      fc.constant(undefined),
    ),
  ),
  fc.tuple(
    fc.constant('author'),
    fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.array(fc.string(), { minLength: 1, maxLength: 2 }),
      loneSurrogate,
      fc.constant('a'.repeat(300)),
    ),
  ),
  fc.tuple(
    fc.constant('postedAt'),
    fc.oneof(
      fc.integer(),
      fc.boolean(),
      hostileString.filter((s) => !ISO.test(s)),
      fc.constantFrom('2026-13-45T00:00:00Z', '2026-11-01T12:00:00', '01/11/2026'),
    ),
  ),
  fc.tuple(
    fc.constant('lang'),
    fc.oneof(
      fc.integer(),
      fc.boolean(),
      hostileString.filter((s) => !LANG.test(s)),
      fc.constantFrom('english', 'EN', 'e', 'en-'),
    ),
  ),
  fc.tuple(fc.constant('source'), fc.oneof(fc.integer(), fc.boolean(), fc.constant('s'.repeat(300)))),
);

/** One post broken in one field, perhaps with prototype-pollution keys; or not an object at all. */
const brokenRecord: fc.Arbitrary<{ record: unknown; field: string }> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.tuple(validPost, breakage, fc.subarray([...PROTO_KEYS])).map(([post, [field, value], pollute]) => {
      const record: Record<string, unknown> = { ...post };
      if (value === undefined) delete record[field];
      else record[field] = value;
      return { record: withPollution(record, pollute), field };
    }),
  },
  { weight: 1, arbitrary: nonObject.map((record) => ({ record, field: 'record' })) },
);

const INGEST_AUTH = (key: string) => ({ authorization: `Bearer ${key}` });

export function postsCases(keys: { ingest: string; reviewer: string }): fc.Arbitrary<FuzzCase> {
  const base = (body: FuzzCase['body'], names: string[], kind: string, ct = 'application/json'): FuzzCase => ({
    method: 'POST',
    path: '/v1/posts',
    body,
    names,
    kind,
    headers: { ...INGEST_AUTH(keys.ingest), ...(ct ? { 'content-type': ct } : {}) },
  });
  return fc.oneof(
    // One post, broken.
    {
      weight: 5,
      arbitrary: fc
        .tuple(brokenRecord, contentType)
        .map(([r, ct]) => base(JSON.stringify(r.record), ct.includes('json') ? [r.field] : [r.field, 'content-type'], 'single post', ct)),
    },
    // A batch of broken posts: the first one's problem is named.
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.array(brokenRecord, { minLength: 1, maxLength: 5 }), fc.subarray([...PROTO_KEYS]))
        .map(([rs, pollute]) =>
          base(
            JSON.stringify(withPollution({ posts: rs.map((r) => r.record) }, pollute)),
            [`posts[0].${rs[0]!.field === 'record' ? '(record)' : rs[0]!.field}`],
            'batch',
          ),
        ),
    },
    // "posts" that is not a non-empty array of at most MAX_BATCH.
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          nonObject.filter((v) => !Array.isArray(v)),
          fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
          fc.constant([]),
        )
        .map((posts) => base(JSON.stringify({ posts }), ['posts'], 'posts not an array')),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: MAX_BATCH + 1, max: MAX_BATCH + 20 })
        .map((n) => base(JSON.stringify({ posts: Array(n).fill(0) }), ['posts'], 'too many posts')),
    },
    // Not JSON: truncated, empty, not UTF-8.
    {
      weight: 2,
      arbitrary: fc
        .array(validPost, { minLength: 1, maxLength: 3 })
        .chain((posts) => truncate(JSON.stringify({ posts })))
        .map((t) => base(t, ['JSON', 'empty'], 'truncated JSON')),
    },
    { weight: 1, arbitrary: badUtf8.map((b) => base(b, ['UTF-8'], 'not UTF-8')) },
    // A valid post with a bad or wrong-role key.
    {
      weight: 1,
      arbitrary: fc.tuple(validPost, badAuthorization).map(([p, auth]) => ({
        ...base(JSON.stringify(p), ['Authorization', 'API key'], 'bad key'),
        headers: { 'content-type': 'application/json', ...(auth === undefined ? {} : { authorization: auth }) },
      })),
    },
    {
      weight: 1,
      arbitrary: validPost.map((p) => ({
        ...base(JSON.stringify(p), ['role'], 'wrong role'),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.reviewer}` },
      })),
    },
  );
}
