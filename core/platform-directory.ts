import type { PoolDb } from './db/index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Platform name → id, cached. Platforms change rarely (an operator adds one, possibly from another
 * process: `tidewatch platforms add`), so a name the cache lacks triggers a reload before it is
 * refused. Reloads after a miss are bounded, so posts naming unknown platforms cannot hammer the
 * database: at most one per `minRefreshMs`, and the misses waiting for it share it.
 */
export class PlatformDirectory {
  #byName = new Map<string, number>();
  #loaded: Promise<void> | undefined;
  #lastLoad = 0;
  #scheduled: Promise<void> | undefined;

  constructor(
    private readonly db: PoolDb,
    private readonly minRefreshMs = 1_000,
  ) {}

  async #load(): Promise<void> {
    this.#lastLoad = Date.now();
    const rows = await this.db.prisma.platform.findMany({ select: { id: true, name: true } });
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

  /**
   * A reload for a miss: one that starts after the miss (so it sees a platform added before the
   * request came in), no sooner than `minRefreshMs` after the previous load; misses arriving
   * before it starts share it.
   */
  #reloadAfterMiss(): Promise<void> {
    this.#scheduled ??= (async () => {
      await sleep(Math.max(0, this.#lastLoad + this.minRefreshMs - Date.now()));
      this.#scheduled = undefined; // misses from now on need a later load than this one
      await this.#reload();
    })();
    return this.#scheduled;
  }

  async names(): Promise<ReadonlySet<string>> {
    await (this.#loaded ?? this.#reload());
    return new Set(this.#byName.keys());
  }

  /** The known names, reloaded first (bounded) if any of `wanted` is not among them. */
  async namesFor(wanted: Iterable<unknown>): Promise<ReadonlySet<string>> {
    await (this.#loaded ?? this.#reload());
    for (const name of wanted) {
      if (typeof name === 'string' && !this.#byName.has(name)) {
        await this.#reloadAfterMiss();
        break;
      }
    }
    return new Set(this.#byName.keys());
  }

  /** The id for a name, reloading (bounded) on a miss; undefined for an unknown platform. */
  async idOf(name: string): Promise<number | undefined> {
    await (this.#loaded ?? this.#reload());
    if (!this.#byName.has(name)) await this.#reloadAfterMiss();
    return this.#byName.get(name);
  }
}

/** The `platform` field of each record (whatever it holds), for {@link PlatformDirectory.namesFor}. */
export const platformsNamed = (records: readonly unknown[]): unknown[] =>
  records.map((r) => (typeof r === 'object' && r !== null ? (r as { platform?: unknown }).platform : undefined));
