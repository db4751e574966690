/**
 * `GET /v1/posts/{id}` through the real pipeline: an exact re-upload (outcome `duplicate`, seen
 * nowhere else in the API) and a small edit (near-duplicate) can be looked up with their links,
 * the classification's signals read as words, and the review state shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdFor } from '../../core/post-input.ts';
import { makePost, startHarness, type Harness } from '../../test/harness.ts';

type Record_ = {
  id: string;
  outcome: string;
  text: string;
  duplicateOf: { id: string } | null;
  duplicates: { id: string }[];
  nearDuplicateOf: { id: string; similarity: number } | null;
  nearDuplicates: { id: string }[];
  classification: { ofPostId: string; verdict: string; score: number; signals: { label: string; text: string }[] } | null;
  review: { status: string; itemId: string } | null;
  referrals: unknown[];
};

describe('GET /v1/posts/{id}', () => {
  let h: Harness;
  let analyst: string;
  const original = makePost('Boat to UK this week 🚤 100% guaranteed, 1500€ per person, kids half price!! WhatsApp +44 7911 123456');
  const reupload = makePost(original.text);
  const edit = makePost('Boat to UK this week 🚤🚤 100% guaranteed, 1400€ per person, kids half price!! WhatsApp +44 7911 123456');
  const id = (p: { platform: string; platformPostId: string }) => postIdFor(p.platform, p.platformPostId);
  const get = async (postId: string, key = analyst) => {
    const res = await h.request('GET', `/v1/posts/${postId}`, { key });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Record_;
  };

  beforeAll(async () => {
    h = await startHarness();
    analyst = await h.key('analyst');
    expect((await h.post('/v1/posts', original)).status).toBe(202);
    await h.drain();
    expect((await h.post('/v1/posts', { posts: [reupload, edit] })).status).toBe(202);
    await h.drain();
  });
  afterAll(async () => h?.close());

  it('shows an exact re-upload as a duplicate of its original, with the original’s classification', async () => {
    const r = await get(id(reupload));
    expect(r.outcome).toBe('duplicate');
    expect(r.duplicateOf?.id).toBe(id(original));
    expect(r.classification?.ofPostId).toBe(id(original));
    expect(r.review).toBeNull();

    const o = await get(id(original));
    expect(o.duplicates.map((d) => d.id)).toEqual([id(reupload)]);
    expect(o.nearDuplicates.map((d) => d.id)).toContain(id(edit));
    expect(['review', 'referral_candidate']).toContain(o.outcome);
    expect(o.review).toMatchObject({ status: 'open' });
  });

  it('links a small edit to the post it nearly duplicates', async () => {
    const e = await get(id(edit));
    expect(e.nearDuplicateOf?.id).toBe(id(original));
    expect(e.nearDuplicateOf!.similarity).toBeGreaterThanOrEqual(0.7);
    expect(e.duplicateOf).toBeNull();
  });

  it('reads the signals as words, never internal codes', async () => {
    const o = await get(id(original));
    const texts = o.classification!.signals.map((s) => s.text);
    expect(texts).toContain('destination: UK');
    expect(texts).toContain('phone number: +447911123456');
    expect(texts.join(' ')).not.toMatch(/\b(dest|origin|via):|concept:|counter:/);
  });

  it('answers 404 for an unknown post, 400 for a malformed id, 403 for roles that do not read the queue', async () => {
    expect((await h.request('GET', '/v1/posts/019abc12-3456-7def-8123-456789abcdef', { key: analyst })).status).toBe(404);
    expect((await h.request('GET', '/v1/posts/not-a-uuid', { key: analyst })).status).toBe(400);
    expect((await h.request('GET', `/v1/posts/${id(original)}`, { key: await h.key('ingest') })).status).toBe(403);
  });
});
