/**
 * A linear, streaming byte scan of a JSON body, run while the body is read and before JSON.parse:
 * it tracks nesting depth outside strings (a 15 MiB body of `[` used to hold the event loop for
 * seconds in JSON.parse) and notes `\u0000` and surrogate escapes inside strings (text PostgreSQL
 * cannot store), so only bodies that hold one need a closer look.
 */
import { ApiError } from './errors.ts';

/** Deepest nesting of arrays and objects a request body may have; real bodies nest 3 or 4 levels. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const U = 0x75;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

const hexValue = (b: number) =>
  b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : b >= 0x41 && b <= 0x46 ? b - 0x37 : -1;

export class JsonScan {
  /** Bytes seen so far. */
  offset = 0;
  depth = 0;
  /** A `\u0000` escape was seen inside a string. */
  sawNul = false;
  /** A `\uD800`–`\uDFFF` escape was seen (possibly half of a valid pair; a parse tells). */
  sawSurrogate = false;
  #inString = false;
  #escape = false;
  #hexLeft = 0;
  #hex = 0;

  constructor(private readonly maxDepth = MAX_JSON_DEPTH) {}

  /** Feeds the next chunk; returns the body offset at which nesting passed the limit, or -1. */
  push(chunk: Uint8Array): number {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.#inString) {
        if (this.#hexLeft > 0) {
          this.#hex = this.#hex * 16 + Math.max(0, hexValue(b));
          if (--this.#hexLeft === 0) {
            if (this.#hex === 0) this.sawNul = true;
            else if (this.#hex >= 0xd800 && this.#hex <= 0xdfff) this.sawSurrogate = true;
          }
        } else if (this.#escape) {
          this.#escape = false;
          if (b === U) {
            this.#hexLeft = 4;
            this.#hex = 0;
          }
        } else if (b === BACKSLASH) this.#escape = true;
        else if (b === QUOTE) this.#inString = false;
      } else if (b === QUOTE) this.#inString = true;
      else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
        if (++this.depth > this.maxDepth) return this.offset + i;
      } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) this.depth = Math.max(0, this.depth - 1);
    }
    this.offset += chunk.length;
    return -1;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a request body to the end, scanning it as it arrives; at the first byte nested deeper than
 * MAX_JSON_DEPTH it stops reading and throws a 400, before anything parses the body.
 */
export async function readScanned(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; scan: JsonScan }> {
  const scan = new JsonScan();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (let n = 1; ; n++) {
    const { done, value } = await reader.read();
    if (done) break;
    // Buffered chunks resolve as microtasks, which would starve other requests; let them in.
    if (n % 8 === 0) await yieldToEventLoop();
    const at = scan.push(value);
    if (at >= 0) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(
        400,
        'bad_request',
        `request body nests deeper than ${MAX_JSON_DEPTH} arrays/objects (at byte ${at}); the limit is ${MAX_JSON_DEPTH}`,
        [{ in: 'body', field: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
      );
    }
    chunks.push(value);
    size += value.length;
  }
  return { bytes: Buffer.concat(chunks, size), scan };
}
