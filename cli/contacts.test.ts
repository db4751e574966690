import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { isolate, type Isolated } from '../test/isolation.ts';

describe('tidewatch contacts benign', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());
  const env = () => ({ DATABASE_URL: iso.databaseUrl });

  it('adds, lists and removes benign contacts, audited; refuses what is not a contact', async () => {
    const add = await runCli(['contacts', 'benign', 'add', '+44 1632 960000', '--note', 'police non-emergency line'], env());
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe('phone:+441632960000\n');
    expect((await runCli(['contacts', 'benign', 'add', 't.me/Help_Desk', '--note', 'NGO desk'], env())).code).toBe(0);

    const list = await runCli(['contacts', 'benign', 'list', '--json'], env());
    expect(list.code).toBe(0);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; note: string; createdBy: string });
    expect(rows.map((r) => [r.key, r.note])).toEqual([
      ['handle:@help_desk', 'NGO desk'],
      ['phone:+441632960000', 'police non-emergency line'],
    ]);
    expect(rows[0]!.createdBy).toMatch(/^cli:/);

    const remove = await runCli(['contacts', 'benign', 'remove', 'phone:+441632960000'], env());
    expect(remove.code, remove.stderr).toBe(0);
    expect(await iso.db.prisma.benignContact.count()).toBe(1);
    expect(await iso.db.prisma.auditEvent.count({ where: { subjectType: 'contact' } })).toBe(3);

    const bad = await runCli(['contacts', 'benign', 'add', 'price 1500 EUR', '--note', 'x'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('contact');
    const missing = await runCli(['contacts', 'benign', 'remove', '@nobody_here'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('not marked benign');
  });
});
