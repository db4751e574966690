import type { Config } from '../core/config.ts';
import type { PoolDb } from '../core/db/index.ts';
import type { Logger } from '../core/logger.ts';
import type { PlatformDirectory } from '../core/platform-directory.ts';
import type { Detector } from '../detector/detector.ts';
import type { Queues } from '../core/jobs.ts';

/** Everything a stage handler may use; built once per process. */
export interface PipelineContext {
  config: Config;
  db: PoolDb;
  queues: Queues;
  log: Logger;
  platforms: PlatformDirectory;
  /** Loaded lazily: only processes that run `classify` pay for the model. */
  detector: () => Promise<Detector>;
  /** A candidate running in shadow beside the live model (model-registry/shadow.ts), if any. */
  shadowDetector?: () => Detector | undefined;
}
