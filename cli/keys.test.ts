import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createApiKey, hashKey, type Role } from '../api/auth/keys.ts';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';

describe('tidewatch keys', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());
  const env = () => ({ DATABASE_URL: iso.databaseUrl });

  it('creates a key, printing it once; lists without secrets; revokes', async () => {
    const created = await runCli(['keys', 'create', '--role', 'reviewer', '--name', 'alice'], env());
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^tw_[a-z0-9]{8}_[A-Za-z0-9_-]{32}$/);
    const id = key.split('_')[1]!;
    expect(created.stderr).toContain(`created key ${id} (reviewer, "alice")`);
    expect(await authenticate(iso.db, key)).toMatchObject({ keyId: id, role: 'reviewer', name: 'alice' });
    expect((await iso.db.prisma.apiKey.findUniqueOrThrow({ where: { id } })).secretHash).toBe(hashKey(key));

    const platform = await runCli(['keys', 'create', '--role', 'platform', '--name', 'tiktok t&s', '--platform', 'tiktok'], env());
    expect(platform.code, platform.stderr).toBe(0);

    const list = await runCli(['keys', 'list'], env());
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+ROLE\s+PLATFORM\s+NAME/);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+reviewer\\s+-\\s+alice`));
    expect(list.stdout).toMatch(/platform\s+tiktok\s+tiktok t&s/);
    // The secret is everything after `tw_<id>_`: base64url, so it may hold or start with '_' itself.
    const secret = key.slice(`tw_${id}_`.length);
    expect(secret).toHaveLength(32);
    expect(list.stdout).not.toContain(secret);

    const revoked = await runCli(['keys', 'revoke', id], env());
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`revoked key ${id}\n`);
    expect(await authenticate(iso.db, key)).toBeUndefined();
    expect((await runCli(['keys', 'revoke', id], env())).stdout).toMatch(/already revoked/);

    const events = await iso.db.prisma.auditEvent.findMany({ where: { subjectId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['key.create', 'key.revoke']);
    expect(events[0]!.actor).toMatch(/^cli:/);
  }, 180_000);

  it('refuses bad input with a message (exit status 2 for ours)', async () => {
    const role = await runCli(['keys', 'create', '--role', 'god', '--name', 'x'], env());
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/god/);
    const missing = await runCli(['keys', 'revoke', 'nosuchid'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no key with id "nosuchid"/);
    // The remaining rules, without a process per case.
    const create = (o: { role: Role; platform?: string }) => createApiKey(iso.db, { name: 'x', createdBy: 'test', ...o });
    await expect(create({ role: 'platform' })).rejects.toThrow(/needs --platform/);
    await expect(create({ role: 'reviewer', platform: 'tiktok' })).rejects.toThrow(/platform keys only/);
    await expect(create({ role: 'platform', platform: 'myspace' })).rejects.toThrow(/unknown platform "myspace"/);
    await expect(createApiKey(iso.db, { role: 'analyst', name: '  ', createdBy: 'test' })).rejects.toThrow(/needs a name/);
  });
});
