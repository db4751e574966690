import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (the OS picks it; a server that needs a number, not 0, takes it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
