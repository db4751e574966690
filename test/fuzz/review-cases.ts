/**
 * Malformed review requests: the queue listing with bad query parameters, claims and decisions
 * on bad ids or with bad bodies, "claim next" and bulk decisions with bad bodies. Each request has
 * at least one part that must be refused, so no claim or decision may be written.
 */
import fc from 'fast-check';
import { MAX_BULK, MAX_NOTE } from '../../review/decisions.ts';
import { REVIEW_STATUSES, SORTS } from '../../review/filters.ts';
import {
  badAuthorization,
  contentType,
  encodeBytes,
  hostileString,
  nonObject,
  nonString,
  PROTO_KEYS,
  queryString,
  truncate,
  withPollution,
  type FuzzCase,
} from './arbitraries.ts';

const notIn = (values: readonly string[]) => hostileString.filter((s) => !values.includes(s));

/** [parameter, a value it must refuse]. */
const badParam: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constant('status'), notIn(REVIEW_STATUSES)),
  fc.tuple(
    fc.constant('language'),
    fc.oneof(
      fc.constantFrom('english', 'EN', 'e', ''),
      hostileString.filter((s) => !/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/.test(s)),
    ),
  ),
  fc.tuple(
    fc.constant('platform'),
    fc.oneof(
      fc.constantFrom('TikTok', 'a b', '', 'x'.repeat(41)),
      hostileString.filter((s) => !/^[a-z0-9_.-]{1,40}$/.test(s)),
    ),
  ),
  fc.tuple(fc.constant('category'), fc.constantFrom('', 'c'.repeat(65))),
  fc.tuple(
    fc.constantFrom('minScore', 'maxScore'),
    fc.oneof(
      fc.constantFrom('abc', '-0.1', '1.5', '1e309', '-1e309', 'NaN', '0x', '1,5'),
      fc.double({ min: 1.0001, max: 1e300, noNaN: true }).map(String),
    ),
  ),
  fc.tuple(fc.constant('referralCandidate'), notIn(['true', 'false'])),
  fc.tuple(fc.constant('sort'), notIn(SORTS)),
  fc.tuple(
    fc.constant('cursor'),
    fc.oneof(
      fc.base64String({ minLength: 4, maxLength: 60 }).map((s) => s.replace(/=+$/, '')),
      hostileString.filter((s) => s.length > 0),
      fc.constant('c'.repeat(600)),
    ),
  ),
  fc.tuple(
    fc.constant('limit'),
    fc.oneof(
      fc.constantFrom('0', '-1', '201', '1.5', 'ten', '', '1e9', 'Infinity'),
      fc.integer({ min: 201 }).map(String),
      fc.integer({ max: 0 }).map(String),
    ),
  ),
);
const PARAM_NAMES = ['status', 'language', 'platform', 'category', 'minScore', 'maxScore', 'referralCandidate', 'sort', 'cursor', 'limit'];

/** Item ids that are not UUIDs, or UUIDs of no item. */
const badId: fc.Arbitrary<{ id: string; names: string[] }> = fc.oneof(
  hostileString.filter((s) => s.length > 0 && !s.includes('/')).map((id) => ({ id, names: ['path id', 'no route'] })),
  fc
    .constantFrom('1', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '%2e%2e')
    .map((id) => ({ id, names: ['path id', 'no route'] })),
  fc.uuid().map((id) => ({ id, names: [id] })),
);

/** [field, a value it must refuse] in a decision body; a key outside the schema counts too. */
const badDecisionField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(
    fc.constant('action'),
    fc.oneof(nonString, notIn(['confirm', 'reject', 'escalate', 'needs_translation']), fc.constant(undefined)),
  ),
  fc.tuple(
    fc.constant('reasonCode'),
    fc.oneof(
      nonString,
      fc.constantFrom('A', 'a', 'Smuggling', 'has space', '1abc', 'x'.repeat(70)),
      hostileString.filter((s) => !/^[a-z][a-z0-9_]{1,63}$/.test(s)),
      fc.constant(undefined),
    ),
  ),
  fc.tuple(
    fc.constant('note'),
    fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.constant('n'.repeat(MAX_NOTE + 1))),
  ),
  fc.tuple(fc.constantFrom('extra', 'Action', ...PROTO_KEYS), fc.jsonValue({ maxDepth: 1 })),
);

