import { createRoute } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { secured } from './auth/require-role.ts';
import { router, withCommonResponses, z } from './openapi.ts';

/** A new route group gets the shared middleware's answers documented without listing them itself. */
describe('router() documents the common responses of every route it registers', () => {
  const app = router();
  const body = z.object({ note: z.string() });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/example/{id}',
      ...secured('admin'),
      request: { params: z.object({ id: z.string() }), body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.body(null, 200),
  );
  app.openAPIRegistry.registerPath({ method: 'get', path: '/v1/public', responses: { 200: { description: 'ok' } } });
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });

  it('adds 400, 401, 403, 413, 415 and 429 to a keyed route with a path parameter and a JSON body', () => {
    const op = doc.paths!['/v1/example/{id}']!.post!;
    expect(Object.keys(op.responses!).sort()).toEqual(['200', '400', '401', '403', '413', '415', '429']);
    expect(op.operationId).toBe('postV1ExampleById');
    expect(op.security).toEqual([{ bearerAuth: [] }]);
  });

  it('marks a route without security as public and still documents its 400 (NUL in any parameter) and 429', () => {
    const op = doc.paths!['/v1/public']!.get!;
    expect(Object.keys(op.responses!).sort()).toEqual(['200', '400', '429']);
    expect(op.security).toEqual([]);
    expect(Object.keys((op.responses!['429'] as { headers: object }).headers)).toContain('Retry-After');
  });

  it('keeps what a route lists itself', () => {
    const own = { description: 'mine', content: {} };
    const route = withCommonResponses({ method: 'get', path: '/x', responses: { 200: { description: 'ok' }, 403: own } });
    expect(route.responses[403]).toBe(own);
  });
});
