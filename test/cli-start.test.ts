/**
 * Start-up failures a new user can fix say so in one line: a taken port names itself and the
 * variable to set, exit 1, no stack trace, and nothing left running.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../core/free-port.ts';
import { processesUsing, runCli } from './cli.ts';
import { isolate, type Isolated } from './isolation.ts';

describe('tidewatch api on a port in use', () => {
  let iso: Isolated;
  let squatter: Server;
  let port: number;
  beforeAll(async () => {
    iso = await isolate();
    port = await freePort();
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((r) => squatter.close(r));
    await iso.cleanup();
  });

  const services = () => ({ DATABASE_URL: iso.databaseUrl, REDIS_URL: iso.config.redisUrl, QUEUE_PREFIX: iso.config.queuePrefix });

  it('says which port and what to set, and exits 1', async () => {
    const res = await runCli(['api'], { ...services(), API_PORT: String(port) }, { timeoutMs: 60_000 });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(`tidewatch: port ${port} is in use; set API_PORT`);
  });

  it('honours PORT when API_PORT is unset', async () => {
    const res = await runCli(['api'], { ...services(), PORT: String(port) }, { timeoutMs: 60_000 });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`port ${port} is in use`);
  });

  it('stops the embedded database and the private Redis it started when the demo cannot listen', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tw-start-'));
    try {
      await chmod(dir, 0o755); // as root the embedded server runs as `postgres`, which must reach it
      const res = await runCli(
        ['demo', '--once', '--file', 'no-such-file.jsonl'],
        { DATA_DIR: dir, API_PORT: String(port) },
        { timeoutMs: 120_000 },
      );
      expect(res.code).toBe(1);
      expect(res.stderr.trim()).toBe(`tidewatch: port ${port} is in use; set API_PORT`);
      const redisPort = /private redis-server at redis:\/\/127\.0\.0\.1:(\d+)/.exec(res.stdout)![1]!;
      expect(await processesUsing(dir)).toEqual([]);
      expect(await processesUsing(`127.0.0.1:${redisPort}`)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
