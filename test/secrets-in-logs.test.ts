/**
 * Secrets never reach the logs: API keys (Authorization header, or pasted into a query or body),
 * platform signing secrets (whsec_…), SECRETS_KEY and the password in DATABASE_URL, across
 * requests that succeed, fail and crash, careless log calls, and the `platforms` CLI setting a
 * secret, everything logged at trace level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { createDb } from '../core/db/index.ts';
import { upsertPlatform } from '../referrals/platforms.ts';
import { generateSigningSecret } from '../referrals/secrets.ts';
import { runCli } from './cli.ts';
import { startHarness, type Harness } from './harness.ts';
import { seedSentReferrals, signedReport } from './platform-fixtures.ts';
import { captureLog } from './log-capture.ts';

const SECRETS_KEY = 'sk-Qw8rT2yU6iO0pA4sD';
const DB_PASSWORD = 'pw-Zx7Cv1Bn5Mm9Lk3J';

describe('secrets in logs', () => {
  let h: Harness;
  let urlWithPassword: string;
  beforeAll(async () => {
    h = await startHarness({ api: false }, { SECRETS_KEY, RATE_LIMIT: 'off' });
    // Trust auth ignores the password, so the URL works while carrying one to leak.
    urlWithPassword = h.databaseUrl.replace('postgres@', `postgres:${DB_PASSWORD}@`);
  });
  afterAll(async () => h?.close());

  function expectNoSecrets(text: string, secrets: string[]) {
    for (const s of secrets) expect(text, `log output contains ${s.slice(0, 12)}…`).not.toContain(s);
  }

  it('requests that succeed, fail and crash, and careless log calls, log no key, secret or password', async () => {
    const { lines, log } = captureLog('trace');
    const config = { ...h.config, databaseUrl: urlWithPassword };
    const db = createDb(urlWithPassword, 2);
    const app = createApp({ ...h.rt.pipeline, config, db, redis: h.rt.redis, log });
    const signingSecret = generateSigningSecret();
    await upsertPlatform(h.db, 'tiktok', { signingSecret }, SECRETS_KEY, false);
    const [referralId] = await seedSentReferrals(h.db, 'tiktok');
    const reviewer = await h.key('reviewer');
    const platformKey = await h.key('platform', { platform: 'tiktok' });
    const keySecret = (k: string) => k.split('_').slice(2).join('_');
    try {
      const auth = (k: string) => ({ authorization: `Bearer ${k}` });
      // Succeeds, with the key also pasted into the query string.
      expect((await app.request(`/v1/review/items?key=${reviewer}`, { headers: auth(reviewer) })).status).toBe(200);
      // Fails: a body carrying a key and a secret, a bad key, a bad signature.
      const bad = await app.request('/v1/posts', {
        method: 'POST',
        headers: { ...auth(platformKey), 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: reviewer, text: signingSecret }),
      });
      expect(bad.status).toBe(400);
      expect(
        (await app.request('/v1/review/items', { headers: auth(`${reviewer.slice(0, -1)}${reviewer.endsWith('x') ? 'y' : 'x'}`) })).status,
      ).toBe(401);
      const report = JSON.stringify({ referralId, status: 'acknowledged', ticketId: 'T-1' });
      const forged = await app.request(`/v1/platform/referrals/${referralId}/status`, {
        method: 'POST',
        body: report,
        headers: { ...auth(platformKey), 'content-type': 'application/json', ...signedReport(generateSigningSecret(), report) },
      });
      expect(forged.status).toBe(401);
      // Succeeds: the sealed secret is opened with SECRETS_KEY to verify the report.
      const signed = await app.request(`/v1/platform/referrals/${referralId}/status`, {
        method: 'POST',
        body: report,
        headers: { ...auth(platformKey), 'content-type': 'application/json', ...signedReport(signingSecret, report) },
      });
      expect(signed.status).toBe(200);
      // Crashes: a database that does not exist, reached through a URL with a password.
      const brokenUrl = urlWithPassword.replace(/\/[^/]+$/, '/tw_does_not_exist');
      const broken = createApp({
        ...h.rt.pipeline,
        config: { ...config, databaseUrl: brokenUrl },
        db: createDb(brokenUrl, 1),
        redis: h.rt.redis,
        log,
      });
      expect((await broken.request('/v1/review/items', { headers: auth(reviewer) })).status).toBe(500);

      // Careless calls: the config, an error quoting a URL, a message quoting a header.
      log.info({ config: { ...config, secretsKey: SECRETS_KEY } }, 'config');
      log.info({ SECRETS_KEY, DATABASE_URL: urlWithPassword }, 'env');
      log.error({ err: new Error(`could not connect to ${urlWithPassword} with ${signingSecret}`) }, 'db down');
      log.warn(`rejected Authorization: Bearer ${reviewer} and key ${platformKey}`);
    } finally {
      await db.close();
    }

    const all = lines.join('\n');
    expectNoSecrets(all, [keySecret(reviewer), keySecret(platformKey), signingSecret.slice(6), SECRETS_KEY, DB_PASSWORD]);
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; status?: number; err?: { message: string } });
    // The lines are there, just censored: the requests, the crash, and the careless calls.
    expect(entries.filter((e) => e.msg === 'request').map((e) => e.status)).toEqual(expect.arrayContaining([200, 400, 401]));
    expect(entries.some((e) => e.msg === 'unhandled error')).toBe(true);
    expect(entries.find((e) => e.msg === 'db down')!.err!.message).toMatch(/postgres:\[redacted\]@.* with whsec_\[redacted\]/);
    expect(all).toContain(`tw_${platformKey.split('_')[1]}_[redacted]`);
  });

  it('the platforms CLI setting a secret prints none of it, nor SECRETS_KEY or the database password', async () => {
    const signingSecret = generateSigningSecret();
    const env = {
      DATABASE_URL: urlWithPassword,
      REDIS_URL: h.config.redisUrl,
      QUEUE_PREFIX: h.config.queuePrefix,
      SECRETS_KEY,
      LOG_LEVEL: 'trace',
    };
    const runs = [
      await runCli(
        [
          'platforms',
          'add',
          'acme',
          '--delivery',
          'webhook',
          '--webhook-url',
          'https://acme.example/hook',
          '--signing-secret',
          signingSecret,
        ],
        env,
      ),
      await runCli(['platforms', 'update', 'acme', '--signing-secret', `${signingSecret}!`], env),
      await runCli(['platforms', 'list'], env),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 2, 0]);
    expect(runs[1]!.stderr).toMatch(/--signing-secret must look like whsec_<base64>/);
    expect(runs[2]!.stdout).toMatch(/acme\s+webhook\s+https:\/\/acme\.example\/hook\s+set/);
    expectNoSecrets(runs.map((r) => r.stdout + r.stderr).join('\n'), [signingSecret.slice(6), SECRETS_KEY, DB_PASSWORD]);
    // Stored sealed with SECRETS_KEY, not as given.
    expect((await h.db.prisma.platform.findUniqueOrThrow({ where: { name: 'acme' } })).signingSecret).toMatch(/^enc:v1:/);

    // A generated secret is printed once, alone on stdout, and nowhere else.
    const gen = await runCli(['platforms', 'add', 'acme2', '--signing-secret', 'generate'], env);
    expect(gen.code).toBe(0);
    const printed = gen.stdout.trim();
    expect(printed).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expectNoSecrets(gen.stderr, [printed.slice(6), SECRETS_KEY, DB_PASSWORD]);
    // Four CLI processes, each starting tsx and migrating: slow on two shared cores.
  }, 400_000);
});
