/** @jsxImportSource hono/jsx */
/**
 * `/analytics` and `/analytics/export`: the analysts' page, signed in like `/review` (session
 * cookie), validating its filters with the same schema as `GET /v1/stats` and exporting through
 * the same serialiser, so the page, the API and the downloads always agree.
 */
import { Hono } from 'hono';
import { computeStats } from '../../../analytics/stats.ts';
import { exportTable } from '../../../analytics/tables.ts';
import { ROLE_SETS } from '../../auth/require-role.ts';
import type { ApiEnv } from '../../context.ts';
import { ExportQuery, StatsQuery, toStatsFilters } from '../../routes/stats-schemas.ts';
import { pageError } from '../page-error.ts';
import { requirePageRole, whoOf } from '../session.ts';
import { AnalyticsPage, type AnalyticsForm } from './page.tsx';

/** zod issues → "from: must be a date …", naming the field as the API does. */
const firstIssue = (e: { issues: { path: PropertyKey[]; message: string }[] }) => {
  const i = e.issues[0]!;
  return `${i.path.map(String).join('.') || 'query'}: ${i.message}`;
};

export function analyticsPageRoutes() {
  const app = new Hono<ApiEnv>();
  const analysts = requirePageRole(ROLE_SETS.analytics);

  app.get('/analytics', analysts, async (c) => {
    const raw = c.req.query();
    // Empty form fields mean "any".
    const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
    const platforms = [...(await c.var.ctx.platforms.names())].sort();
    const form: AnalyticsForm = { from: '', to: '', bucket: 'day', platform: '', language: '', category: '', ...given };
    const parsed = StatsQuery.safeParse(given);
    if (!parsed.success)
      return c.html(<AnalyticsPage who={whoOf(c)} form={form} platforms={platforms} error={firstIssue(parsed.error)} />, 400);
    try {
      const filters = await toStatsFilters(c, parsed.data);
      const stats = await computeStats(c.var.ctx.db, filters);
      Object.assign(form, { from: stats.range.from, to: stats.range.to, bucket: stats.range.bucket });
      return c.html(<AnalyticsPage who={whoOf(c)} form={form} platforms={platforms} stats={stats} now={new Date()} />);
    } catch (err) {
      const e = pageError(err, 'bad_request');
      return c.html(<AnalyticsPage who={whoOf(c)} form={form} platforms={platforms} error={e.message.replace(/^query /, '')} />, e.status);
    }
  });

  app.get('/analytics/export', analysts, async (c) => {
    const given = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const parsed = ExportQuery.safeParse(given);
    if (!parsed.success) return c.text(firstIssue(parsed.error), 400);
    try {
      const stats = await computeStats(c.var.ctx.db, await toStatsFilters(c, parsed.data));
      const out = exportTable(stats, parsed.data.table, parsed.data.format);
      return c.body(out.body, 200, { 'content-type': out.contentType, 'content-disposition': `attachment; filename="${out.filename}"` });
    } catch (err) {
      const e = pageError(err, 'bad_request');
      return c.text(e.message.replace(/^query /, ''), e.status);
    }
  });
  return app;
}
