/**
 * `/admin/queues`: BullMQ's dashboard (bull-board) for admins, behind the same browser session as
 * the review page (sign in at /review/sign-in with an admin key).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';
import { requirePageRole } from '../pages/session.ts';
import type { Queues } from '../../workers/queues.ts';

export const ADMIN_QUEUES_PATH = '/admin/queues';

export function adminQueuesRoutes(queues: Queues) {
  const board = new HonoAdapter(serveStatic).setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({ queues: Object.values(queues).map((q) => new BullMQAdapter(q)), serverAdapter: board });
  const app = new Hono<ApiEnv>();
  app.use(`${ADMIN_QUEUES_PATH}/*`, requirePageRole(['admin']));
  app.use(ADMIN_QUEUES_PATH, requirePageRole(['admin']));
  app.route(ADMIN_QUEUES_PATH, board.registerPlugin());
  return app;
}
