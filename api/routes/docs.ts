/**
 * The API's description: `/openapi.json` (OpenAPI 3.1, generated from the routes' zod schemas)
 * and `/docs` (Swagger UI). Swagger UI's assets are served from the `swagger-ui-dist` package,
 * not a CDN, so the docs work on an offline or locked-down deployment, and the page has no inline
 * script (its Content-Security-Policy allows scripts from this origin only: middleware/security-headers.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../context.ts';
import { notFound } from '../errors.ts';
import { DOCS_CSS } from './docs-contrast.ts';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/**
 * Swagger UI's start-up, served as a file so the page's Content-Security-Policy needs no inline script.
 * Chosen for assistive technology (docs/accessibility.md): BaseLayout, without the standalone top bar
 * and its unlabelled URL field; no deep links, whose links sit inside the operations' toggle buttons;
 * and the servers list, which Swagger UI renders without a name, named here.
 */
const START = `window.ui = SwaggerUIBundle({ url: document.getElementById('swagger-ui').dataset.spec, dom_id: '#swagger-ui', deepLinking: false,
  persistAuthorization: false, presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout' });
new MutationObserver(function () {
  var servers = document.querySelector('select#servers:not([aria-label])');
  if (servers) servers.setAttribute('aria-label', 'Server');
}).observe(document.getElementById('swagger-ui'), { childList: true, subtree: true });
`;

const assetDir = () => path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const cache = new Map<string, Promise<Uint8Array>>();

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Tidewatch API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="stylesheet" href="/docs/assets/tidewatch.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <main id="swagger-ui" data-spec="/openapi.json"></main>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/start.js"></script>
</body>
</html>`;

export const API_INFO = {
  title: 'Tidewatch API',
  version: '1',
  license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  description:
    'Flagged posts in, human review of suspected migrant-smuggling adverts, audit trail. Authenticate with `Authorization: Bearer <key>` ' +
    '(keys come from `npx tidewatch keys create`). Each operation lists the roles it allows in `x-roles`. Errors are `{ "error": { "code", "message", "details" } }`.',
};

const TAGS = [
  { name: 'ingest', description: 'Flagged posts in, from platforms and partners.' },
  { name: 'review', description: 'The human review queue: claims, decisions, reversals.' },
  { name: 'audit', description: 'The append-only trail of who did what.' },
  { name: 'platform', description: 'What platforms were sent, and what they report back.' },
  { name: 'networks', description: 'Posts linked by a shared phone number, handle or contact link.' },
  { name: 'analytics', description: 'Moderation and takedown figures.' },
  { name: 'operations', description: 'Liveness and readiness, for load balancers.' },
];

/** The OpenAPI document of the app whose registry holds every documented route: what `/openapi.json` serves and `npm run lint` checks. */
export function openApiDocument(app: OpenAPIHono<ApiEnv>) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: API_INFO,
    // Relative: the API answers wherever it is deployed, the document included.
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    tags: TAGS,
  });
}

/** Adds /openapi.json and /docs to the app whose registry holds every documented route. */
export function addDocs(app: OpenAPIHono<ApiEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `tw_<id>_<secret>`.',
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (file === 'start.js') return c.body(START, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    if (file === 'tidewatch.css') return c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
    const type = ASSETS[file];
    if (!type) throw notFound(`no docs asset ${file}`);
    if (!cache.has(file))
      cache.set(
        file,
        readFile(path.join(assetDir(), file)).then((b) => new Uint8Array(b)),
      );
    const body = await cache.get(file)!;
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
