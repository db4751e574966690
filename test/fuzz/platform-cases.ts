/**
 * Malformed platform callbacks: `POST /v1/platform/referrals/{id}/status` with missing, stale or
 * forged signatures, bad webhook-ids, and bodies that must be refused even when correctly signed;
 * and the referral listing with bad query parameters. No referral may change.
 */
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { ReferralStatus } from '../../generated/prisma/enums.ts';
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

const STATUSES: readonly string[] = Object.values(ReferralStatus);

/** [field, a value it must refuse] in a status report. */
const badReportField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  // Missing, not a string, or another referral's id (a report replayed onto the wrong URL).
  fc.tuple(fc.constant('referralId'), fc.oneof(nonString, fc.constantFrom('', 'r'.repeat(65)), fc.uuid(), fc.constant(undefined))),
  fc.tuple(
    fc.constant('status'),
    fc.oneof(
      nonString,
      fc.constantFrom('sent', 'queued', 'confirmed_offline', 'failed', 'ACKNOWLEDGED', ''),
      hostileString.filter((v) => !['acknowledged', 'actioned', 'declined'].includes(v)),
      fc.constant(undefined),
    ),
  ),
  fc.tuple(
    fc.constant('ticketId'),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constantFrom('', 't'.repeat(201))),
  ),
  fc.tuple(fc.constant('reason'), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('', 'r'.repeat(2_001)))),
  fc.tuple(
    fc.constant('decision_visibility'),
    fc.oneof(
      fc.string(),
      fc.array(
        hostileString.filter((s) => !/^DECISION_VISIBILITY_[A-Z_]+$/.test(s)),
        { minLength: 1, maxLength: 3 },
      ),
      fc.constant(Array(11).fill('DECISION_VISIBILITY_CONTENT_REMOVED')),
    ),
  ),
  fc.tuple(
    fc.constant('decision_account'),
    fc.oneof(
      fc.integer(),
      hostileString.filter((s) => !/^DECISION_ACCOUNT_[A-Z_]+$/.test(s)),
    ),
  ),
  fc.tuple(
    fc.constantFrom('decision_ground', 'automated_decision'),
    fc.oneof(fc.integer(), fc.constant(null), hostileString, fc.constantFrom('DECISION_GROUND_OTHER', 'AUTOMATED_DECISION_MAYBE')),
  ),
);

/** A report body for referral `referralId` that must be refused; `names` are what the error may point at. */
const badReport = (referralId: string): fc.Arbitrary<{ raw: string; names: string[] }> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.constantFrom<Record<string, unknown>>(
            { status: 'acknowledged', ticketId: 'T-1' },
            { status: 'declined', reason: 'not illegal' },
            { status: 'actioned' },
          ),
          badReportField,
          fc.subarray([...PROTO_KEYS]),
        )
        .map(([base, [field, value], pollute]) => {
          const body: Record<string, unknown> = { referralId, ...base };
          if (value === undefined) delete body[field];
          else body[field] = value;
          return { raw: JSON.stringify(withPollution(body, pollute)), names: [field] };
        }),
    },
    // Required companions missing: an acknowledgement without ticketId, a decline without reason.
    {
      weight: 1,
      arbitrary: fc.constantFrom<{ raw: string; names: string[] }>(
        { raw: `{"referralId":"${referralId}","status":"acknowledged"}`, names: ['ticketId'] },
        { raw: `{"referralId":"${referralId}","status":"declined"}`, names: ['reason'] },
      ),
    },
    { weight: 1, arbitrary: nonObject.map((v) => ({ raw: JSON.stringify(v), names: ['body', 'expected', 'status'] })) },
    { weight: 1, arbitrary: truncate('{"status":"acknowledged","ticketId":"T-1"}').map((raw) => ({ raw, names: ['JSON', 'status'] })) },
  );

