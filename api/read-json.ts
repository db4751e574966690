import type { Context } from 'hono';
import { badRequest } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body strictly: bytes that are not UTF-8 are refused rather than silently replaced
 * with U+FFFD, and a syntax error names its position.
 */
export async function readJson(c: Context): Promise<unknown> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
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
