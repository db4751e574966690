/**
 * Undo's rules against real PostgreSQL and Redis: only your own last decision, only within the
 * window, only while no referral has been sent (a queued one is cancelled with its refer job); the
 * item comes back as it was, claimed by you, with a `reverse`/`undo` decision and a `review.undo`
 * audit event. No workers run, so a confirmation's refer job stays waiting until undo removes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../core/jobs.ts';
import { startHarness, type Harness } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { claimItem } from './claims.ts';
import { decideItem, type ReviewAction } from './decisions.ts';
import { ReviewError } from './errors.ts';
import { undoDecision, UNDO_WINDOW_MS } from './undo.ts';

describe('undo of a reviewer’s own last decision', () => {
  let h: Harness;
  const amira = { id: 'k-amira', lead: false };
  const bilal = { id: 'k-bilal', lead: false };
  const lead = { id: 'k-lead', lead: true };
  beforeAll(async () => {
    h = await startHarness({ workers: [], api: true }, { REVIEW_UNDO_SECONDS: '10' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const deps = () => ({ db: h.db, queues: h.rt.queues, leaseSeconds: 300 });
  /** An open item `actor` claimed and decided with `action`. */
  async function decided(action: ReviewAction, actor = amira) {
    const [item] = await seedReviewItems(h.db, [{}]);
    await claimItem(h.db, item!.id, actor, 300);
    const r = await decideItem({ db: h.db, queues: h.rt.queues }, item!.id, actor, { action, reasonCode: 'not_an_advert' });
    return { ...item!, decisionId: r.decisionId };
  }
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('undo was expected to be refused');
      },
      (err: unknown) => {
        expect(err).toBeInstanceOf(ReviewError);
        return err as ReviewError;
      },
    );

  it('restores a rejection: open again, claimed by the reviewer, recorded as a reversal with its audit event', async () => {
    const item = await decided('reject');
    const r = await undoDecision(deps(), item.id, amira);
    expect(r).toMatchObject({
      itemId: item.id,
      undoneDecisionId: item.decisionId,
      undoneAction: 'reject',
      status: 'open',
      referralsCancelled: 0,
    });
    const row = await h.db.prisma.reviewItem.findUniqueOrThrow({
      where: { id: item.id },
      include: { decisions: { orderBy: { createdAt: 'asc' } } },
    });
    expect(row.status).toBe('open');
    expect(row.decidedAt).toBeNull();
    expect(row.claimedBy).toBe(amira.id);
    expect(row.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row.decisions.map((d) => [d.action, d.reasonCode, d.actor])).toEqual([
      ['reject', 'not_an_advert', amira.id],
      ['reverse', 'undo', amira.id],
    ]);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: item.id, action: 'review.undo' } });
    expect(audit.actor).toBe(amira.id);
    expect(audit.before).toMatchObject({ status: 'rejected', decisionId: item.decisionId, action: 'reject' });
    expect(audit.after).toMatchObject({ status: 'open', claimedBy: amira.id, undoneDecisionId: item.decisionId });
    // The reviewer can decide again at once (they hold the claim).
    await decideItem({ db: h.db }, item.id, amira, { action: 'escalate', reasonCode: 'unsure' });
    // And a second undo takes back only that new decision.
    expect((await undoDecision(deps(), item.id, amira)).undoneAction).toBe('escalate');
    // Nothing left to undo: the last decision is the undo itself.
    expect((await refusal(undoDecision(deps(), item.id, amira))).message).toMatch(/no decision to undo/);
  });

  it('refuses someone else’s decision, a lead’s included (leads reverse instead)', async () => {
    const item = await decided('reject');
    const other = await refusal(undoDecision(deps(), item.id, bilal));
    expect(other.kind).toBe('forbidden');
    expect(other.message).toMatch(/only the reviewer who made the decision can undo it/);
    expect((await refusal(undoDecision(deps(), item.id, lead))).kind).toBe('forbidden');
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe('rejected');
  });

  it('refuses once the window has passed, saying so', async () => {
    const item = await decided('reject');
    // Move the decision back past the window instead of sleeping through it.
    await h.db
      .execute`UPDATE "Decision" SET "createdAt" = "createdAt" - make_interval(secs => ${(UNDO_WINDOW_MS + 1_000) / 1000}::double precision) WHERE id = ${item.decisionId}::uuid`;
    const err = await refusal(undoDecision(deps(), item.id, amira));
    expect(err.kind).toBe('conflict');
    expect(err.message).toMatch(
      /the undo window has passed: the decision was made 1\d s ago and can be undone for 10 s; a lead can reverse it/,
    );
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe('rejected');
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: item.id, action: 'review.undo' } })).toBe(0);
  });

  it('takes a confirmation back before the refer stage ran: its refer job is removed', async () => {
    const item = await decided('confirm');
    const jobId = jobIds.referConfirmed(item.postId, item.decisionId);
    expect(await (await h.rt.queues.refer.getJob(jobId))?.getState()).toBe('waiting');
    const r = await undoDecision(deps(), item.id, amira);
    expect(r.status).toBe('open');
    expect(await h.rt.queues.refer.getJob(jobId)).toBeUndefined();
    expect(await h.db.prisma.referral.count({ where: { postId: item.postId } })).toBe(0);
  });

  it('cancels a referral still queued (nothing sent), and refuses once one was sent', async () => {
    const platformId = (await h.db.prisma.platform.findUniqueOrThrow({ where: { name: 'facebook' } })).id;
    const queued = await decided('confirm');
    const referral = await h.db.prisma.referral.create({
      data: { postId: queued.postId, platformId, status: 'queued', idempotencyKey: `${platformId}:${queued.postId}` },
    });
    const r = await undoDecision(deps(), queued.id, amira);
    expect(r.referralsCancelled).toBe(1);
    expect(await h.db.prisma.referral.findUnique({ where: { id: referral.id } })).toBeNull();
    const cancel = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: referral.id, action: 'referral.cancel' } });
    expect(cancel).toMatchObject({ actor: amira.id, subjectType: 'referral' });

    const sent = await decided('confirm');
    await h.db.prisma.referral.create({
      data: { postId: sent.postId, platformId, status: 'sent', idempotencyKey: `${platformId}:${sent.postId}`, sentAt: new Date() },
    });
    const err = await refusal(undoDecision(deps(), sent.id, amira));
    expect(err.kind).toBe('conflict');
    expect(err.message).toMatch(/the referral was already sent \(sent\); a lead can reverse the decision/);
    const row = await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.status).toBe('confirmed');
    // Refused after its refer job was taken off the queue: the job is put back, so the confirmation is still referred.
    expect(await h.rt.queues.refer.getJob(jobIds.referConfirmed(sent.postId, sent.decisionId))).toBeDefined();
  });

  it('is offered by the API with the same rules', async () => {
    const key = await h.key('reviewer', { name: 'Api Reviewer' });
    const keyId = key.split('_')[1]!;
    const item = await decided('reject', { id: keyId, lead: false });
    const ok = await h.request('POST', `/v1/review/items/${item.id}/undo`, { key });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ itemId: item.id, undoneAction: 'reject', status: 'open', referralsCancelled: 0 });
    const again = await h.request('POST', `/v1/review/items/${item.id}/undo`, { key });
    expect(again.status).toBe(409);
    const other = await decided('reject');
    const forbidden = await h.request('POST', `/v1/review/items/${other.id}/undo`, { key });
    expect(forbidden.status).toBe(403);
    expect((await h.request('POST', `/v1/review/items/00000000-0000-7000-8000-000000000000/undo`, { key })).status).toBe(404);
  });
});
