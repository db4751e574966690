/** @jsxImportSource hono/jsx */
/**
 * `/platform` (platform keys, admins): the referrals sent to the signed-in platform and the report
 * buttons, over the same domain functions as `/v1/platform/referrals` (referrals/platform-report.ts:
 * same lifecycle rules, same audit events, marked `via: platform-page`). A platform key sees its own
 * platform only; another platform's referral is "not found". `/review/questions` (leads, admins)
 * answers the platforms' `needs_info` questions.
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { ROLE_SETS } from '../../auth/require-role.ts';
import type { ApiEnv } from '../../context.ts';
import { pageError } from '../page-error.ts';
import { requirePageRole, whoOf } from '../session.ts';
import { Layout } from '../review/layout.tsx';
import { decodeCursor, encodeCursor } from '../../../core/cursor.ts';
import { ReferralStatus } from '../../../generated/prisma/enums.ts';
import { sha256 } from '../../../referrals/deliver.ts';
import { readEvidenceFile } from '../../../referrals/evidence-files.ts';
import { PLATFORM_REPORTABLE, type PlatformReportable } from '../../../referrals/lifecycle.ts';
import { answerQuestion, openQuestions } from '../../../referrals/needs-info.ts';
import { reportStatus } from '../../../referrals/platform-report.ts';
import { listPlatformReferrals, referralHistory, referralPost } from '../../../referrals/sql.ts';
import { sendEvidence } from '../../routes/platform-evidence.ts';
import { PlatformListPage, queryString, type PlatformListQuery } from './list-page.tsx';
import { QuestionsPage } from './questions-page.tsx';
import { ReferralPage } from './referral-page.tsx';

const PAGE_SIZE = 50;
const CURSOR_SORT = 'created';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** The platform the caller acts for; undefined for admins (every platform). */
const scope = (c: Context<ApiEnv>) => (c.var.principal!.role === 'platform' ? (c.var.principal!.platformId ?? -1) : undefined);

function readQuery(c: Context<ApiEnv>): PlatformListQuery {
  const status = c.req.query('status') ?? '';
  const from = c.req.query('from') ?? '';
  const to = c.req.query('to') ?? '';
  return {
    status: (Object.values(ReferralStatus) as string[]).includes(status) ? status : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  };
}

function flashOf(c: Context<ApiEnv>) {
  const error = c.req.query('error');
  const done = c.req.query('done');
  return error ? { kind: 'error' as const, message: error } : done ? { kind: 'done' as const, message: done } : undefined;
}

const notFoundPage = (c: Context<ApiEnv>, id: string) =>
  c.html(
    <Layout title="Referral not found" who={whoOf(c)}>
      <p role="alert">No referral {id} for your platform.</p>
      <p>
        <a href="/platform">Back to the list</a>
      </p>
    </Layout>,
    404,
  );

