/**
 * The role × route matrix, walked from the OpenAPI document itself so a new route cannot escape
 * it: every operation either is public or declares `x-roles`, and for each key kind the answer is
 * 401 (no, malformed, unknown or revoked key), 403 (a role not listed) or 2xx (a listed role).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, startHarness, type Harness } from '../../test/harness.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';
import { API_ROLES, hashKey, revokeApiKey, type Role } from './keys.ts';
import { createSession } from './sessions.ts';

type Doc = { paths: Record<string, Record<string, { 'x-roles'?: Role[]; security?: unknown[] }>> };
const PUBLIC = new Set(['get /healthz', 'get /readyz', 'get /v1/schemas/notice/v1.json']);

describe('roles × routes', () => {
  let h: Harness;
  let doc: Doc;
  const keys = {} as Record<Role, string>;
  beforeAll(async () => {
    // Walks hundreds of bad keys from one address: the failed sign-in limit (tested in
    // api/middleware/rate-limit.test.ts) would otherwise answer 429 instead of 401.
    h = await startHarness({ api: true }, { RATE_LIMIT_SIGN_IN_FAILURES: '100000', REVIEW_UNDO_SECONDS: '10' });
    for (const role of API_ROLES) keys[role] = await h.key(role, role === 'platform' ? { platform: 'facebook' } : {});
    doc = (await (await fetch(`${h.rt.apiUrl}/openapi.json`)).json()) as Doc;
  });
  afterAll(async () => h?.close());

  /** A referral on the seed platform (facebook, the platform key's) in `status`. */
  const referralIn = async (status: 'sent' | 'failed' | 'needs_info') => {
    const { postId } = (await seedReviewItems(h.db, [{ status: 'confirmed' }]))[0]!;
    const post = await h.db.prisma.post.findUniqueOrThrow({ where: { id: postId } });
    const r = await h.db.prisma.referral.create({ data: { postId, platformId: post.platformId, status, idempotencyKey: `k-${postId}` } });
    return r.id;
  };

  /** A request that should succeed for `key`, after whatever setup the route needs. */
  const happy: Record<string, (key: string) => Promise<Response>> = {
    'get /v1/review/items': (key) => h.request('GET', '/v1/review/items', { key }),
    'get /v1/review/items/{id}': async (key) => h.request('GET', `/v1/review/items/${(await seedReviewItems(h.db, [{}]))[0]!.id}`, { key }),
    'post /v1/review/items/{id}/claim': async (key) =>
      h.request('POST', `/v1/review/items/${(await seedReviewItems(h.db, [{}]))[0]!.id}/claim`, { key }),
    'post /v1/review/items/{id}/release': async (key) =>
      h.request('POST', `/v1/review/items/${(await seedReviewItems(h.db, [{}]))[0]!.id}/release`, { key }),
    'post /v1/review/next': async (key) => {
      await seedReviewItems(h.db, [{ category: `next-${key.slice(3, 11)}` }]);
      return h.request('POST', '/v1/review/next', { key, body: { category: `next-${key.slice(3, 11)}` } });
    },
    'post /v1/review/items/{id}/decision': async (key) => {
      const id = (await seedReviewItems(h.db, [{}]))[0]!.id;
      expect((await h.request('POST', `/v1/review/items/${id}/claim`, { key })).status).toBe(200);
      return h.request('POST', `/v1/review/items/${id}/decision`, { key, body: { action: 'reject', reasonCode: 'news_report' } });
    },
    'post /v1/review/items/{id}/undo': async (key) => {
      const id = (await seedReviewItems(h.db, [{}]))[0]!.id;
      expect((await h.request('POST', `/v1/review/items/${id}/claim`, { key })).status).toBe(200);
      const body = { action: 'reject', reasonCode: 'news_report' };
      expect((await h.request('POST', `/v1/review/items/${id}/decision`, { key, body })).status).toBe(200);
      return h.request('POST', `/v1/review/items/${id}/undo`, { key });
    },
    'post /v1/review/bulk-decision': async (key) =>
      h.request('POST', '/v1/review/bulk-decision', {
        key,
        body: { ids: [(await seedReviewItems(h.db, [{}]))[0]!.id], action: 'reject', reasonCode: 'spam' },
      }),
    'post /v1/review/items/{id}/reverse': async (key) =>
      h.request('POST', `/v1/review/items/${(await seedReviewItems(h.db, [{ status: 'rejected' }]))[0]!.id}/reverse`, {
        key,
        body: { reasonCode: 'wrong_call' },
      }),
    'get /v1/audit': (key) => h.request('GET', '/v1/audit', { key }),
    'get /v1/platform/referrals': (key) => h.request('GET', '/v1/platform/referrals', { key }),
    'post /v1/platform/referrals/{id}/status': async (key) => {
      const { postId } = (await seedReviewItems(h.db, [{ status: 'confirmed' }]))[0]!;
      const post = await h.db.prisma.post.findUniqueOrThrow({ where: { id: postId } });
      const r = await h.db.prisma.referral.create({
        data: { postId, platformId: post.platformId, status: 'sent', idempotencyKey: `k-${postId}` },
      });
      return h.request('POST', `/v1/platform/referrals/${r.id}/status`, {
        key,
        body: { referralId: r.id, status: 'acknowledged', ticketId: 'T-1' },
      });
    },
    'post /v1/platform/referrals/status': async (key) => {
      const r = await referralIn('sent');
      return h.request('POST', '/v1/platform/referrals/status', { key, body: { updates: [{ referralId: r, status: 'actioned' }] } });
    },
    'get /v1/platform/referrals/{id}/evidence/{file}': async (key) => {
      const r = await referralIn('sent');
      const folder = join(h.rt.config.evidence.dir, r);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'screenshot.png'), 'png');
      await h.db.prisma.referral.update({
        where: { id: r },
        data: { evidence: { files: { screenshot: join(folder, 'screenshot.png'), html: null } } },
      });
      return h.request('GET', `/v1/platform/referrals/${r}/evidence/screenshot.png`, { key });
    },
    'post /v1/referrals/{id}/redeliver': async (key) => h.request('POST', `/v1/referrals/${await referralIn('failed')}/redeliver`, { key }),
    'post /v1/referrals/{id}/answer': async (key) => {
      const r = await referralIn('needs_info');
      await h.db.prisma.referral.update({
        where: { id: r },
        data: { infoRequest: { question: 'which account?', askedBy: 'x', askedAt: new Date().toISOString() } },
      });
      return h.request('POST', `/v1/referrals/${r}/answer`, { key, body: { answer: 'the first' } });
    },
    'post /v1/posts': (key) => h.request('POST', '/v1/posts', { key, body: makePost('boat to uk') }),
    'get /v1/posts/{id}': async (key) => h.request('GET', `/v1/posts/${(await seedReviewItems(h.db, [{}]))[0]!.postId}`, { key }),
    'get /v1/stats': (key) => h.request('GET', '/v1/stats?from=2026-09-01&to=2026-09-14', { key }),
    'get /v1/stats/export': (key) => h.request('GET', '/v1/stats/export?table=series&format=csv', { key }),
    'get /v1/networks': (key) => h.request('GET', '/v1/networks', { key }),
    'get /v1/sessions': (key) => h.request('GET', '/v1/sessions', { key }),
    'delete /v1/sessions/{id}': async (key) => {
      const s = await createSession(
        h.db,
        { keyId: (await h.db.prisma.apiKey.findFirstOrThrow()).id, name: 'x', role: 'reviewer', platform: null, platformId: null },
        60_000,
      );
      return h.request('DELETE', `/v1/sessions/${s.id}`, { key });
    },
    'get /v1/contacts/benign': (key) => h.request('GET', '/v1/contacts/benign', { key }),
    'post /v1/contacts/benign': (key) =>
      h.request('POST', '/v1/contacts/benign', { key, body: { contact: '+44 1632 960001', note: 'police line' } }),
    'delete /v1/contacts/benign': async (key) => {
      const contact = `handle:@ngo_${key
        .slice(3, 11)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`;
      await h.db.prisma.benignContact.create({ data: { key: contact, note: 'NGO', createdBy: 'test' } });
      return h.request('DELETE', `/v1/contacts/benign?contact=${encodeURIComponent(contact)}`, { key });
    },
    'get /v1/networks/{id}': async (key) => {
      const n = await h.db.prisma.network.create({ data: { id: crypto.randomUUID(), firstSeenAt: new Date(), lastSeenAt: new Date() } });
      return h.request('GET', `/v1/networks/${n.id}`, { key });
    },
  };

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ id: `${method} ${path}`, method, path, op })),
    );
  const concrete = (path: string) => path.replace('{id}', '019abc12-3456-7def-8123-456789abcdef');

  it('documents roles for every non-public operation, and every one has a happy-path case here', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(12);
    for (const { id, op } of ops) {
      if (PUBLIC.has(id)) continue;
      expect(op['x-roles'], id).toBeDefined();
      expect(op.security, id).toEqual([{ bearerAuth: [] }]);
      expect(happy[id], `no matrix case for ${id}`).toBeDefined();
    }
  });

  it('public operations answer without a key', async () => {
    for (const id of PUBLIC) {
      const [method, path] = id.split(' ') as [string, string];
      expect((await h.request(method.toUpperCase(), path)).status, id).toBe(200);
    }
  });

  it('401 without a key, with a malformed, unknown or revoked key, on every protected route', async () => {
    const revoked = await h.key('admin', { name: 'to revoke' });
    await revokeApiKey(h.db, revoked.split('_')[1]!, 'test');
    const wrongSecret = `${keys.admin.slice(0, 12)}${'A'.repeat(32)}`;
    const bad: (string | null)[] = [null, 'not-a-key', 'tw_zzzzzzzz_' + 'B'.repeat(32), wrongSecret, revoked];
    for (const { id, method, path, op } of operations()) {
      if (!op['x-roles']) continue;
      for (const key of bad) {
        const res = await h.request(method.toUpperCase(), concrete(path), { key, body: method === 'get' ? undefined : {} });
        expect(res.status, `${id} with ${key === null ? 'no key' : 'a bad key'}`).toBe(401);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('unauthorized');
        if (key) expect(body.error.message).not.toContain(key);
      }
    }
    const basic = await h.request('GET', '/v1/review/items', { key: null });
    expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('403 for roles not listed, 2xx for roles listed', async () => {
    const seen: string[] = [];
    for (const { id, method, path, op } of operations()) {
      const allowed = op['x-roles'];
      if (!allowed) continue;
      for (const role of API_ROLES) {
        if (allowed.includes(role)) {
          const res = await happy[id]!(keys[role]);
          expect(res.status, `${id} as ${role}: ${await res.clone().text()}`).toBeGreaterThanOrEqual(200);
          expect(res.status, `${id} as ${role}`).toBeLessThan(300);
        } else {
          const res = await h.request(method.toUpperCase(), concrete(path), { key: keys[role], body: method === 'get' ? undefined : {} });
          expect(res.status, `${id} as ${role}`).toBe(403);
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
        }
        seen.push(`${id} ${role}`);
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(10 * API_ROLES.length);
  });

  it('documents the roles this tool promises', () => {
    const roles = (id: string) => {
      const [method, path] = id.split(' ') as [string, string];
      return doc.paths[path]![method]!['x-roles'];
    };
    expect(roles('post /v1/posts')).toEqual(['admin', 'ingest', 'platform']);
    expect(roles('get /v1/review/items')).toEqual(['admin', 'lead', 'reviewer', 'analyst']);
    expect(roles('post /v1/review/items/{id}/decision')).toEqual(['admin', 'lead', 'reviewer']);
    expect(roles('post /v1/review/bulk-decision')).toEqual(['admin', 'lead']);
    expect(roles('get /v1/audit')).toEqual(['admin', 'lead']);
  });

  it('a platform key submits its own platform only; keys are stored hashed', async () => {
    const res = await h.request('POST', '/v1/posts', {
      key: keys.platform,
      body: { posts: [makePost('boat to uk'), makePost('boat', { platform: 'tiktok' })] },
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: unknown[]; errors: { index: number; field: string; message: string }[] };
    expect(body.accepted).toHaveLength(1);
    expect(body.errors).toEqual([{ index: 1, field: 'platform', message: 'this key may submit facebook posts only' }]);

    const rows = await h.db.prisma.apiKey.findMany();
    for (const role of API_ROLES) {
      const row = rows.find((r) => r.id === keys[role].split('_')[1]);
      expect(row?.secretHash).toBe(hashKey(keys[role]));
      expect(JSON.stringify(row)).not.toContain(keys[role].slice(12));
    }
  });
});
