/** @jsxImportSource hono/jsx */
/**
 * `/review`: the reviewers' page, server-rendered with Hono JSX (no front-end build). It uses the
 * same review domain functions as the API, so claims, leases and decisions behave identically.
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { authenticate } from '../../auth/keys.ts';
import { reviewActor, ROLE_SETS } from '../../auth/require-role.ts';
import type { ApiEnv } from '../../context.ts';
import { rateLimitsOf } from '../../middleware/rate-limit.ts';
import { claimItem, claimNext } from '../../../review/claims.ts';
import { decideItem, DECISION_ACTIONS, type ReviewAction } from '../../../review/decisions.ts';
import type { QueueFilters } from '../../../review/filters.ts';
import { listReviewItems } from '../../../review/review-list.ts';
import { addBenign, removeBenign } from '../../../networks/benign.ts';
import { ErrorPage } from '../error-page.tsx';
import { pageError } from '../page-error.ts';
import { endSession, hereOf, requirePageRole, startSession, whoOf } from '../session.ts';
import { QueuePage } from './queue-page.tsx';
import { filterString, formFilters, readQuery, withQuery, type QueueQuery } from './queue-query.ts';
import { keyNames, setShortcutsEnabled, shortcutsEnabled } from './reviewer-keys.ts';
import { reviewItemRoutes } from './item-routes.tsx';
import { SignInPage } from './sign-in-page.tsx';

/** A tiny inline icon, so pages do not log a 404 for /favicon.ico. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#fff"/><path d="M1 11c2-2 4-2 7 0s5 2 7 0v4H1z" fill="#111"/></svg>';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page of ours to return to after the shortcut toggle (same-site paths only). */
const safeReturn = (back: unknown) =>
  typeof back === 'string' && /^\/(review|networks|analytics)(\/[\w\-/]*)?(\?[^#\s]*)?$/.test(back) ? back : '/review';

async function toFilters(c: Context<ApiEnv>, q: QueueQuery): Promise<QueueFilters> {
  return {
    status: q.status as QueueFilters['status'],
    language: q.language || undefined,
    platformId: q.platform ? ((await c.var.ctx.platforms.idOf(q.platform)) ?? -1) : undefined,
    category: q.category || undefined,
    referralCandidate: q.candidate === '1' ? true : undefined,
  };
}

/** An error as a whole page (with its doctype, header and way back), not a bare paragraph. */
const errorPage = (c: Context<ApiEnv>, e: ReturnType<typeof pageError>) =>
  c.html(<ErrorPage status={e.status} message={e.message} who={whoOf(c)} />, e.status);

/** Only same-site paths under /review, /analytics or /platform may be redirect targets after sign-in. */
const safeNext = (next: string | undefined) => (next && /^\/(review|analytics|platform)(\/|$|\?)/.test(next) ? next : '/review');

/** Where a benign-contact form returns: an item or network page, nothing else. */
const safeBack = (back: unknown) =>
  typeof back === 'string' && /^\/(review\/items|networks)\/[0-9a-f-]{36}$/.test(back) ? back : '/review';
const withFlash = (path: string, key: 'error' | 'done', message: string) => `${path}?${key}=${encodeURIComponent(message)}`;

export function reviewPageRoutes() {
  const app = new Hono<ApiEnv>();
  // Form posts must come from this origin (the session cookie is SameSite=Strict as well).
  app.use('/review/*', csrf());
  // Item page, evidence, undo, reverse, renew, release (item-routes.tsx); registered first, so its item page wins.
  app.route('/', reviewItemRoutes());

  app.get('/favicon.ico', (c) => c.body(FAVICON, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }));
  app.get('/review/sign-in', (c) => c.html(<SignInPage next={safeNext(c.req.query('next'))} />));
  app.post('/review/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const key = typeof body.key === 'string' ? body.key.trim() : '';
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    // Failed sign-ins are limited per address; past the limit no key is even checked.
    const limits = rateLimitsOf(c);
    const retryAfter = await limits.signInLockout(c);
    if (retryAfter !== undefined) {
      c.header('Retry-After', String(retryAfter));
      return c.html(<SignInPage next={next} error={`Too many failed sign-ins from your address; try again in ${retryAfter} s.`} />, 429);
    }
    const principal = key ? await authenticate(c.var.ctx.db, key) : undefined;
    if (!principal) {
      await limits.signInFailed(c);
      return c.html(<SignInPage next={next} error="That key is not valid (unknown, mistyped or revoked)." />, 401);
    }
    // Platform keys sign in for /platform (their referrals), nothing else.
    if (principal.role !== 'platform' && !(ROLE_SETS.read as readonly string[]).includes(principal.role)) {
      return c.html(<SignInPage next={next} error={`A ${principal.role} key cannot use the review page.`} />, 403);
    }
    await startSession(c, principal);
    return c.redirect(principal.role === 'platform' && !next.startsWith('/platform') ? '/platform' : next, 303);
  });
  app.post('/review/sign-out', async (c) => {
    await endSession(c);
    return c.redirect('/review/sign-in', 303);
  });

  const read = requirePageRole(ROLE_SETS.read);
  const work = requirePageRole(ROLE_SETS.work);

  app.get('/review', read, async (c) => {
    const q = readQuery((k) => c.req.query(k));
    let list;
    try {
      list = await listReviewItems(
        c.var.ctx.db,
        { ...(await toFilters(c, q)), sort: q.sort as 'priority' | 'oldest', limit: 50, cursor: c.req.query('cursor') },
        c.var.ctx.config.reviewCountsCacheMs,
      );
    } catch (err) {
      const e = pageError(err);
      return errorPage(c, e);
    }
    const done = c.req.query('done') ?? '';
    const undoId = c.req.query('undo') ?? '';
    // A decision with an item to undo gets the Undo toast; otherwise a plain notice.
    const undoMs = c.var.ctx.config.reviewUndoMs;
    const undo =
      undoMs > 0 && UUID.test(undoId) && (DECISION_ACTIONS as readonly string[]).includes(done)
        ? { itemId: undoId, action: done, ms: undoMs }
        : undefined;
    const flash =
      done && !undo
        ? `Decision recorded: ${done.replace('_', ' ')}.`
        : c.req.query('empty')
          ? 'Nothing left to take with these filters.'
          : (c.req.query('error') ?? undefined);
    const me = c.var.principal!.keyId;
    const [platforms, holders, shortcuts] = await Promise.all([
      c.var.ctx.platforms.names(),
      keyNames(
        c.var.ctx.db,
        list.items.flatMap((i) => (i.claim ? [i.claim.holder] : [])),
      ),
      shortcutsEnabled(c.var.ctx.db, me),
    ]);
    return c.html(
      <QueuePage
        who={whoOf(c)}
        me={me}
        q={q}
        list={list}
        platforms={[...platforms].sort()}
        holders={holders}
        shortcuts={shortcuts}
        here={hereOf(c)}
        flash={flash}
        undo={undo}
      />,
    );
  });

  app.post('/review/next', work, async (c) => {
    const body = await c.req.parseBody();
    const q = formFilters(body);
    const filters = await toFilters(c, q);
    let claimed;
    try {
      const sort = q.sort as 'priority' | 'oldest';
      claimed = await claimNext(c.var.ctx.db, reviewActor(c), filters, sort, c.var.ctx.config.reviewLeaseSeconds);
    } catch (err) {
      const e = pageError(err);
      return errorPage(c, e);
    }
    if (!claimed) return c.redirect(withQuery('/review', filterString(q), 'empty=1'), 303);
    return c.redirect(withQuery(`/review/items/${claimed.id}`, filterString(q)), 303);
  });

  // A lead marks (or unmarks) a contact benign from the item or network page (networks/benign.ts).
  const lead = requirePageRole(ROLE_SETS.lead);
  for (const [path, mark] of [
    ['/review/contacts/benign', true],
    ['/review/contacts/benign/remove', false],
  ] as const) {
    app.post(path, lead, async (c) => {
      const body = await c.req.parseBody();
      const back = safeBack(body.back);
      const contact = String(body.contact ?? '');
      try {
        const row = mark
          ? await addBenign(c.var.ctx.db, contact, String(body.note ?? ''), c.var.principal!.keyId)
          : await removeBenign(c.var.ctx.db, contact, c.var.principal!.keyId);
        return c.redirect(withFlash(back, 'done', `${row.key} ${mark ? 'marked benign' : 'no longer benign'}`), 303);
      } catch (err) {
        return c.redirect(withFlash(back, 'error', pageError(err).message), 303);
      }
    });
  }

  app.post('/review/items/:id/claim', work, async (c) => {
    const id = c.req.param('id');
    const filters = filterString(formFilters(await c.req.parseBody()));
    try {
      await claimItem(c.var.ctx.db, id, reviewActor(c), c.var.ctx.config.reviewLeaseSeconds);
      return c.redirect(withQuery(`/review/items/${id}`, filters), 303);
    } catch (err) {
      return c.redirect(withQuery(`/review/items/${id}`, filters, `error=${encodeURIComponent(pageError(err).message)}`), 303);
    }
  });

  // The person's own preference, so no session is needed beyond the page roles.
  app.post('/review/preferences/shortcuts', read, async (c) => {
    const body = await c.req.parseBody();
    await setShortcutsEnabled(c.var.ctx.db, c.var.principal!.keyId, body.enabled === '1');
    return c.redirect(safeReturn(body.back), 303);
  });

  app.post('/review/items/:id/decision', work, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const filters = filterString(formFilters(body));
    const back = (message: string) => c.redirect(withQuery(`/review/items/${id}`, filters, `error=${encodeURIComponent(message)}`), 303);
    const action = String(body.action ?? '');
    if (!(DECISION_ACTIONS as readonly string[]).includes(action)) return back(`unknown action "${action}"`);
    const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim() : undefined;
    try {
      await decideItem({ db: c.var.ctx.db, queues: c.var.ctx.queues, undoMs: c.var.ctx.config.reviewUndoMs }, id, reviewActor(c), {
        action: action as ReviewAction,
        reasonCode: String(body.reasonCode ?? ''),
        note,
      });
      // Back to the same filtered queue, with the Undo offer for this item.
      return c.redirect(withQuery('/review', filters, `done=${action}`, `undo=${id}`), 303);
    } catch (err) {
      return back(pageError(err).message);
    }
  });

  return app;
}
