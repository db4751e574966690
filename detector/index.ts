import type { Detector } from './detector.ts';
import { createTrainedDetector } from './model/trained-detector.ts';
import { loadModel } from './model/storage.ts';

export type { Detector } from './detector.ts';
export * from './types.ts';
export { InvalidInputError, MAX_TEXT_CHARS, validateText } from './errors.ts';

/**
 * The detector the pipeline runs: the trained n-gram + heuristics model named by
 * models/current.json (or pinned with TIDEWATCH_MODEL=<version>), loaded from disk; no network.
 */
export async function loadDetector(version?: string): Promise<Detector> {
  return createTrainedDetector(await loadModel(version?.replace(/^detector-/, '') || undefined));
}
