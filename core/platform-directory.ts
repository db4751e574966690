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

  async names(): Promise<ReadonlySet<string>> {
    await (this.#loaded ??= this.#load());
    return new Set(this.#byName.keys());
  }

  /** The id for a name, reloading once on a miss; undefined for an unknown platform. */
  async idOf(name: string): Promise<number | undefined> {
    await (this.#loaded ??= this.#load());
    if (!this.#byName.has(name)) {
      this.#loaded = this.#load();
      await this.#loaded;
    }
    return this.#byName.get(name);
  }
}
