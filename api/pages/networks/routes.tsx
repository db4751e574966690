/** @jsxImportSource hono/jsx */
/**
 * `/networks` and `/networks/:id`: the networks of posts sharing a contact point, server-rendered
 * for signed-in reviewers, leads, analysts and admins (same session as `/review`), over the same
 * read functions as `GET /v1/networks`.
 */
import { Hono } from 'hono';
import { ROLE_SETS } from '../../auth/require-role.ts';
import type { ApiEnv } from '../../context.ts';
import { getNetwork, listNetworks } from '../../../networks/read.ts';
import { pageError } from '../page-error.ts';
import { requirePageRole, whoOf } from '../session.ts';
import { ErrorPage } from '../error-page.tsx';
import { NetworkPage, NetworkListPage } from './pages.tsx';

const ALL_NETWORKS = { href: '/networks', label: 'All networks' };

export function networkPageRoutes() {
  const app = new Hono<ApiEnv>();
  const read = requirePageRole(ROLE_SETS.read);

  app.get('/networks', read, async (c) => {
    try {
      const page = await listNetworks(c.var.ctx.db, { cursor: c.req.query('cursor') || undefined, limit: 50 });
      return c.html(<NetworkListPage who={whoOf(c)} {...page} />);
    } catch (err) {
      const e = pageError(err);
      return c.html(<ErrorPage status={e.status} message={e.message} who={whoOf(c)} back={ALL_NETWORKS} />, e.status);
    }
  });
  app.get('/networks/:id', read, async (c) => {
    const network = await getNetwork(c.var.ctx.db, c.req.param('id'));
    if (!network) {
      const message = `No network ${c.req.param('id')}.`;
      return c.html(<ErrorPage status={404} message={message} who={whoOf(c)} back={ALL_NETWORKS} />, 404);
    }
    const lead = (ROLE_SETS.lead as readonly string[]).includes(c.var.principal!.role);
    return c.html(<NetworkPage who={whoOf(c)} network={network} lead={lead} flash={c.req.query('error') ?? c.req.query('done')} />);
  });
  return app;
}
