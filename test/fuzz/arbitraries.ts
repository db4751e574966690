/**
 * Building blocks for the API fuzz test: a malformed request is a `FuzzCase` (what to send and
 * which names an error message may use to point at the problem), and these arbitraries produce
 * the hostile values it is built from.
 */
import fc from 'fast-check';

export interface FuzzCase {
  method: 'GET' | 'POST';
  path: string;
  /** A string is sent as is (possibly not JSON); bytes for bodies that are not UTF-8. */
  body?: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  /** The answer's message must name at least one of these (case-insensitive), e.g. the field at fault. */
  names: string[];
  /** A short label for the failure report. */
  kind: string;
}

/** Anything that is not a string. */
export const nonString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Any JSON value that is not an object (arrays, scalars, null). */
export const nonObject = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
);

/** Strings with hostile content: every Unicode plane, lone surrogates, control characters, RTL marks. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\ud800', '\udfff', '\ud83d'), fc.string({ maxLength: 10 }))
    .map(([a, s, b]) => `${a}${s}${b}`),
  fc.constantFrom(
    '\u0000',
    '\u202e\u2066',
    '\'; DROP TABLE "Post"; --',
    '../../etc/passwd',
    '%00',
    '${jndi:ldap://x}',
    '<script>alert(1)</script>',
  ),
);

/** A string with a lone surrogate somewhere: not valid Unicode, though JSON can carry it. */
export const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'), fc.string({ maxLength: 20 }))
  .map(([a, s, b]) => `x${a}${s}${b}`);

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Adds `__proto__` / `constructor` / `prototype` as own keys (as JSON.parse would make them). */
export function withPollution(target: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  for (const k of keys)
    Object.defineProperty(target, k, { value: { polluted: true, isAdmin: true }, enumerable: true, configurable: true, writable: true });
  return target;
}

/** A prefix of `json` that is not valid JSON (an object's closing brace is always cut). */
export const truncate = (json: string) => fc.integer({ min: 0, max: Math.max(0, json.length - 1) }).map((n) => json.slice(0, n));

/** Content types a client might wrongly send, or none. */
export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
      'application/json; charset=latin1',
      'application/vnd.api+json',
    ),
  },
);

/** Bytes that are not UTF-8. */
export const badUtf8 = fc.constantFrom(
  new Uint8Array([0xff, 0xfe, 0x7b]),
  new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  new Uint8Array([0xed, 0xa0, 0x80]),
);

/** Authorization headers that are not a valid key. */
export const badAuthorization = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    '',
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'Bearer tw_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    'bearer tw_x_y',
    'Token abc',
  ),
  fc.string({ minLength: 1, maxLength: 80 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, 'x')}`),
);

/**
 * Percent-encodes every UTF-8 byte (a lone surrogate becomes U+FFFD's bytes, as a client's encoder
 * would send it; `encodeURIComponent` would throw instead).
 */
export function encodeBytes(s: string): string {
  return Array.from(new TextEncoder().encode(s), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

/** Query-string encoding of possibly repeated keys. */
export function queryString(params: [string, string][]): string {
  return params.map(([k, v]) => `${encodeBytes(k)}=${encodeBytes(v)}`).join('&');
}