/** [field, a value it must refuse] in a "claim next" body; anything valid there would claim an item. */
const badNextField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(
    fc.constantFrom('status', 'sort', 'language', 'platform', 'category'),
    fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 })),
  ),
  fc.tuple(fc.constant('status'), fc.constantFrom('confirmed', 'rejected', '', 'OPEN')),
  fc.tuple(fc.constant('sort'), fc.constantFrom('newest', '', 'Priority')),
  fc.tuple(fc.constantFrom('language', 'platform'), fc.constantFrom('', 'EN', 'Tik Tok', 'x'.repeat(41))),
  fc.tuple(fc.constant('category'), fc.constantFrom('', 'c'.repeat(65))),
  fc.tuple(
    fc.constantFrom('minScore', 'maxScore'),
    fc.oneof(fc.double({ min: 1.0001, noNaN: true }), fc.double({ max: -0.0001, noNaN: true }), fc.constantFrom('0.5', true, [], {})),
  ),
  fc.tuple(fc.constant('referralCandidate'), fc.oneof(fc.integer(), fc.constantFrom('true', 'yes', null, []))),
  fc.tuple(fc.constantFrom('bogus', 'Status', ...PROTO_KEYS), fc.jsonValue({ maxDepth: 1 })),
);

function brokenDecision(base: Record<string, unknown>): fc.Arbitrary<{ body: string; names: string[] }> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: badDecisionField.map(([field, value]) => {
        const body: Record<string, unknown> = { ...base };
        if (value === undefined) delete body[field];
        else if ((PROTO_KEYS as readonly string[]).includes(field)) withPollution(body, [field]);
        else body[field] = value;
        return { body: JSON.stringify(body), names: [field] };
      }),
    },
    { weight: 1, arbitrary: nonObject.map((v) => ({ body: JSON.stringify(v), names: ['body', 'object', 'expected'] })) },
    { weight: 1, arbitrary: truncate(JSON.stringify(base)).map((body) => ({ body, names: ['JSON'] })) },
  );
}

/** A bad parameter, or one given twice (a repeated parameter arrives as a list and is refused), may be named. */
function listNames(bad: [string, string][], extra: [string, string][]): string[] {
  const all = [...bad, ...extra].map(([k]) => k);
  return [...new Set([...bad.map(([k]) => k), ...all.filter((k, i) => all.indexOf(k) !== i)])];
}

