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
import { REVIEW_STATUSES, type QueueFilters } from '../../../review/filters.ts';
import { getReviewItem, listReviewItems } from '../../../review/review-list.ts';
import { addBenign, benignKeys, removeBenign } from '../../../networks/benign.ts';
import { contactKeys } from '../../../networks/known-contacts.ts';
import { pageError } from '../page-error.ts';
import { endSession, requirePageRole, startSession } from '../session.ts';
import { ItemPage } from './item-page.tsx';
import { reviewItemRoutes } from './item-routes.tsx';
import { QueuePage, type QueueQuery } from './queue-page.tsx';
import { SignInPage } from './sign-in-page.tsx';

function readQuery(get: (k: string) => string | undefined): QueueQuery {
  const status = get('status') ?? '';
  return {
    status: (REVIEW_STATUSES as readonly string[]).includes(status) ? status : 'open',
    language: get('language') ?? '',
    platform: get('platform') ?? '',
    category: get('category') ?? '',
    candidate: get('candidate') === '1' ? '1' : '',
    sort: get('sort') === 'oldest' ? 'oldest' : 'priority',
  };
}

async function toFilters(c: Context<ApiEnv>, q: QueueQuery): Promise<QueueFilters> {
  return {
    status: q.status as QueueFilters['status'],
    language: q.language || undefined,
    platformId: q.platform ? ((await c.var.ctx.platforms.idOf(q.platform)) ?? -1) : undefined,
    category: q.category || undefined,
    referralCandidate: q.candidate === '1' ? true : undefined,
  };
}

const whoOf = (c: Context<ApiEnv>) => `${c.var.principal!.name} (${c.var.principal!.role})`;

/** Only same-site paths under /review or /analytics may be redirect targets after sign-in. */
const safeNext = (next: string | undefined) => (next && /^\/(review|analytics)(\/|$|\?)/.test(next) ? next : '/review');

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
    if (!(ROLE_SETS.read as readonly string[]).includes(principal.role)) {
      return c.html(<SignInPage next={next} error={`A ${principal.role} key cannot use the review page.`} />, 403);
    }
    await startSession(c, principal);
    return c.redirect(next, 303);
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
      return c.html(<p>{e.message}</p>, e.status);
    }
    const done = c.req.query('done');
    const flash = done
      ? `Decision recorded: ${done.replace('_', ' ')}.`
      : c.req.query('empty')
        ? 'Nothing left to take with these filters.'
        : undefined;
    const platforms = [...(await c.var.ctx.platforms.names())].sort();
    return c.html(<QueuePage who={whoOf(c)} q={q} list={list} platforms={platforms} flash={flash} />);
  });

  app.post('/review/next', work, async (c) => {
    const body = await c.req.parseBody();
    const q = readQuery((k) => (typeof body[k] === 'string' ? (body[k] as string) : undefined));
    const filters = await toFilters(c, q);
    let claimed;
    try {
      const sort = q.sort as 'priority' | 'oldest';
      claimed = await claimNext(c.var.ctx.db, reviewActor(c), filters, sort, c.var.ctx.config.reviewLeaseSeconds);
    } catch (err) {
      const e = pageError(err);
      return c.html(<p>{e.message}</p>, e.status);
    }
    if (!claimed) return c.redirect('/review?empty=1', 303);
    return c.redirect(`/review/items/${claimed.id}`, 303);
  });

  app.get('/review/items/:id', read, async (c) => {
    let item;
    try {
      item = await getReviewItem(c.var.ctx.db, c.req.param('id'));
    } catch (err) {
      const e = pageError(err);
      return c.html(<p>{e.message}</p>, e.status);
    }
    const signals = item.classification?.signals ?? [];
    const benign = await benignKeys(c.var.ctx.db, contactKeys(signals, item.post.text));
    const lead = (ROLE_SETS.lead as readonly string[]).includes(c.var.principal!.role);
    return c.html(
      <ItemPage
        who={whoOf(c)}
        me={c.var.principal!.keyId}
        item={item}
        lead={lead}
        benign={benign}
        error={c.req.query('error') ?? c.req.query('done')}
      />,
    );
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
    try {
      await claimItem(c.var.ctx.db, id, reviewActor(c), c.var.ctx.config.reviewLeaseSeconds);
      return c.redirect(`/review/items/${id}`, 303);
    } catch (err) {
      return c.redirect(`/review/items/${id}?error=${encodeURIComponent(pageError(err).message)}`, 303);
    }
  });

  app.post('/review/items/:id/decision', work, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const action = String(body.action ?? '');
    if (!(DECISION_ACTIONS as readonly string[]).includes(action)) {
      return c.redirect(`/review/items/${id}?error=${encodeURIComponent(`unknown action "${action}"`)}`, 303);
    }
    const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim() : undefined;
    try {
      await decideItem({ db: c.var.ctx.db, queues: c.var.ctx.queues }, id, reviewActor(c), {
        action: action as ReviewAction,
        reasonCode: String(body.reasonCode ?? ''),
        note,
      });
      return c.redirect(`/review?done=${action}`, 303);
    } catch (err) {
      return c.redirect(`/review/items/${id}?error=${encodeURIComponent(pageError(err).message)}`, 303);
    }
  });

  return app;
}
