import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../core/logger.ts';

/** A logger at `level` writing its JSON lines into an array, for tests that read what was logged. */
export function captureLog(level: string): { lines: string[]; log: Logger } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { lines, log: createLogger(level, 'test', sink) };
}