export function reviewCases(
  keys: { reviewer: string; lead: string; analyst: string; ingest: string },
  itemIds: string[],
): fc.Arbitrary<FuzzCase> {
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const decisionBase = { action: 'confirm', reasonCode: 'smuggling_offer' };
  return fc.oneof(
    // The queue, with at least one bad parameter among possibly good and unknown ones.
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.array(badParam, { minLength: 1, maxLength: 3 }),
          fc.array(fc.constantFrom<[string, string]>(['sort', 'oldest'], ['status', 'open'], ['unknown', '1'], ['x[]', 'y']), {
            maxLength: 2,
          }),
        )
        .map(([bad, extra]) => ({
          method: 'GET' as const,
          path: `/v1/review/items?${queryString([...bad, ...extra])}`,
          headers: auth(keys.analyst),
          names: listNames(bad, extra),
          kind: 'list query',
        })),
    },
    // One item, by a bad id.
    {
      weight: 2,
      arbitrary: fc.tuple(badId, fc.constantFrom('', '/claim', '/release')).map(([{ id, names }, suffix]) => ({
        method: (suffix ? 'POST' : 'GET') as 'GET' | 'POST',
        path: `/v1/review/items/${encodeBytes(id)}${suffix}`,
        headers: auth(keys.reviewer),
        names,
        kind: `item${suffix || ' read'} bad id`,
      })),
    },
    // A decision with a bad body on a real item, or a good body on a bad id.
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...itemIds), brokenDecision(decisionBase), contentType).map(([id, { body, names }, ct]) => ({
        method: 'POST' as const,
        path: `/v1/review/items/${id}/decision`,
        body,
        headers: { ...auth(keys.reviewer), 'content-type': ct },
        names: ct.includes('json') ? names : [...names, 'action', 'content-type'],
        kind: 'decision body',
      })),
    },
    {
      weight: 1,
      arbitrary: badId.map(({ id, names }) => ({
        method: 'POST' as const,
        path: `/v1/review/items/${encodeBytes(id)}/decision`,
        body: JSON.stringify(decisionBase),
        headers: { ...auth(keys.reviewer), 'content-type': 'application/json' },
        names,
        kind: 'decision bad id',
      })),
    },
    // Claim next with a bad filter body (strict: unknown keys refused too).
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          badNextField.map(([field, value]) => ({
            body: JSON.stringify((PROTO_KEYS as readonly string[]).includes(field) ? withPollution({}, [field]) : { [field]: value }),
            names: [field],
          })),
          nonObject.filter((v) => v !== null).map((v) => ({ body: JSON.stringify(v), names: ['body', 'object', 'expected'] })),
          truncate('{"status":"open","sort":"oldest"}')
            .filter((t) => t.length > 0)
            .map((body) => ({ body, names: ['JSON'] })),
        )
        .map(({ body, names }) => ({
          method: 'POST' as const,
          path: '/v1/review/next',
          body,
          headers: { ...auth(keys.reviewer), 'content-type': 'application/json' },
          names,
          kind: 'claim next body',
        })),
    },
    // Bulk decisions (leads) with bad ids or bad fields.
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.tuple(fc.array(fc.uuid(), { maxLength: 3 }), hostileString, fc.nat(3)).map(([good, bad, at]) => {
            const ids: unknown[] = [...good];
            ids.splice(Math.min(at, ids.length), 0, bad);
            return { body: { ...decisionBase, ids }, names: ['ids'] };
          }),
          fc.constantFrom<unknown>([], 'abc', 5, null, {}).map((ids) => ({ body: { ...decisionBase, ids }, names: ['ids'] })),
          fc.constant(null).map(() => ({
            body: { ...decisionBase, ids: Array(MAX_BULK + 1).fill('019abc12-3456-7def-8123-456789abcdef') },
            names: ['ids'],
          })),
          fc
            .tuple(
              fc.constant(itemIds.slice(0, 2)),
              badDecisionField.filter(([f, v]) => v !== undefined && !(PROTO_KEYS as readonly string[]).includes(f)),
            )
            .map(([ids, [field, value]]) => ({ body: { ...decisionBase, ids, [field]: value }, names: [field] })),
        )
        .map(({ body, names }) => ({
          method: 'POST' as const,
          path: '/v1/review/bulk-decision',
          body: JSON.stringify(body),
          headers: { ...auth(keys.lead), 'content-type': 'application/json' },
          names,
          kind: 'bulk body',
        })),
    },
    // Bad keys, and a role that may only read trying to claim.
    {
      weight: 1,
      arbitrary: fc.tuple(badAuthorization, fc.constantFrom(...itemIds)).map(([a, id]) => ({
        method: 'POST' as const,
        path: `/v1/review/items/${id}/claim`,
        headers: (a === undefined ? {} : { authorization: a }) as Record<string, string>,
        names: ['Authorization', 'API key'],
        kind: 'bad key',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(keys.analyst, keys.ingest), fc.constantFrom(...itemIds)).map(([k, id]) => ({
        method: 'POST' as const,
        path: `/v1/review/items/${id}/claim`,
        headers: auth(k),
        names: ['role'],
        kind: 'wrong role',
      })),
    },
  );
}

export { PARAM_NAMES };
