/**
 * The directory caches platforms; a load that failed (database unreachable) must not be cached,
 * or the process would fail every ingest job and API request until restarted. A platform added
 * elsewhere (`tidewatch platforms add` is another process) is known at its first post, and posts
 * naming unknown platforms cannot make it reload more than once per interval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CuttableProxy } from '../test/faults/tcp-proxy.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { createDb, type PoolDb } from './db/index.ts';
import { PlatformDirectory, platformsNamed } from './platform-directory.ts';

describe('PlatformDirectory', () => {
  let iso: Isolated;
  let proxy: CuttableProxy;
  let db: PoolDb;
  beforeAll(async () => {
    iso = await isolate();
    const u = new URL(iso.databaseUrl);
    proxy = await CuttableProxy.start({ host: u.hostname, port: Number(u.port || 5432) });
    db = createDb(proxy.urlFor(iso.databaseUrl), 2);
  });
  afterAll(async () => {
    await db?.close();
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
    const tiktok = await iso.db.prisma.platform.findUniqueOrThrow({ where: { name: 'tiktok' } });
    expect(await dir.idOf('tiktok')).toBe(tiktok.id);
  });

  it('finds a platform added after the first load, and says undefined for an unknown one', async () => {
    const dir = new PlatformDirectory(db);
    expect(await dir.names()).not.toContain('mastodon');
    const added = await iso.db.prisma.platform.create({ data: { name: 'mastodon', displayName: 'Mastodon' } });
    expect(await dir.idOf('mastodon')).toBe(added.id);
    expect(await dir.idOf('myspace')).toBeUndefined();
  });

  it('knows a platform another client added, at the first post that names it', async () => {
    const dir = new PlatformDirectory(db);
    expect(await dir.names()).not.toContain('bluesky');
    await iso.db.prisma.platform.create({ data: { name: 'bluesky', displayName: 'Bluesky' } }); // another connection, as another process
    const records = [{ platform: 'tiktok' }, { platform: 'bluesky' }, 'not a record'];
    expect(await dir.namesFor(platformsNamed(records))).toContain('bluesky');
  });

  it('reloads at most once per interval for misses, which share a reload', async () => {
    const loads: number[] = [];
    const counting = new Proxy(db, {
      get: (target, prop) =>
        prop === 'prisma'
          ? {
              platform: {
                findMany: (args: Parameters<PoolDb['prisma']['platform']['findMany']>[0]) => (
                  loads.push(Date.now()),
                  target.prisma.platform.findMany(args)
                ),
              },
            }
          : Reflect.get(target, prop),
    });
    const interval = 300;
    const dir = new PlatformDirectory(counting, interval);
    await dir.names();
    expect(loads).toHaveLength(1);
    // A burst of misses: one reload for all of them.
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => dir.idOf(`spam${i}`)));
    expect(burst.every((id) => id === undefined)).toBe(true);
    expect(loads).toHaveLength(2);
    // Misses one after another: each reloads, never sooner than the interval after the last load.
    for (let i = 0; i < 3; i++) await dir.namesFor([`spam-more${i}`]);
    expect(loads).toHaveLength(5);
    for (let i = 1; i < loads.length; i++) expect(loads[i]! - loads[i - 1]!).toBeGreaterThanOrEqual(interval - 5);
    // A known name costs nothing.
    await dir.namesFor(['tiktok', 'x']);
    expect(loads).toHaveLength(5);
  });
});
