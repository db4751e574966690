/** @jsxImportSource hono/jsx */
/**
 * The review item page and its own actions: the page itself (with the author's other posts, the
 * referral's state and the viewer's undo), the evidence screenshot, undo, a lead's reverse, and
 * renew/release of the viewer's claim. The same review domain functions as the API, so the rules
 * and audit events are the same. Every action returns to the item with the queue's filters.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { reviewActor, ROLE_SETS } from '../../auth/require-role.ts';
import type { ApiEnv } from '../../context.ts';
import { benignKeys } from '../../../networks/benign.ts';
import { contactKeys } from '../../../networks/known-contacts.ts';
import { claimItem, releaseItem } from '../../../review/claims.ts';
import { reverseDecision } from '../../../review/decisions.ts';
import { evidenceScreenshot, getItemContext } from '../../../review/item-context.ts';
import { getReviewItem } from '../../../review/review-list.ts';
import { undoDecision } from '../../../review/undo.ts';
import { ErrorPage } from '../error-page.tsx';
import { pageError } from '../page-error.ts';
import { hereOf, requirePageRole, whoOf } from '../session.ts';
import { ItemPage } from './item-page.tsx';
import { PageSettings } from './layout.tsx';
import { filterString, formFilters, readQuery, withQuery } from './queue-query.ts';
import { shortcutsEnabled } from './reviewer-keys.ts';

/** The item page's address with the filters and a flash (`done`) or an error. */
function itemUrl(id: string, filters: string, flash?: { key: 'done' | 'error'; message: string }): string {
  return withQuery(`/review/items/${id}`, filters, flash ? `${flash.key}=${encodeURIComponent(flash.message)}` : '');
}

export function reviewItemRoutes() {
  const app = new Hono<ApiEnv>();
  app.use('/review/*', csrf());
  const read = requirePageRole(ROLE_SETS.read);
  const work = requirePageRole(ROLE_SETS.work);
  const lead = requirePageRole(ROLE_SETS.lead);

  app.get('/review/items/:id', read, async (c) => {
    let item;
    try {
      item = await getReviewItem(c.var.ctx.db, c.req.param('id'));
    } catch (err) {
      const e = pageError(err);
      return c.html(<ErrorPage status={e.status} message={e.message} who={whoOf(c)} />, e.status);
    }
    const me = c.var.principal!.keyId;
    const [benign, ctx, shortcuts] = await Promise.all([
      benignKeys(c.var.ctx.db, contactKeys(item.classification?.signals ?? [], item.post.text)),
      getItemContext(c.var.ctx.db, item, me, c.var.ctx.config.reviewUndoMs),
      shortcutsEnabled(c.var.ctx.db, me),
    ]);
    // The queue's filters came along in the query string; they go on into every form and link back.
    const filters = filterString(readQuery((k) => c.req.query(k)));
    return c.html(
      <PageSettings.Provider value={{ shortcuts, here: hereOf(c) }}>
        <ItemPage
          who={whoOf(c)}
          me={me}
          item={item}
          lead={(ROLE_SETS.lead as readonly string[]).includes(c.var.principal!.role)}
          benign={benign}
          ctx={ctx}
          filters={filters}
          error={c.req.query('error')}
          flash={c.req.query('done')}
        />
      </PageSettings.Provider>,
    );
  });

  // The screenshot captured for the referral's notice; the path comes from the referral row, never from the request.
  app.get('/review/items/:id/evidence/:file', read, async (c) => {
    if (c.req.param('file') !== 'screenshot.png') return c.text('no such evidence file', 404);
    let shot;
    try {
      shot = await evidenceScreenshot(c.var.ctx.db, await getReviewItem(c.var.ctx.db, c.req.param('id')));
    } catch (err) {
      return c.text(pageError(err).message, pageError(err).status);
    }
    const root = resolve(c.var.ctx.config.evidence.dir);
    const path = shot ? resolve(shot.path) : '';
    if (!shot || !path.startsWith(root + sep)) return c.text('no evidence screenshot for this item', 404);
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) return c.text('the evidence file is missing from the evidence folder', 404);
    c.header('cache-control', 'private, no-store');
    c.header('x-content-type-options', 'nosniff');
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'image/png' });
  });

  /** A form action on the item: runs `act`, then returns to the item with its message or the error. */
  const action =
    (act: (c: Context<ApiEnv>, id: string, body: Record<string, unknown>) => Promise<string>) => async (c: Context<ApiEnv>) => {
      const id = c.req.param('id')!;
      const body = await c.req.parseBody();
      const filters = filterString(formFilters(body));
      try {
        return c.redirect(itemUrl(id, filters, { key: 'done', message: await act(c, id, body) }), 303);
      } catch (err) {
        return c.redirect(itemUrl(id, filters, { key: 'error', message: pageError(err).message }), 303);
      }
    };

  app.post(
    '/review/items/:id/undo',
    work,
    action(async (c, id) => {
      const r = await undoDecision(
        {
          db: c.var.ctx.db,
          queues: c.var.ctx.queues,
          leaseSeconds: c.var.ctx.config.reviewLeaseSeconds,
          windowMs: c.var.ctx.config.reviewUndoMs,
        },
        id,
        reviewActor(c),
      );
      const cancelled = r.referralsCancelled ? ' The queued referral was cancelled before anything was sent.' : '';
      return `Decision undone (${r.undoneAction.replace('_', ' ')}); the item is yours again.${cancelled}`;
    }),
  );

  app.post(
    '/review/items/:id/reverse',
    lead,
    action(async (c, id, body) => {
      const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim() : undefined;
      const r = await reverseDecision({ db: c.var.ctx.db, queues: c.var.ctx.queues }, id, reviewActor(c), {
        reasonCode: String(body.reasonCode ?? ''),
        note,
      });
      const referral = r.referralExists ? ' A referral was already created; it stays on record for follow-up with the platform.' : '';
      return `Decision reversed: the item is open again (was ${r.previousStatus.replace('_', ' ')}).${referral}`;
    }),
  );

  app.post(
    '/review/items/:id/renew',
    work,
    action(async (c, id) => {
      const r = await claimItem(c.var.ctx.db, id, reviewActor(c), c.var.ctx.config.reviewLeaseSeconds);
      return `Lease ${r.renewed ? 'renewed' : 'taken'} until ${r.leaseExpiresAt.toISOString().slice(11, 16)} UTC.`;
    }),
  );

  app.post(
    '/review/items/:id/release',
    work,
    action(async (c, id) => {
      const r = await releaseItem(c.var.ctx.db, id, reviewActor(c));
      return r.released ? 'Claim released: the item is back in the queue for anyone.' : 'You held no live claim on this item.';
    }),
  );

  return app;
}
