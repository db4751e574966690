import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { VerifiedKeys } from './key-cache.ts';
import { createApiKey, revokeApiKey } from './keys.ts';

describe('verified key cache', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());

  const newKey = () => createApiKey(iso.db, { role: 'reviewer', name: 'cache test', createdBy: 'test' });

  it('trusts a verified key for the window, then asks the database again', async () => {
    const { id, key } = await newKey();
    const keys = new VerifiedKeys(iso.db, 300);
    expect(await keys.authenticate(key)).toMatchObject({ keyId: id, role: 'reviewer' });
    await revokeApiKey(iso.db, id, 'test');
    // Revoked behind the cache's back: still trusted inside the window …
    expect(await keys.authenticate(key)).toMatchObject({ keyId: id });
    await sleep(350);
    // … and refused once it has passed.
    expect(await keys.authenticate(key)).toBeUndefined();
  });

  it('never remembers a key that did not verify, and checks every time with a zero window', async () => {
    const { id, key } = await newKey();
    const keys = new VerifiedKeys(iso.db, 60_000);
    const wrong = `${key.slice(0, 12)}${'A'.repeat(32)}`;
    expect(await keys.authenticate(wrong)).toBeUndefined();
    expect(await keys.authenticate(key)).toMatchObject({ keyId: id });
    expect(await keys.authenticate(wrong)).toBeUndefined();
    const uncached = new VerifiedKeys(iso.db, 0);
    expect(await uncached.authenticate(key)).toMatchObject({ keyId: id });
    await revokeApiKey(iso.db, id, 'test');
    expect(await uncached.authenticate(key)).toBeUndefined();
  });
});
