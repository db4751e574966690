/**
 * Browser sessions are server-side (api/auth/sessions.ts): the cookie holds a random token, not
 * the key; sign-out, an admin ending the session, or revoking the key make a copied cookie
 * useless at once; the cookie is Secure only over https (or a proxy that says so, when trusted).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, revokeApiKey } from '../api/auth/keys.ts';
import { createSession, findSession, LAST_SEEN_EVERY_MS } from '../api/auth/sessions.ts';
import { runCli } from './cli.ts';
import { startHarness, type Harness } from './harness.ts';

async function signIn(h: Harness, key: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.rt.apiUrl}/review/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ key, next: '/review' }),
    headers: { origin: h.rt.apiUrl!, ...headers },
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie')!;
  const token = /^tw_session=([^;]*)/.exec(setCookie)![1]!;
  return { setCookie, token, cookie: `tw_session=${token}` };
}

const page = (h: Harness, cookie: string, path = '/review') => fetch(`${h.rt.apiUrl}${path}`, { headers: { cookie }, redirect: 'manual' });

describe('browser sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ api: true });
  });
  afterAll(async () => h?.close());

  it('puts only a random token in the cookie and only its hash in the database', async () => {
    const key = await h.key('reviewer', { name: 'cookie check' });
    const { setCookie, token } = await signIn(h, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // tw_<8-char id>_<32-char secret>; the secret itself may contain '_', so take it by position.
    const secret = key.slice('tw_'.length + 9);
    expect(secret).toHaveLength(32);
    expect(setCookie).not.toContain(secret);
    expect(setCookie).not.toContain(key.slice(0, 11)); // not even the key's id
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    const rows = await h.db.prisma.session.findMany({ where: { apiKey: { name: 'cookie check' } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(12 * 3_600_000);
  });

  it('sign-out deletes the session: replaying the copied cookie is sent to sign in', async () => {
    const { cookie } = await signIn(h, await h.key('reviewer'));
    expect((await page(h, cookie)).status).toBe(200);
    const out = await fetch(`${h.rt.apiUrl}/review/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: h.rt.apiUrl! },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    const replay = await page(h, cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toMatch(/^\/review\/sign-in/);
  });

  it('revoking the key ends its sessions on the next request', async () => {
    const key = await h.key('reviewer');
    const { cookie } = await signIn(h, key);
    expect((await page(h, cookie, '/networks')).status).toBe(200);
    await revokeApiKey(h.db, key, 'test');
    const after = await page(h, cookie, '/networks');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/review\/sign-in/);
  });

  it('lets admins list and end sessions over the API; others get 403', async () => {
    const admin = await h.key('admin');
    const reviewer = await h.key('reviewer', { name: 'to be ended' });
    const { cookie, token } = await signIn(h, reviewer);
    const listed = await h.request('GET', '/v1/sessions', { key: admin });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { sessions: { id: string; keyName: string; role: string }[] };
    const mine = body.sessions.find((s) => s.keyName === 'to be ended')!;
    expect(mine).toMatchObject({ role: 'reviewer' });
    expect(JSON.stringify(body)).not.toContain(token);
    expect((await h.request('GET', '/v1/sessions', { key: reviewer })).status).toBe(403);
    expect((await h.request('DELETE', `/v1/sessions/${mine.id}`, { key: reviewer })).status).toBe(403);
    expect((await h.request('GET', '/v1/sessions', { key: null })).status).toBe(401);

    expect((await page(h, cookie)).status).toBe(200);
    expect((await h.request('DELETE', `/v1/sessions/${mine.id}`, { key: admin })).status).toBe(204);
    expect((await page(h, cookie)).status).toBe(303);
    expect((await h.request('DELETE', `/v1/sessions/${mine.id}`, { key: admin })).status).toBe(404);
    const bad = await h.request('DELETE', '/v1/sessions/not-a-uuid', { key: admin });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^path id:/);
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'session.end', subjectId: mine.id } })).toBe(1);
  });

  it('lists and ends sessions from the command line', async () => {
    const { cookie, token } = await signIn(h, await h.key('lead', { name: 'cli listed' }));
    const env = { DATABASE_URL: h.databaseUrl, LOG_LEVEL: 'silent' };
    const listed = await runCli(['sessions', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(token);
    const row = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; keyName: string; role: string })
      .find((r) => r.keyName === 'cli listed')!;
    expect(row.role).toBe('lead');
    const ended = await runCli(['sessions', 'end', row.id], env);
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toBe(`ended session ${row.id}\n`);
    expect((await page(h, cookie)).status).toBe(303);
    const again = await runCli(['sessions', 'end', row.id], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`no session ${row.id}`);
  });

  it('refuses an expired session and purges expired rows at the next sign-in', async () => {
    const { cookie, token } = await signIn(h, await h.key('reviewer'));
    const tokenHash = createHash('sha256').update(token).digest('hex');
    await h.db.prisma.session.update({ where: { tokenHash }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await page(h, cookie)).status).toBe(303);
    await signIn(h, await h.key('reviewer'));
    expect(await h.db.prisma.session.count({ where: { tokenHash } })).toBe(0);
  });

  it('signing in again in the same browser replaces its previous session', async () => {
    const key = await h.key('reviewer');
    const first = await signIn(h, key);
    const second = await signIn(h, key, { cookie: first.cookie });
    expect(second.token).not.toBe(first.token);
    expect((await page(h, first.cookie)).status).toBe(303);
    expect((await page(h, second.cookie)).status).toBe(200);
  });

  it('writes lastSeenAt at most once a minute, not on every request', async () => {
    const principal = (await authenticate(h.db, await h.key('reviewer')))!;
    const t0 = new Date('2026-12-07T10:00:00Z');
    const { token, id } = await createSession(h.db, principal, 3_600_000, t0);
    const lastSeen = async () => (await h.db.prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();
    expect((await findSession(h.db, token, new Date(t0.getTime() + 30_000)))?.principal.keyId).toBe(principal.keyId);
    expect(await lastSeen()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + LAST_SEEN_EVERY_MS + 1_000);
    await findSession(h.db, token, later);
    expect(await lastSeen()).toBe(later.getTime());
    expect(await findSession(h.db, token, new Date(t0.getTime() + 3_600_000))).toBeUndefined(); // expired
    expect(
      await findSession(h.db, `${token.slice(0, -1)}A` === token ? `${token.slice(0, -1)}B` : `${token.slice(0, -1)}A`),
    ).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto unless TRUST_PROXY is on', async () => {
    const { setCookie } = await signIn(h, await h.key('reviewer'), { 'x-forwarded-proto': 'https' });
    expect(setCookie).not.toMatch(/Secure/);
  });
});

describe('browser sessions behind a trusted proxy (TRUST_PROXY=on)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ api: true }, { TRUST_PROXY: 'on', SESSION_HOURS: '2' });
  });
  afterAll(async () => h?.close());

  it('marks the cookie Secure when the proxy says https, and not when it says http', async () => {
    const https = await signIn(h, await h.key('reviewer'), { 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toMatch(/; Secure/);
    expect(https.setCookie).toMatch(/Max-Age=7200/);
    const http = await signIn(h, await h.key('reviewer'), { 'x-forwarded-proto': 'http' });
    expect(http.setCookie).not.toMatch(/Secure/);
  });
});
