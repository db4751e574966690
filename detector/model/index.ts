/** Public surface of the trained n-gram + heuristics detector. */
export { createTrainedDetector, scorerFor } from './trained-detector.ts';
export { loadModel, resolveVersion, setCurrentVersion, MODELS_DIR, type StoredModel } from './storage.ts';
export { saveModel } from './save-model.ts';
export type { ModelMeta } from './meta.ts';
export { NgramModel, PostScorer, type PostScore } from './post-scorer.ts';
