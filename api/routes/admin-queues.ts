/**
 * `/admin/queues`: BullMQ's dashboard (bull-board) for admins, behind the same browser session as
 * the review page (sign in at /review/sign-in with an admin key).
 *
 * Its API changes queues (add, retry, clean, pause), so state-changing requests need the same
 * CSRF check as /review (hono/csrf: a form-type body must come from this origin). Its page links
 * Google Fonts; that link is removed so the dashboard loads nothing from another origin (its
 * Content-Security-Policy would refuse it anyway: middleware/security-headers.ts). The page gets
 * our accessibility script and stylesheet in its place (admin-queues-a11y.ts).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { ApiEnv } from '../context.ts';
import { requirePageRole } from '../pages/session.ts';
import type { Queues } from '../../core/jobs.ts';
import { A11Y_SCRIPT, A11Y_SCRIPT_FILE, A11Y_STYLE, A11Y_STYLE_FILE } from './admin-queues-a11y.ts';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** `<link>`s to other origins (bull-board's Google Fonts stylesheet); the UI falls back to system fonts. */
const OUTSIDE_LINK = /<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>\s*/gi;

const A11Y_TAGS =
  `<link href="${ADMIN_QUEUES_PATH}/${A11Y_STYLE_FILE}" rel="stylesheet">` +
  `<script defer src="${ADMIN_QUEUES_PATH}/${A11Y_SCRIPT_FILE}"></script>`;

const localOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || !c.res.headers.get('content-type')?.startsWith('text/html')) return;
  const html = (await c.res.text()).replace(OUTSIDE_LINK, '').replace('</head>', `${A11Y_TAGS}</head>`);
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(html, { status: c.res.status, headers });
};

export function adminQueuesRoutes(queues: Queues) {
  const board = new HonoAdapter(serveStatic).setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({ queues: Object.values(queues).map((q) => new BullMQAdapter(q)), serverAdapter: board });
  const app = new Hono<ApiEnv>();
  for (const path of [ADMIN_QUEUES_PATH, `${ADMIN_QUEUES_PATH}/*`]) app.use(path, csrf(), requirePageRole(['admin']), localOnly);
  // Registered before the board, so these two paths are ours.
  app.get(`${ADMIN_QUEUES_PATH}/${A11Y_SCRIPT_FILE}`, (c) =>
    c.body(A11Y_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get(`${ADMIN_QUEUES_PATH}/${A11Y_STYLE_FILE}`, (c) => c.body(A11Y_STYLE, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.route(ADMIN_QUEUES_PATH, board.registerPlugin());
  return app;
}
