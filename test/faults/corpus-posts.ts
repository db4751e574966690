/**
 * Writes N posts in the ingest contract, built from the labelled multilingual corpus, as a JSONL
 * file for `tidewatch ingest`. Every post has its own platformPostId; every `dupEvery`-th post
 * re-uploads the previous post's text under a new id, so content de-duplication is exercised too.
 */
import { writeFileSync } from 'node:fs';
import { corpusRows } from '../corpus-rows.ts';

const PLATFORMS = ['facebook', 'instagram', 'tiktok', 'telegram', 'x', 'youtube', 'snapchat'] as const;

export interface CorpusFile {
  file: string;
  posts: number;
  /** Posts whose text repeats an earlier post's: stored with outcome `duplicate`, not classified. */
  reUploads: number;
}

/**
 * @param tag makes ids unique across files of one test (`${tag}-${i}`).
 * @param dupEvery every this-many-th post is a re-upload of the one before (default 20, 0 = none).
 */
export function writeCorpusFile(file: string, n: number, tag: string, dupEvery = 20): CorpusFile {
  const rows = corpusRows();
  const lines: string[] = [];
  let reUploads = 0;
  let previousText = '';
  for (let i = 0; i < n; i++) {
    const r = rows[i % rows.length]!;
    const reUpload = dupEvery > 0 && i % dupEvery === dupEvery - 1;
    // A serial keeps texts distinct, so de-duplication does not short-circuit the classifier.
    const text = reUpload ? previousText : `${r.text} #${tag}-${i}`;
    if (reUpload) reUploads += 1;
    previousText = text;
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    lines.push(
      JSON.stringify({
        platform,
        platformPostId: `${tag}-${i}`,
        url: `https://example.org/${platform}/${tag}-${i}`,
        text,
        // A third without a language hint, so language ID runs as in production.
        ...(i % 3 === 0 ? {} : { lang: r.lang }),
      }),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, posts: n, reUploads };
}
