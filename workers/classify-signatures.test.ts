import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash } from '../core/content-hash.ts';
import { sentSignature, signatureOf, signatureOfCanonical } from '../networks/near-duplicate.ts';
import { givenSignatures } from './classify.ts';
import type { PostToClassify } from './pipeline-sql.ts';

const text = 'Boat to UK this week, 1500€, WhatsApp +44 7911 123456';
const post = (id: string, t: string): PostToClassify => ({
  id,
  text: t,
  language: null,
  platformId: 1,
  postedAt: null,
  ingestedAt: new Date(),
  contentHash: contentHash(t),
});
const sent = (t: string) => sentSignature(contentHash(t), signatureOfCanonical(canonicalText(t)).minhash);

describe('signatures sent by ingest', () => {
  it('are used for a post whose stored text is the one they were computed from, and equal signing it here', () => {
    const got = givenSignatures({ a: sent(text) }, [post('a', text)]).get('a');
    expect(got?.minhash).toEqual(signatureOf(text).minhash);
    expect(got?.bands).toEqual(signatureOf(text).bands);
  });

  it('are ignored where the stored text differs, or when missing or malformed', () => {
    const edited = `${text} (edited)`;
    const posts = [post('a', edited), post('b', text), post('c', text), post('d', text)];
    const given = givenSignatures({ a: sent(text), c: `${contentHash(text)}:not-base64-minima`, d: 'garbage' }, posts);
    expect([...given.keys()]).toEqual([]);
    expect(givenSignatures(undefined, posts).size).toBe(0);
  });
});
