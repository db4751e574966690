/** The labelled multilingual corpus (samples/corpus: train, validation, test), read once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.ts';

export interface CorpusRow {
  text: string;
  lang: string;
}

let corpus: CorpusRow[] | undefined;
export function corpusRows(): CorpusRow[] {
  corpus ??= ['train', 'validation', 'test'].flatMap((s) =>
    readFileSync(path.join(ROOT, 'samples/corpus', `${s}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CorpusRow),
  );
  return corpus;
}
