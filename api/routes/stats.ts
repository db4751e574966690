/**
 * `GET /v1/stats` and `GET /v1/stats/export`: the figures agencies publish (flagged, referred,
 * removed, removal rate, time to removal, per platform, language and category), computed from
 * Tidewatch's own records by `analytics/`. Analysts, leads and admins.
 */
import { createRoute } from '@hono/zod-openapi';
import { computeStats } from '../../analytics/stats.ts';
import { exportTable } from '../../analytics/tables.ts';
import { ROLE_SETS, secured } from '../auth/require-role.ts';
import { errors, router, z } from '../openapi.ts';
import { ExportQuery, StatsBody, StatsQuery, toStatsFilters } from './stats-schemas.ts';

const statsRoute = createRoute({
  method: 'get',
  path: '/v1/stats',
  tags: ['analytics'],
  summary: 'Moderation and takedown figures for a date range',
  description:
    'Counts of posts, accounts and pages flagged, classified, sent to review, confirmed, referred, acknowledged, removed and declined; ' +
    'what became of each confirmation (confirmedReferred, awaitingDelivery, deliveryFailed, notReferable: these four add up to confirmed); removal rate; ' +
    'median and 90th-percentile hours from referral to confirmed removal; automated-referral precision; reviewer throughput and decision mix; ' +
    'a day or week series (buckets clipped to the range, cut weeks marked partial); per platform, language and category. ' +
    'Referral outcomes belong to the day the referral was sent, delivery stages to the day of the confirmation. Dates are UTC; weeks start Monday.',
  ...secured(...ROLE_SETS.analytics),
  request: { query: StatsQuery },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: StatsBody } } },
    ...errors(400, 401, 403),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/v1/stats/export',
  tags: ['analytics'],
  summary: 'One table behind the analytics charts, as CSV or JSON',
  description: 'The same filters as `/v1/stats`; `table` picks the table, whose JSON rows equal the matching array of `/v1/stats`.',
  ...secured(...ROLE_SETS.analytics),
  request: { query: ExportQuery },
  responses: {
    200: {
      description: 'The table (as an attachment)',
      content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } },
    },
    ...errors(400, 401, 403),
  },
});

export function statsRoutes() {
  const app = router();
  app.openapi(statsRoute, async (c) => {
    const stats = await computeStats(c.var.ctx.db, await toStatsFilters(c, c.req.valid('query')));
    return c.json(stats, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const stats = await computeStats(c.var.ctx.db, await toStatsFilters(c, q));
    const out = exportTable(stats, q.table, q.format);
    return c.body(out.body, 200, { 'content-type': out.contentType, 'content-disposition': `attachment; filename="${out.filename}"` });
  });
  return app;
}