export function platformPageRoutes() {
  const app = new Hono<ApiEnv>();
  app.use('/platform/*', csrf());
  app.use('/review/questions/*', csrf());
  const platformUser = requirePageRole(['platform', 'admin']);
  const lead = requirePageRole(ROLE_SETS.lead);

  app.get('/platform', platformUser, async (c) => {
    const q = readQuery(c);
    const raw = c.req.query('cursor');
    let after: { createdAt: Date; id: string } | undefined;
    try {
      if (raw) {
        const cur = decodeCursor(raw, CURSOR_SORT);
        after = { createdAt: new Date(String(cur.v)), id: cur.id };
      }
    } catch (err) {
      const e = pageError(err);
      return c.html(
        <PlatformListPage
          who={whoOf(c)}
          platform={c.var.principal!.platform ?? 'all platforms'}
          query={q}
          rows={[]}
          nextCursor={null}
          flash={e.message}
        />,
        e.status,
      );
    }
    const until = q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : undefined;
    const rows = await listPlatformReferrals(c.var.ctx.db, {
      platformId: scope(c),
      status: (q.status || undefined) as ReferralStatus | undefined,
      since: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      until,
      after,
      limit: PAGE_SIZE + 1,
    });
    const page = rows.slice(0, PAGE_SIZE);
    const last = page.at(-1);
    const nextCursor =
      rows.length > PAGE_SIZE && last ? encodeCursor({ s: CURSOR_SORT, v: last.createdAt.toISOString(), id: last.id }) : null;
    return c.html(
      <PlatformListPage
        who={whoOf(c)}
        platform={c.var.principal!.platform ?? 'all platforms'}
        query={q}
        rows={page}
        nextCursor={nextCursor}
        flash={flashOf(c)?.message}
      />,
    );
  });

  app.get('/platform/referrals/:id', platformUser, async (c) => {
    const id = c.req.param('id');
    const [referral] = UUID.test(id) ? await listPlatformReferrals(c.var.ctx.db, { id, platformId: scope(c), limit: 1 }) : [];
    const post = referral ? await referralPost(c.var.ctx.db, id) : undefined;
    if (!referral || !post) return notFoundPage(c, id);
    const history = await referralHistory(c.var.ctx.db, id);
    return c.html(
      <ReferralPage
        who={whoOf(c)}
        referral={referral}
        post={post}
        history={history}
        textSha256={sha256(post.text)}
        back={`/platform${queryString(readQuery(c))}`}
        flash={flashOf(c)}
      />,
    );
  });

  app.post('/platform/referrals/:id/status', platformUser, async (c) => {
    const id = c.req.param('id');
    const [referral] = UUID.test(id) ? await listPlatformReferrals(c.var.ctx.db, { id, platformId: scope(c), limit: 1 }) : [];
    if (!referral) return notFoundPage(c, id);
    const body = await c.req.parseBody();
    const text = (k: string) =>
      typeof body[k] === 'string' && (body[k] as string).trim() ? (body[k] as string).trim().slice(0, 2_000) : undefined;
    const status = text('status');
    const back = (key: 'done' | 'error', message: string) =>
      c.redirect(`/platform/referrals/${id}?${key}=${encodeURIComponent(message)}`, 303);
    if (!status || !(PLATFORM_REPORTABLE as readonly string[]).includes(status))
      return back('error', 'choose acknowledge, actioned, declined or a question');
    try {
      const t = await reportStatus(
        c.var.ctx.db,
        {
          referralId: id,
          status: status as PlatformReportable,
          ticketId: text('ticketId'),
          reason: text('reason'),
          question: text('question'),
        },
        c.var.principal!.keyId,
        'platform-page',
      );
      const words: Record<PlatformReportable, string> = {
        acknowledged: 'referral acknowledged',
        actioned: 'referral marked as actioned',
        declined: 'referral declined',
        needs_info: 'question sent to the referring team',
      };
      return back('done', words[t.to as PlatformReportable] ?? `referral is now ${t.to}`);
    } catch (err) {
      return back('error', pageError(err).message);
    }
  });

  app.get('/platform/referrals/:id/evidence/:file', platformUser, async (c) => {
    const id = c.req.param('id');
    try {
      const f = await readEvidenceFile(c.var.ctx.db, c.var.ctx.config.evidence.dir, id, c.req.param('file'), scope(c) ?? null);
      return sendEvidence(c, f, id);
    } catch (err) {
      const e = pageError(err);
      return c.text(e.message, e.status);
    }
  });

  app.get('/review/questions', lead, async (c) => {
    const rows = await openQuestions(c.var.ctx.db);
    return c.html(<QuestionsPage who={whoOf(c)} rows={rows} flash={flashOf(c)} />);
  });

  app.post('/review/questions/:id/answer', lead, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const answer = typeof body.answer === 'string' ? body.answer : '';
    const back = (key: 'done' | 'error', message: string) => c.redirect(`/review/questions?${key}=${encodeURIComponent(message)}`, 303);
    if (!UUID.test(id)) return back('error', `no referral ${id}`);
    try {
      const p = c.var.principal!;
      const r = await answerQuestion(c.var.ctx.db, { referralId: id, answer, actor: p.keyId, actorName: p.name });
      return back('done', `answer sent; the referral is ${r.status} again`);
    } catch (err) {
      return back('error', pageError(err).message);
    }
  });
  return app;
}
