/**
 * A database that accepts connections but never answers (a hung server, a black-holed route) must
 * fail the query, so the job goes into its retry backoff, instead of hanging the worker forever.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './client.ts';

describe('createDb against a silent server', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let port = 0;
  beforeAll(async () => {
    server = createServer((s) => void sockets.push(s)); // accept, never reply
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up connecting after the connection timeout', async () => {
    const db = createDb(`postgresql://postgres@127.0.0.1:${port}/postgres`, 1);
    const started = Date.now();
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 30 s'), 30_000).unref());
    const outcome = await Promise.race([db.$queryRaw`SELECT 1`.then(() => 'answered', (err: Error) => `failed: ${err.message}`), hung]);
    expect(outcome).toMatch(/^failed: /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    await db.$disconnect().catch(() => undefined);
  });
});
