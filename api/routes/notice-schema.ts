/**
 * `GET /v1/schemas/notice/v1.json`: the JSON Schema every referral notice names in `$schema`, so
 * the URL a platform finds in a notice answers. Public, like the notice format itself; `$id` is
 * set to the URL the notices name (PUBLIC_URL), so a validator resolves references the same way.
 */
import { readFileSync } from 'node:fs';
import { createRoute } from '@hono/zod-openapi';
import { NOTICE_SCHEMA_PATH, noticeSchemaUrl } from '../../referrals/notice.ts';
import { router, z } from '../openapi.ts';

const schemaText = readFileSync(new URL('../../referrals/notice.schema.json', import.meta.url), 'utf8');

const route = createRoute({
  method: 'get',
  path: NOTICE_SCHEMA_PATH,
  tags: ['platform'],
  summary: 'The referral notice’s JSON Schema',
  description: 'JSON Schema 2020-12 of the notice Tidewatch sends (webhook body, export bundles). Public: no key needed.',
  responses: {
    200: {
      description: 'The schema',
      content: { 'application/schema+json': { schema: z.record(z.string(), z.unknown()).openapi('NoticeJsonSchema') } },
    },
  },
});

export function noticeSchemaRoutes() {
  const app = router();
  // Documented through the registry; answered as `application/schema+json` text, not via c.json.
  app.openAPIRegistry.registerPath(route);
  app.get(NOTICE_SCHEMA_PATH, (c) => {
    const schema = { ...(JSON.parse(schemaText) as Record<string, unknown>), $id: noticeSchemaUrl(c.var.ctx.config.notice.publicUrl) };
    c.header('cache-control', 'public, max-age=3600');
    return c.body(JSON.stringify(schema, null, 2), 200, { 'content-type': 'application/schema+json' });
  });
  return app;
}
