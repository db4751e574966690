/**
 * Model versions for registry tests without training (minutes of CPU): the shipped model's
 * weights with its meta.json altered, re-versioned by content hash as a trained model would be.
 */
import type { ModelMeta } from '../detector/model/meta.ts';
import { contentVersion, readArtifacts, resolveVersion, stableJson, type ModelArtifacts } from '../detector/model/storage.ts';

export const SHIPPED = resolveVersion();

/** The shipped model with `change` applied to its meta (e.g. other thresholds): a new version. */
export function shippedVariant(change: (meta: Omit<ModelMeta, 'version'>) => void): ModelArtifacts & { version: string } {
  const base = readArtifacts(SHIPPED);
  const { version: _old, ...meta } = JSON.parse(base.metaJson) as ModelMeta;
  change(meta);
  const version = contentVersion(base.weights, meta);
  return { ...base, metaJson: stableJson({ version, ...meta }), version };
}

/** Scores like the shipped model, under another version (its training record differs). */
export const sameScoresVariant = (tag: number) => shippedVariant((m) => void (m.training.extraPosts += tag));

/** Reviews almost nothing: refer-or-review recall collapses. */
export const worseVariant = () => shippedVariant((m) => void (m.thresholds = { refer: 0.999999, review: 0.999999 }));
