/**
 * The detector a classify worker runs, kept in step with the model registry's live version
 * without a restart. Every `pollMs` (MODEL_POLL_MS) one indexed read asks which version is live;
 * a new one is loaded (and its artifacts verified) in the background while jobs go on with the
 * old, then swapped in by one assignment. A job takes the detector once, when it starts
 * (workers/classify.ts), so it finishes with the model it started with and every Classification
 * names the version that scored it. TIDEWATCH_MODEL pins a version: no polling then.
 */
import type { Config } from '../core/config.ts';
import type { PoolDb } from '../core/db/index.ts';
import type { Logger } from '../core/logger.ts';
import type { Detector } from '../detector/detector.ts';
import { createTrainedDetector } from '../detector/model/trained-detector.ts';
import { shadowVersion } from '../model-registry/shadow.ts';
import { liveVersion, loadRegisteredModel } from '../model-registry/store.ts';

export class LiveDetector {
  #current: Promise<Detector> | undefined;
  /** A candidate run beside live (`model shadow`, model-registry/shadow.ts), if any. */
  #shadow: Detector | undefined;
  #loading: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    private readonly db: PoolDb,
    private readonly config: Pick<Config, 'modelVersion' | 'modelRegistry'>,
    private readonly log: Logger,
  ) {}

  /** The detector to use for one job. The first call loads the live (or pinned) version and starts following promotions. */
  get(): Promise<Detector> {
    this.#current ??= this.#first().catch((err: unknown) => {
      this.#current = undefined; // a failed first load (database away) is retried by the next job
      throw err;
    });
    return this.#current;
  }

  async #first(): Promise<Detector> {
    const pinned = this.config.modelVersion?.replace(/^detector-/, '');
    if (pinned) {
      this.log.info({ model: pinned }, 'detector pinned by TIDEWATCH_MODEL: this process does not follow promotions');
      return this.#load(pinned);
    }
    const { version, bootstrap } = await liveVersion(this.db);
    const detector = await this.#load(version);
    this.log.info(
      {
        model: version,
        source: bootstrap ? 'models/current.json (registry has no live model)' : 'model registry',
        pollMs: this.config.modelRegistry.pollMs,
      },
      'detector loaded',
    );
    await this.#syncShadow().catch((err: Error) => this.log.warn({ err: err.message }, 'could not load the shadow model'));
    this.#schedule();
    return detector;
  }

  /** The shadow candidate to score a committed batch with too, if one is running (not when pinned). */
  shadow(): Detector | undefined {
    return this.#shadow;
  }

  async #syncShadow(): Promise<void> {
    const version = await shadowVersion(this.db);
    if (version === (this.#shadow?.version ?? null)) return;
    if (version === null) {
      this.log.info({ model: this.#shadow?.version }, 'shadow model stopped');
      this.#shadow = undefined;
      return;
    }
    this.#shadow = await this.#load(version);
    this.log.info({ model: version }, 'shadow model loaded: scoring posts beside the live model');
  }

  async #load(version: string): Promise<Detector> {
    return createTrainedDetector(await loadRegisteredModel(this.db, version));
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.check().finally(() => this.#schedule()), this.config.modelRegistry.pollMs);
    this.#timer.unref();
  }

  /** One poll: loads and swaps in the live version (and the shadow) if they changed. Errors keep the current ones. */
  async check(): Promise<void> {
    if (this.#current === undefined || this.#loading !== undefined || this.config.modelVersion) return;
    await this.#swapLive(this.#current);
    if (!this.#stopped)
      await this.#syncShadow().catch((err: Error) => this.log.warn({ err: err.message }, 'could not check or load the shadow model'));
  }

  async #swapLive(loaded: Promise<Detector>): Promise<void> {
    try {
      const [{ version }, current] = await Promise.all([liveVersion(this.db), loaded]);
      if (version === current.version || this.#stopped) return;
      this.#loading = version;
      const started = performance.now();
      const next = await this.#load(version);
      if (this.#stopped) return;
      this.#current = Promise.resolve(next);
      this.log.info(
        { from: current.version, to: version, loadMs: Math.round(performance.now() - started) },
        'detector switched to the live model; jobs already running finish with the previous one',
      );
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not check or load the live detector model; keeping the current one');
    } finally {
      this.#loading = undefined;
    }
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }
}
