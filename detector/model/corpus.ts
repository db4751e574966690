/**
 * Reads the labelled corpus — the composed posts (samples/corpus/{train,validation,test}.jsonl) and
 * the individually written ones (samples/corpus/written/*.jsonl, split by a hash of their id) — and
 * reviewer-decision files, and fingerprints what a model was trained on.
 *
 * Only `text`, `label`, `lang`, `ambiguous` and the evaluation slices (`obfuscated`, `kind`, `category`) are
 * read: ids and platforms are corpus artefacts, and a model that learnt them would not generalise.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LabelledPost {
  text: string;
  label: 0 | 1;
  lang: string | null;
  obfuscated: boolean;
  kind: string | null;
  category: string | null;
  id: string | null;
  /** A genuinely ambiguous post (label = best guess): trained towards the review band, see trainingTarget. */
  ambiguous: boolean;
  /** Written in Latin letters for a language usually written in Arabic script (fa, ar, ckb, ps). */
  romanised: boolean;
}

/**
 * Soft training targets for ambiguous posts: a short "boat to the UK" or "papers for Europe,
 * serious only" should reach a human (review), not be referred or dismissed with confidence.
 * A hard 0/1 label would teach the model certainty the text does not carry.
 */
export const AMBIGUOUS_TARGET: Readonly<Record<0 | 1, number>> = { 0: 0.3, 1: 0.45 };

export function trainingTarget(p: Pick<LabelledPost, 'label' | 'ambiguous'>): number {
  return p.ambiguous ? AMBIGUOUS_TARGET[p.label] : p.label;
}

export type Split = 'train' | 'validation' | 'test';

export const CORPUS_DIR = fileURLToPath(new URL('../../samples/corpus/', import.meta.url));

export function splitPath(split: Split): string {
  return `${CORPUS_DIR}${split}.jsonl`;
}

/**
 * Parses labelled JSONL. Lines without usable `text` or a 0/1 `label` are errors: a silently
 * dropped reviewer decision would be a silent change to the training set.
 */
export function parseLabelled(content: string, source: string): LabelledPost[] {
  const out: LabelledPost[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${source}:${i + 1}: invalid JSON`);
    }
    const label = row.label === true ? 1 : row.label === false ? 0 : row.label;
    if (typeof row.text !== 'string' || row.text.trim() === '') throw new Error(`${source}:${i + 1}: field "text" missing or empty`);
    if (label !== 0 && label !== 1) throw new Error(`${source}:${i + 1}: field "label" must be 0 or 1`);
    out.push({
      text: row.text,
      label,
      lang: typeof row.lang === 'string' && row.lang !== '' ? row.lang : null,
      obfuscated: row.obfuscated === true,
      kind: typeof row.kind === 'string' ? row.kind : null,
      category: typeof row.category === 'string' ? row.category : null,
      id: typeof row.id === 'string' ? row.id : null,
      ambiguous: row.ambiguous === true,
      romanised: row.romanised === true,
    });
  });
  return out;
}

export function readLabelled(path: string): LabelledPost[] {
  return parseLabelled(readFileSync(path, 'utf8'), path);
}

export const WRITTEN_DIR = `${CORPUS_DIR}written/`;

/** The individually written corpus files, in name order. */
export function writtenPaths(dir = WRITTEN_DIR): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((n) => `${dir}${n}`);
}

/**
 * A written post's split, 70/15/15 from a hash of its id: stable when files are added, so a
 * post never moves from test to train between two trainings.
 */
export function writtenSplit(id: string): Split {
  const bucket = createHash('sha256').update(id).digest().readUInt32BE(0) % 100;
  return bucket < 70 ? 'train' : bucket < 85 ? 'validation' : 'test';
}

/** An individually written post (ids `tw<n>-…`, written/*.jsonl), as opposed to a composed one. */
export const isWritten = (p: Pick<LabelledPost, 'id'>): boolean => p.id !== null && /^tw\d+-/.test(p.id);

/** Every file a split is read from (for hashing what a model was trained or calibrated on). */
export function splitPaths(split: Split): string[] {
  return [splitPath(split), ...writtenPaths()];
}

export interface SplitOptions {
  /** Include the written posts (default true); false gives the composed posts only. */
  written?: boolean;
}

export function readSplit(split: Split, opts: SplitOptions = {}): LabelledPost[] {
  const composed = readLabelled(splitPath(split));
  if (opts.written === false) return composed;
  const written = writtenPaths()
    .flatMap((f) => readLabelled(f))
    .filter((p) => {
      if (p.id === null) throw new Error(`written corpus: a post without an id cannot be assigned a split`);
      return writtenSplit(p.id) === split;
    });
  return [...composed, ...written];
}

/** SHA-256 over the given files' bytes, in order: ties a model version to its exact training data. */
export function hashFiles(paths: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of paths) {
    h.update(readFileSync(p));
    h.update('\0');
  }
  return h.digest('hex');
}