/** Header sets that must fail verification, with what the error names. */
function badSignature(secret: string, raw: string): fc.Arbitrary<{ headers: Record<string, string>; names: string[] }> {
  const now = Math.floor(Date.now() / 1000);
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  const good = new Webhook(secret).sign(id, new Date(now * 1000), raw);
  const ascii = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '?'));
  return fc.oneof(
    fc.subarray(['webhook-id', 'webhook-timestamp', 'webhook-signature'], { maxLength: 2 }).map((keep) => ({
      headers: Object.fromEntries(keep.map((k) => [k, k === 'webhook-id' ? id : k === 'webhook-timestamp' ? String(now) : good])),
      names: ['webhook-id'],
    })),
    fc
      .oneof(
        ascii.filter((s) => !/^\d{1,12}$/.test(s) && s.trim() !== ''),
        fc.constantFrom('-1', '1e9', '99999999999999', '0x10', ' 1'),
      )
      .map((ts) => ({ headers: { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': good }, names: ['webhook-timestamp'] })),
    fc.oneof(fc.integer({ min: 301, max: 10 ** 9 }), fc.integer({ min: -(10 ** 9), max: -301 })).map((skew) => ({
      headers: { 'webhook-id': id, 'webhook-timestamp': String(Math.max(0, now + skew)), 'webhook-signature': good },
      names: ['webhook-timestamp'],
    })),
    fc
      .oneof(
        ascii.filter((s) => s.trim() !== ''),
        fc.base64String({ minLength: 4, maxLength: 64 }).map((b) => `v1,${b}`),
        fc.constant(good.replace('v1,', 'v2,')),
        fc.constant(`v1,${Buffer.alloc(32).toString('base64')}`),
      )
      .map((sig) => ({
        headers: { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': sig },
        names: ['webhook-signature'],
      })),
  );
}

export function platformCases(ctx: {
  platformKey: string;
  adminKey: string;
  reviewerKey: string;
  secret: string;
  referralIds: string[];
}): fc.Arbitrary<FuzzCase> {
  const auth = { authorization: `Bearer ${ctx.platformKey}` };
  const statusPath = (id: string) => `/v1/platform/referrals/${id}/status`;
  const signed = (raw: string, webhookId = `msg_${Math.random().toString(36).slice(2)}`) => {
    const at = new Date();
    return {
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(ctx.secret).sign(webhookId, at, raw),
    };
  };
  return fc.oneof(
    // Correctly signed, but the body must be refused.
    {
      weight: 5,
      arbitrary: fc
        .constantFrom(...ctx.referralIds)
        .chain((id) => fc.tuple(fc.constant(id), badReport(id), contentType))
        .map(([id, { raw, names }, ct]) => ({
          method: 'POST' as const,
          path: statusPath(id),
          body: raw,
          headers: { ...auth, 'content-type': ct, ...signed(raw) },
          // Without a JSON content type the body is not read, so the answer names the first field the
          // empty report lacks (referralId, since the signed body must name its referral) or the header.
          names: ct.includes('json') ? names : [...names, 'referralId', 'status', 'content-type'],
          kind: 'signed bad body',
        })),
    },
    // A good body with missing, malformed, stale or forged signature headers.
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...ctx.referralIds),
          fc.constantFrom('{"status":"acknowledged","ticketId":"T-1"}', '{"status":"declined","reason":"no"}'),
        )
        .chain(([id, raw]) =>
          badSignature(ctx.secret, raw).map(({ headers, names }) => ({
            method: 'POST' as const,
            path: statusPath(id),
            body: raw,
            headers: { ...auth, 'content-type': 'application/json', ...headers },
            names,
            kind: 'bad signature',
          })),
        ),
    },
    // Correctly signed with a webhook-id that is not 1–256 visible ASCII characters.
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...ctx.referralIds),
          fc.oneof(
            fc.constant('i'.repeat(257)),
            fc.string({ maxLength: 20 }).map((s) => `a b${s.replace(/[^\x21-\x7e]/g, '')}`),
          ),
        )
        .map(([id, webhookId]) => {
          const raw = '{"status":"acknowledged","ticketId":"T-1"}';
          return {
            method: 'POST' as const,
            path: statusPath(id),
            body: raw,
            headers: { ...auth, 'content-type': 'application/json', ...signed(raw, webhookId) },
            names: ['webhook-id'],
            kind: 'bad webhook-id',
          };
        }),
    },
    // Referral ids that are not ids, or of no referral.
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          hostileString.filter((s) => s.length > 0).map((id) => ({ id, names: ['referral', 'path id', 'no route'] })),
          fc.uuid().map((id) => ({ id, names: [id] })),
        )
        .map(({ id, names }) => {
          const raw = '{"status":"actioned"}';
          return {
            method: 'POST' as const,
            path: `/v1/platform/referrals/${encodeBytes(id)}/status`,
            body: raw,
            headers: { ...auth, 'content-type': 'application/json', ...signed(raw) },
            names,
            kind: 'bad referral id',
          };
        }),
    },
    // The listing with bad parameters (an admin may name a platform; it must exist).
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.tuple(
            fc.constant('status'),
            hostileString.filter((s) => !STATUSES.includes(s)),
          ),
          fc.tuple(fc.constant('limit'), fc.constantFrom('0', '-5', '501', '2.5', 'all', '', '1e99')),
          fc.tuple(fc.constant('platform'), fc.constantFrom('', 'p'.repeat(65), 'nosuchplatform', 'TikTok')),
        )
        .map(([k, v]) => ({
          method: 'GET' as const,
          path: `/v1/platform/referrals?${queryString([[k, v]])}`,
          headers: { authorization: `Bearer ${ctx.adminKey}` },
          names: [k],
          kind: 'list query',
        })),
    },
    // Bad keys and the wrong role.
    {
      weight: 1,
      arbitrary: fc.tuple(badAuthorization, fc.constantFrom(...ctx.referralIds)).map(([a, id]) => ({
        method: 'POST' as const,
        path: statusPath(id),
        body: '{"status":"actioned"}',
        headers: { 'content-type': 'application/json', ...(a === undefined ? {} : { authorization: a }) },
        names: ['Authorization', 'API key'],
        kind: 'bad key',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...ctx.referralIds).map((id) => ({
        method: 'POST' as const,
        path: statusPath(id),
        body: '{"status":"actioned"}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.reviewerKey}` },
        names: ['role'],
        kind: 'wrong role',
      })),
    },
  );
}
