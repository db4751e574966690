/**
 * `GET /v1/sessions` and `DELETE /v1/sessions/{id}`: admins see who is signed in to the pages and
 * can end a session at once (a stolen cookie, a person who left). Sessions are named by their
 * non-secret id; the cookie's token is never stored or shown (api/auth/sessions.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import { endSessionById, listSessions } from '../auth/sessions.ts';
import { API_ROLES } from '../auth/keys.ts';
import { principalOf, secured } from '../auth/require-role.ts';
import { notFound } from '../errors.ts';
import { errors, router, z } from '../openapi.ts';

const instant = z.string().openapi({ format: 'date-time' });

const SessionView = z
  .object({
    id: z.uuid(),
    keyId: z.string().openapi({ description: 'The API key the session was opened with.' }),
    keyName: z.string(),
    role: z.enum(API_ROLES),
    createdAt: instant,
    lastSeenAt: instant.openapi({ description: 'Updated at most once a minute.' }),
    expiresAt: instant,
  })
  .openapi('Session');

const SessionIdParam = z.object({
  id: z
    .uuid({ error: 'must be a session id (UUID) from GET /v1/sessions' })
    .openapi({ param: { name: 'id', in: 'path' }, example: '019af3c2-6a2b-7c41-9d1e-2f0c4b8a7d10' }),
});

const list = createRoute({
  method: 'get',
  path: '/v1/sessions',
  tags: ['operations'],
  summary: 'Live browser sessions',
  description: 'Sessions on the pages that have not expired and whose key is not revoked, newest first.',
  ...secured('admin'),
  responses: {
    200: {
      description: 'The live sessions',
      content: { 'application/json': { schema: z.object({ sessions: z.array(SessionView) }).openapi('SessionList') } },
    },
    ...errors(401, 403, 429),
  },
});

const end = createRoute({
  method: 'delete',
  path: '/v1/sessions/{id}',
  tags: ['operations'],
  summary: 'End a browser session',
  description: 'Deletes the session: its cookie stops working on the next request. Recorded in the audit trail.',
  ...secured('admin'),
  request: { params: SessionIdParam },
  responses: {
    204: { description: 'Ended' },
    ...errors(400, 401, 403, 404, 429),
  },
});

export function sessionRoutes() {
  const app = router();
  app.openapi(list, async (c) => {
    const sessions = await listSessions(c.var.ctx.db);
    return c.json(
      {
        sessions: sessions.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
        })),
      },
      200,
    );
  });
  app.openapi(end, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await endSessionById(c.var.ctx.db, id, principalOf(c).keyId))) throw notFound(`no session ${id}`);
    return c.body(null, 204);
  });
  return app;
}
