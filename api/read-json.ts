import type { Context } from 'hono';
import { badRequest } from './errors.ts';
import { readScanned } from './json-scan.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body strictly: nesting deeper than MAX_JSON_DEPTH is refused while the body streams
 * in (a 15 MiB body of `[` held JSON.parse, and the whole API, for seconds), bytes that are not
 * UTF-8 are refused rather than silently replaced with U+FFFD, and a syntax error names its position.
 */
export async function readJson(c: Context): Promise<unknown> {
  // The stream as it arrives, unless some middleware has read the body already (then its cached copy).
  const stream = c.req.raw.bodyUsed ? new Blob([await c.req.arrayBuffer()]).stream() : c.req.raw.body;
  const bytes = stream ? (await readScanned(stream)).bytes : new Uint8Array(0);
  if (!bytes.length) throw badRequest('request body is empty; send a JSON post or { "posts": [...] }');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badRequest('request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`request body is not valid JSON: ${(err as Error).message}`);
  }
}
