/**
 * `tidewatch classify`: scores JSONL posts with the trained detector, no Redis or database.
 *
 * Contract (kept stable for scripts): input lines `{id, text, platform?, url?, lang?}` from a file
 * or stdin; output one line per valid post `{id, score, decision, lang, langTag, category, signals}`, each
 * signal `{type, value, start, end}` plus `gloss` (English) for a lexicon cue whose entry has one;
 * `lang` is the base language (one of the ten), `langTag` adds the script when unusual ("fa-Latn").
 * A bad line is reported on stderr with its line number and field and skipped; the others still
 * go through, and the exit code is 1 if any line failed.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { InvalidInputError, validateText } from '../../detector/errors.ts';
import { loadDetector, type DetectorInput } from '../../detector/index.ts';

const BATCH = 500;

/** Parses one input line into a detector input, or a `field: reason` message. */
export function parseLine(line: string): DetectorInput | { field: string; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return { field: '(line)', message: `invalid JSON (${(err as Error).message})` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { field: '(line)', message: 'expected a JSON object' };
  const r = raw as Record<string, unknown>;
  const id = typeof r.id === 'number' && Number.isFinite(r.id) ? String(r.id) : r.id;
  if (typeof id !== 'string' || id.trim() === '') return { field: 'id', message: 'is missing or empty' };
  try {
    validateText(r.text, id);
  } catch (err) {
    if (err instanceof InvalidInputError) return { field: err.field, message: err.reason };
    throw err;
  }
  if (r.lang !== undefined && r.lang !== null && typeof r.lang !== 'string') return { field: 'lang', message: 'must be a string' };
  return {
    id,
    text: r.text as string,
    lang: (r.lang as string | null | undefined) ?? null,
    platform: typeof r.platform === 'string' ? r.platform : null,
  };
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export function classifyCommand() {
  return new Command('classify')
    .description('score JSONL posts ({id, text, platform?, url?, lang?}) with the detector; one JSON line per post')
    .option('--input <file>', 'JSONL input (default: stdin)')
    .option('--output <file>', 'JSONL output (default: stdout)')
    .action(async (opts: { input?: string; output?: string }) => {
      const detector = await loadDetector(loadConfig().modelVersion);
      const input = opts.input ? createReadStream(opts.input, 'utf8') : process.stdin;
      const out: Writable = opts.output ? createWriteStream(opts.output, 'utf8') : process.stdout;
      let failed = 0;
      let batch: DetectorInput[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const results = detector.classify(batch);
        batch = [];
        let text = '';
        for (const r of results) {
          text +=
            JSON.stringify({
              id: r.id,
              score: r.score,
              decision: r.decision,
              lang: r.lang,
              langTag: r.langTag,
              category: r.category,
              signals: r.signals.map((s) => ({
                type: s.type,
                value: s.value,
                start: s.start,
                end: s.end,
                gloss: s.gloss,
                ...(s.valid === false ? { valid: false } : {}),
              })),
            }) + '\n';
        }
        await write(out, text);
      };
      let lineNo = 0;
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        lineNo++;
        if (line.trim() === '') continue;
        const parsed = parseLine(line);
        if ('field' in parsed) {
          failed++;
          process.stderr.write(`tidewatch classify: line ${lineNo}, field ${parsed.field}: ${parsed.message}\n`);
          continue;
        }
        batch.push(parsed);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
      }
      if (failed > 0) {
        process.stderr.write(`tidewatch classify: ${failed} line(s) rejected\n`);
        process.exitCode = 1;
      }
    });
}
