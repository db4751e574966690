/**
 * The directory caches platforms; a load that failed (database unreachable) must not be cached,
 * or the process would fail every ingest job and API request until restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CuttableProxy } from '../test/faults/tcp-proxy.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { createDb, type PrismaClient } from './db/client.ts';
import { PlatformDirectory } from './platform-directory.ts';

describe('PlatformDirectory', () => {
  let iso: Isolated;
  let proxy: CuttableProxy;
  let db: PrismaClient;
  beforeAll(async () => {
    iso = await isolate();
    const u = new URL(iso.databaseUrl);
    proxy = await CuttableProxy.start({ host: u.hostname, port: Number(u.port || 5432) });
    db = createDb(proxy.urlFor(iso.databaseUrl), 2);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await proxy?.close();
    await iso?.cleanup();
  });

  it('retries after a failed first load instead of caching the failure', async () => {
    const dir = new PlatformDirectory(db);
    proxy.cut();
    await expect(dir.names()).rejects.toThrow();
    await expect(dir.idOf('tiktok')).rejects.toThrow();
    proxy.restore();
    expect(await dir.names()).toContain('tiktok');
    const tiktok = await iso.db.platform.findUniqueOrThrow({ where: { name: 'tiktok' } });
    expect(await dir.idOf('tiktok')).toBe(tiktok.id);
  });

  it('finds a platform added after the first load, and says undefined for an unknown one', async () => {
    const dir = new PlatformDirectory(db);
    expect(await dir.names()).not.toContain('mastodon');
    const added = await iso.db.platform.create({ data: { name: 'mastodon', displayName: 'Mastodon' } });
    expect(await dir.idOf('mastodon')).toBe(added.id);
    expect(await dir.idOf('myspace')).toBeUndefined();
  });
});
