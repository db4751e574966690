/**
 * The API keeps its own contract (issue #17.16): every operation in /openapi.json, called with
 * every credential (none, a bad key, each role's key) and with the error paths a client can hit
 * (bad and NUL parameters, impossible dates, unknown ids, wrong content types, broken and
 * oversized bodies), answers only what the document promises: a listed status, content type and
 * body (test/openapi-contract.ts). And the reverse: a request the document's own schemas allow is
 * not refused as invalid, so the documented bounds are the enforced ones.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROLES, type Role } from '../api/auth/keys.ts';
import { REVIEW_MAX_BODY_BYTES } from '../api/middleware/body-limit.ts';
import { MAX_TEXT_LENGTH } from '../core/post-input.ts';
import { makePost, startHarness, type Harness } from './harness.ts';
import { ContractViolation, OpenApiContract, type OpenApiDocument } from './openapi-contract.ts';
import { seedSentReferrals } from './platform-fixtures.ts';
import { seedReviewItems } from './review-fixtures.ts';

type Op = { method: string; path: string; id: string; body: boolean; roles: Role[]; query: string[] };
const UNKNOWN_ID = '019abc12-3456-7def-8123-456789abcdef';

describe('every answer is one /openapi.json promises', () => {
  let h: Harness;
  let contract: OpenApiContract;
  let ops: Op[];
  const keys = {} as Record<Role, string>;
  let itemId: string;
  let referralId: string;
  /** Answers off the document, collected so one run names them all. */
  const violations: string[] = [];
  let sent = 0;

  beforeAll(async () => {
    h = await startHarness({ api: true }, { RATE_LIMIT: 'off' });
    for (const role of API_ROLES) keys[role] = await h.key(role, role === 'platform' ? { platform: 'tiktok' } : {});
    itemId = (await seedReviewItems(h.db, [{}]))[0]!.id;
    referralId = (await seedSentReferrals(h.db, 'tiktok', 1))[0]!;
    const doc = (await (await fetch(`${h.rt.apiUrl}/openapi.json`)).json()) as OpenApiDocument & {
      paths: Record<string, Record<string, { 'x-roles'?: Role[]; requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
    };
    contract = new OpenApiContract(doc);
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        id: `${method} ${path}`,
        body: method !== 'get',
        roles: op['x-roles'] ?? [],
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  });
  afterAll(async () => {
    console.log(`contract: ${sent} requests checked against /openapi.json`);
    await h?.close();
  });

  /** Sends one request through the harness (which checks the answer) and records a violation instead of stopping at it. */
  async function send(
    method: string,
    path: string,
    opts: { key?: string | null; body?: unknown; raw?: boolean; headers?: Record<string, string> } = {},
  ) {
    sent += 1;
    try {
      if (opts.headers) {
        const headers = { ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...opts.headers };
        return await fetch(`${h.rt.apiUrl}${path}`, { method, headers, body: opts.body as string | undefined });
      }
      return await h.request(method, path, opts);
    } catch (err) {
      if (!(err instanceof ContractViolation)) throw err;
      violations.push(err.message);
      return undefined;
    }
  }

  const concrete = (path: string, id = UNKNOWN_ID) =>
    path.replace('{id}', path.includes('/platform/') && id === 'real' ? referralId : id === 'real' ? itemId : id);
  const allowedKey = (op: Op) => keys[op.roles.includes('admin') ? 'admin' : (op.roles[0] ?? 'admin')];

  it('with every credential: none, a bad key, and each role', async () => {
    const credentials: [string, string | null][] = [
      ['anonymous', null],
      ['bad key', 'tw_zzzzzzzz_' + 'B'.repeat(32)],
      ...API_ROLES.map((r) => [r, keys[r]] as [string, string]),
    ];
    const statuses = new Set<number>();
    for (const op of ops) {
      for (const [, key] of credentials) {
        for (const id of ['real', UNKNOWN_ID]) {
          const res = await send(op.method, concrete(op.path, id), { key, body: op.body ? {} : undefined });
          if (res) statuses.add(res.status);
          if (!op.path.includes('{id}')) break;
        }
      }
    }
    expect(violations.splice(0)).toEqual([]);
    // The walk reached success, validation, auth, role and missing-item answers.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
  });

  it('with bad, NUL, repeated and oversized query parameters, and impossible dates', async () => {
    const bad = ['not valid @@', '\u0000', 'a\u0000b', '2026-02-30', '-1', '1e309', 'x'.repeat(600), '💥'];
    for (const op of ops) {
      const key = allowedKey(op);
      for (const name of op.query) {
        for (const value of bad)
          await send(op.method, `${concrete(op.path, 'real')}?${name}=${encodeURIComponent(value)}`, {
            key,
            body: op.body ? {} : undefined,
          });
        await send(op.method, `${concrete(op.path, 'real')}?${name}=1&${name}=2`, { key, body: op.body ? {} : undefined });
      }
    }
    for (const path of ['/v1/stats', '/v1/stats/export?table=series&']) {
      for (const q of [
        'from=2026-02-30&to=2026-03-10',
        'from=2026-03-01&to=2026-02-31',
        'from=2026-02-29&to=2026-03-01',
        'from=0000-00-00&to=9999-99-99',
      ]) {
        const res = await send('GET', `${path}${path.includes('?') ? '' : '?'}${q}`, { key: keys.analyst });
        expect(res?.status, q).toBe(400);
      }
    }
    expect(violations.splice(0)).toEqual([]);
  });

  it('with unknown, malformed and NUL ids in the path', async () => {
    for (const op of ops.filter((o) => o.path.includes('{id}'))) {
      for (const id of [UNKNOWN_ID, 'not-a-uuid', '%00', encodeURIComponent('a\u0000b'), 'x'.repeat(300)]) {
        await send(op.method, concrete(op.path, id), { key: allowedKey(op), body: op.body ? {} : undefined });
      }
    }
    expect(violations.splice(0)).toEqual([]);
  });

  it('with wrong content types, broken, empty, NUL-carrying and oversized bodies', async () => {
    const bodies: { body: string; type?: string }[] = [
      { body: '{}', type: 'text/plain' },
      { body: 'a=1', type: 'application/x-www-form-urlencoded' },
      { body: '{}' },
      { body: '{', type: 'application/json' },
      { body: '', type: 'application/json' },
      { body: '[]', type: 'application/json' },
      { body: 'null', type: 'application/json' },
      {
        body: JSON.stringify({
          status: 'open',
          action: 'reject',
          reasonCode: 'spam',
          note: 'a\u0000b',
          category: 'a\u0000b',
          ids: [itemId],
        }),
        type: 'application/json',
      },
      { body: ' '.repeat(REVIEW_MAX_BODY_BYTES + 1), type: 'application/json' },
    ];
    for (const op of ops.filter((o) => o.body)) {
      for (const { body, type } of bodies) {
        await send(op.method, concrete(op.path, 'real'), { key: allowedKey(op), body, headers: type ? { 'content-type': type } : {} });
      }
    }
    expect(violations.splice(0)).toEqual([]);
  });

  // The server may be more lenient than the document (it trims and lower-cases a platform name),
  // never stricter: a client that checks its requests against the document is not refused.
  it('refuses nothing the document allows: the request schemas carry the real bounds', async () => {
    const cases: [string, unknown][] = [
      ['longest text', makePost('a'.repeat(MAX_TEXT_LENGTH))],
      ['text one too long', makePost('a'.repeat(MAX_TEXT_LENGTH + 1))],
      ['whitespace-only text', makePost(' \n\t ')],
      ['empty text', makePost('')],
      ['ftp url', makePost('boat', { url: 'ftp://example.com/1' })],
      ['javascript url', makePost('boat', { url: 'javascript:alert(1)' })],
      ['upper-case scheme', makePost('boat', { url: 'HTTPS://example.com/1' })],
      ['url too long', makePost('boat', { url: `https://example.com/${'a'.repeat(2_048)}` })],
      ['postedAt with a space', makePost('boat', { postedAt: '2026-11-01 12:00:00Z' })],
      ['postedAt lower-case', makePost('boat', { postedAt: '2026-11-01t12:00:00z' })],
      ['postedAt impossible', makePost('boat', { postedAt: '2026-02-30T12:00:00Z' })],
      ['postedAt with offset', makePost('boat', { postedAt: '2026-11-01T12:00:00+02:00' })],
      ['blank platformPostId', makePost('boat', { platformPostId: '   ' })],
      ['platform in capitals', makePost('boat', { platform: 'Facebook' })],
      ['lang', makePost('boat', { lang: 'ckb' })],
      ['bad lang', makePost('boat', { lang: 'english' })],
      ['author too long', makePost('boat', { author: 'a'.repeat(257) })],
    ];
    const disagreements: string[] = [];
    for (const [name, body] of cases) {
      const docProblems = contract.requestProblems('POST', '/v1/posts', body)!;
      const res = (await send('POST', '/v1/posts', { key: keys.ingest, body }))!;
      const refused = res.status === 400;
      if (!refused && res.status !== 202) disagreements.push(`${name}: ${res.status}`);
      if (refused && !docProblems.length) disagreements.push(`${name}: the document allows it, the server refused it: ${await res.text()}`);
    }
    const queries: [string, string][] = [
      ['/v1/stats', 'from=2026-02-28&to=2026-03-01'],
      ['/v1/stats', 'from=2026-02-30&to=2026-03-01'],
      ['/v1/stats', 'from=26-02-01'],
      ['/v1/review/items', 'limit=200'],
      ['/v1/review/items', 'limit=201'],
      ['/v1/review/items', 'minScore=0.5&referralCandidate=true'],
      ['/v1/review/items', 'referralCandidate=yes'],
      ['/v1/audit', 'since=2026-11-01T12:00:00Z'],
      ['/v1/audit', 'since=2026-11-01 12:00:00Z'],
      ['/v1/audit', 'since=2026-02-30T12:00:00Z'],
      ['/v1/networks', 'minSize=1&limit=200'],
    ];
    for (const [path, q] of queries) {
      const docProblems = contract.requestProblems('GET', `${path}?${q}`)!;
      const res = (await send('GET', `${path}?${q}`, { key: keys.admin }))!;
      if (res.status === 400 && !docProblems.length)
        disagreements.push(`${path}?${q}: the document allows it, the server refused it: ${await res.text()}`);
      if (res.status !== 400) expect(res.status, `${path}?${q}`).toBe(200);
    }
    expect(disagreements).toEqual([]);
    // And the cases are not vacuous: the document itself refuses the bad ones.
    expect(contract.requestProblems('POST', '/v1/posts', makePost('a'.repeat(MAX_TEXT_LENGTH + 1)))).not.toEqual([]);
    expect(contract.requestProblems('POST', '/v1/posts', makePost('boat', { url: 'ftp://example.com/1' }))).not.toEqual([]);
    expect(contract.requestProblems('GET', '/v1/audit?since=2026-11-01 12:00:00Z')).not.toEqual([]);
    expect(contract.requestProblems('POST', '/v1/posts', makePost('boat'))).toEqual([]);
    expect(violations.splice(0)).toEqual([]);
  });

  it('a 413 says Connection: close, and the server then closes (raw HTTP/1.1, keep-alive asked)', async () => {
    const { port, hostname } = new URL(h.rt.apiUrl!);
    const exchange = async (head: string, bodyBytes: number) => {
      const sock = net.connect(Number(port), hostname);
      await new Promise((r) => sock.once('connect', r));
      let data = '';
      const closed = new Promise<true>((r) => sock.once('close', () => r(true)));
      sock.on('data', (d) => (data += d));
      sock.on('error', () => {});
      sock.write(
        `${head}\r\nHost: ${hostname}\r\nConnection: keep-alive\r\nAuthorization: Bearer ${keys.lead}\r\ncontent-type: application/json\r\nContent-Length: ${bodyBytes}\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent < bodyBytes && !sock.destroyed; sent += chunk.length)
        sock.write(chunk.subarray(0, Math.min(chunk.length, bodyBytes - sent)));
      const outcome = await Promise.race([closed, new Promise<false>((r) => setTimeout(() => r(false), 2_000))]);
      sock.destroy();
      const [statusLine, ...headers] = data.split('\r\n\r\n')[0]!.split('\r\n');
      return {
        statusLine,
        connection: headers
          .find((l) => /^connection:/i.test(l))
          ?.split(':')[1]!
          .trim()
          .toLowerCase(),
        closed: outcome,
      };
    };
    // A request within the limit keeps its connection open, as asked.
    const ok = await exchange('POST /v1/review/bulk-decision HTTP/1.1', 0);
    expect(ok.statusLine).toMatch(/^HTTP\/1.1 400/);
    expect(ok.connection).toBe('keep-alive');
    expect(ok.closed).toBe(false);
    for (const bytes of [REVIEW_MAX_BODY_BYTES + 1, 2 * 1024 * 1024]) {
      const tooBig = await exchange('POST /v1/review/bulk-decision HTTP/1.1', bytes);
      expect(tooBig.statusLine, `${bytes} bytes`).toMatch(/^HTTP\/1.1 413/);
      expect(tooBig.connection, `${bytes} bytes`).toBe('close');
      expect(tooBig.closed, `${bytes} bytes`).toBe(true);
    }
  });
});

describe('429 is a documented answer everywhere, public routes included', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ api: true }, { RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_ANALYST: '3' });
  });
  afterAll(async () => h?.close());

  it('answers 429 with Retry-After on /healthz, /readyz and a keyed route, each checked against the document', async () => {
    const analyst = await h.key('analyst');
    for (const [path, key] of [
      ['/healthz', null],
      ['/readyz', null],
      ['/v1/stats', analyst],
    ] as const) {
      const statuses: number[] = [];
      // The harness's fetch throws on an answer the document does not list.
      for (let i = 0; i < 4; i++) statuses.push((await h.request('GET', path, { key })).status);
      const last = await h.request('GET', path, { key });
      expect(statuses.concat(last.status), path).toContain(429);
      expect(last.status, path).toBe(429);
      expect(Number(last.headers.get('retry-after')), path).toBeGreaterThan(0);
    }
  });
});
