/**
 * A TCP proxy that can be cut: `cut()` resets every open connection and resets new ones on
 * arrival (what clients see when a database host goes away or a network partition heals badly);
 * `restore()` lets connections through again. Put between workers and PostgreSQL.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class CuttableProxy {
  /** Connections reset by `cut()` or refused while cut. */
  resets = 0;
  readonly #open = new Set<Socket>();
  #cut = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<CuttableProxy> {
    const server = createServer((client) => {
      if (proxy.#cut) {
        proxy.resets += 1;
        client.resetAndDestroy();
        return;
      }
      const upstream = createConnection(target);
      const pair = [client, upstream];
      const teardown = () => {
        for (const s of pair) {
          proxy.#open.delete(s);
          s.destroy();
        }
      };
      for (const s of pair) {
        proxy.#open.add(s);
        s.on('error', teardown);
        s.on('close', teardown);
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
    const proxy = new CuttableProxy(server, port);
    return proxy;
  }

  /** Resets every connection through the proxy and every new one until `restore()`. */
  cut(): void {
    this.#cut = true;
    for (const s of this.#open) {
      this.resets += 1;
      s.resetAndDestroy();
    }
    this.#open.clear();
  }

  restore(): void {
    this.#cut = false;
  }

  /** `url` (a postgres:// URL) pointed at this proxy instead of its own host and port. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
