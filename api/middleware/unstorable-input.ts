/**
 * Refuses input PostgreSQL cannot store before any route sees it: a NUL character (U+0000, which
 * neither text nor jsonb accepts) or a lone surrogate, in a query or path parameter, a cookie, a
 * form field or a JSON body field. Each refusal is a 400 in the API's one error style naming the
 * parameter or field (`query actor: must not contain …`). Bodies are also checked for nesting
 * depth while they are read, so a deeply nested body is refused before JSON.parse meets it.
 *
 * `POST /v1/posts` reads its body itself, after authentication (api/read-json.ts: the same depth
 * scan, up to 16 MiB), and checks its records' text per record (core/post-input.ts), so one bad
 * post is listed while the rest of the batch is accepted.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import type { ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { readScanned } from '../json-scan.ts';

export const NUL_PROBLEM = 'must not contain a NUL character (U+0000, %00); PostgreSQL cannot store it';
const SURROGATE_PROBLEM = 'is not valid Unicode (lone surrogate)';

const problemOf = (s: string) => (s.includes('\u0000') ? NUL_PROBLEM : s.isWellFormed() ? undefined : SURROGATE_PROBLEM);

function refuse(where: string, field: string, message: string): never {
  throw new ApiError(400, 'bad_request', `${where} ${field}: ${message}`, [{ in: where, field, message }]);
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The route parameter at path segment `index` (`id` of `/v1/review/items/:id`), if a matched route names one. */
function paramNameAt(c: Context, index: number, segments: number): string | undefined {
  for (const { path } of matchedRoutes(c).toReversed()) {
    const parts = path.split('/');
    if (parts.length !== segments) continue;
    const m = /^:([A-Za-z0-9_]+)/.exec(parts[index] ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Query parameters (names and values), path segments and cookies. */
export function refuseUnstorableUrl(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    for (const [name, value] of url.searchParams) {
      const problem = problemOf(name) ?? problemOf(value);
      if (problem) refuse('query', name.replaceAll('\u0000', '\\u0000'), problem);
    }
    const segments = url.pathname.split('/');
    segments.forEach((raw, i) => {
      const problem = raw.includes('%') ? problemOf(decode(raw)) : undefined;
      if (problem) refuse('path', paramNameAt(c, i, segments.length) ?? `segment ${i}`, problem);
    });
    if (c.req.header('cookie')) {
      for (const [name, value] of Object.entries(getCookie(c))) {
        const problem = problemOf(value);
        if (problem) refuse('cookie', name, problem);
      }
    }
    await next();
  };
}

/** The first string (key or value) in a parsed JSON body that PostgreSQL cannot store, with its path. */
function findUnstorable(value: unknown, path: string[] = []): { field: string; message: string } | undefined {
  const at = () => path.join('.') || '(body)';
  if (typeof value === 'string') {
    const message = problemOf(value);
    return message ? { field: at(), message } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const keyProblem = problemOf(k);
    if (keyProblem) return { field: [...path, k.replaceAll('\u0000', '\\u0000')].join('.'), message: `(a key) ${keyProblem}` };
    const found = findUnstorable(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * Reads each request body once, as it streams in: JSON (anything not a form) is scanned for
 * nesting depth and refused with a 400 at the first byte past MAX_JSON_DEPTH, without reading on;
 * forms and JSON fields are checked for unstorable text. Runs after the body size limit (at most
 * 1 MiB here), which counts the bytes as they arrive. The body is then handed on unchanged.
 */
export function screenBody(opts: { readByRoute: (path: string) => boolean }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const stream = c.req.raw.body;
    if (!stream || opts.readByRoute(c.req.path)) return next();
    if (FORM.test(c.req.header('content-type') ?? '')) {
      // Parsed from a copy, so the route still reads the body as it arrived; a body that does not
      // parse as the form it claims to be is left to the route to refuse in its own words.
      const bytes = Buffer.from(await c.req.raw.arrayBuffer());
      c.req.raw = new Request(c.req.raw, { body: bytes });
      const form = await new Request(c.req.url, { method: 'POST', headers: c.req.raw.headers, body: bytes })
        .formData()
        .catch(() => undefined);
      for (const [name, value] of form ?? []) {
        const problem = typeof value === 'string' ? problemOf(value) : undefined;
        if (problem) refuse('form', name, problem);
      }
      return next();
    }
    const { bytes, scan } = await readScanned(stream);
    c.req.raw = new Request(c.req.raw, { body: bytes });
    if (scan.sawNul || scan.sawSurrogate) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        parsed = undefined; // not JSON: the route reports that in its own words
      }
      const found = findUnstorable(parsed);
      if (found) refuse('body', found.field, found.message);
    }
    await next();
  };
}
