import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { openSecret } from '../referrals/secrets.ts';

describe('tidewatch platforms', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());
  const SECRETS_KEY = 'test-secrets-key-0123456789';
  const env = () => ({ DATABASE_URL: iso.databaseUrl, SECRETS_KEY });

  it('adds a platform with a generated secret printed once and stored encrypted; updates; lists without secrets', async () => {
    const add = await runCli(
      [
        'platforms',
        'add',
        'mastodon',
        '--display-name',
        'Mastodon',
        '--delivery',
        'webhook',
        '--webhook-url',
        'https://t.example/hook',
        '--signing-secret',
        'generate',
        '--auto-refer',
        '--offline-pattern',
        'not available',
      ],
      env(),
    );
    expect(add.code, add.stderr).toBe(0);
    const secret = add.stdout.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const row = await iso.db.prisma.platform.findUniqueOrThrow({ where: { name: 'mastodon' } });
    expect(row).toMatchObject({
      deliveryMode: 'webhook',
      webhookUrl: 'https://t.example/hook',
      autoRefer: true,
      offlinePatterns: ['not available'],
    });
    expect(row.signingSecret).not.toContain(secret.slice(6));
    expect(openSecret(row.signingSecret!, SECRETS_KEY)).toBe(secret);

    const upd = await runCli(['platforms', 'update', 'mastodon', '--delivery', 'export', '--no-auto-refer'], env());
    expect(upd.code, upd.stderr).toBe(0);
    expect(upd.stdout).toBe('');
    expect(await iso.db.prisma.platform.findUniqueOrThrow({ where: { name: 'mastodon' } })).toMatchObject({
      deliveryMode: 'export',
      autoRefer: false,
    });

    const list = await runCli(['platforms', 'list'], env());
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/mastodon\s+export\s+https:\/\/t\.example\/hook\s+set\s+false/);
    expect(list.stdout).not.toContain(secret.slice(6, 20));

    const bad = await runCli(['platforms', 'add', 'mastodon'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exists/);
    const badSecret = await runCli(['platforms', 'update', 'mastodon', '--signing-secret', 'hunter2'], env());
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toMatch(/whsec_/);
  }, 240_000);
});
