import { createBaselineDetector } from './baseline.ts';
import type { Detector } from './detector.ts';

export type { Detector } from './detector.ts';
export * from './types.ts';

/** The detector the pipeline runs. */
export async function loadDetector(): Promise<Detector> {
  return createBaselineDetector();
}
