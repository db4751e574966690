import type { PrismaClient } from './db/client.ts';

/**
 * Platform name → id, cached. Platforms change rarely (an operator adds one), so a miss triggers
 * one reload instead of a query per post.
 */
export class PlatformDirectory {
  #byName = new Map<string, number>();
  #loaded: Promise<void> | undefined;

  constructor(private readonly db: PrismaClient) {}

  async #load(): Promise<void> {
    const rows = await this.db.platform.findMany({ select: { id: true, name: true } });
    this.#byName = new Map(rows.map((r) => [r.name, r.id]));
  }

  /**
   * Loads (again). A failed load is forgotten, so the next call retries: cached, a database
   * outage at the first lookup would fail every later ingest job and API request of the process.
   */
  #reload(): Promise<void> {
    const loading = this.#load().catch((err: unknown) => {
      if (this.#loaded === loading) this.#loaded = undefined;
      throw err;
    });
    this.#loaded = loading;
    return loading;
  }

  async names(): Promise<ReadonlySet<string>> {
    await (this.#loaded ?? this.#reload());
    return new Set(this.#byName.keys());
  }

  /** The id for a name, reloading once on a miss; undefined for an unknown platform. */
  async idOf(name: string): Promise<number | undefined> {
    await (this.#loaded ?? this.#reload());
    if (!this.#byName.has(name)) await this.#reload();
    return this.#byName.get(name);
  }
}
