/** Schemas of `GET /v1/posts/{id}` (api/routes/posts.ts); the record is built by referrals/post-record.ts. */
import { DecisionAction, PostOutcome, ReferralStatus, ReviewStatus, Verdict } from '../../generated/prisma/enums.ts';
import { z } from '../openapi.ts';

const enumOf = <T extends Record<string, string>>(e: T) => z.enum(Object.values(e) as [T[keyof T], ...T[keyof T][]]);
const time = z.string().openapi({ format: 'date-time' });
const PostLink = z.object({ id: z.uuid(), platformPostId: z.string(), url: z.string() });

export const PostIdParam = z.object({
  id: z
    .uuid({ error: 'must be a post id (UUID)' })
    .openapi({ param: { name: 'id', in: 'path' }, example: '019abc12-3456-7def-8123-456789abcdef' }),
});

const SignalWords = z
  .object({
    label: z.string().openapi({ description: 'What kind of cue: destination, price, phone number, WhatsApp contact, transport, …' }),
    value: z.string().openapi({ description: 'The value in words, or the words as written in the post.' }),
    gloss: z.string().optional().openapi({ description: 'English gloss of a lexicon cue, where the lexicon has one.' }),
    text: z.string().openapi({ description: 'The cue on one line, e.g. `destination: UK`.' }),
  })
  .openapi('SignalWords');

export const PostRecord = z
  .object({
    id: z.uuid(),
    platform: z.string(),
    platformPostId: z.string(),
    url: z.string(),
    authorHandle: z.string().nullable(),
    text: z.string(),
    language: z.string().nullable(),
    postedAt: time.nullable(),
    ingestedAt: time,
    routedAt: time.nullable(),
    purgedAt: time.nullable().openapi({ description: 'Set when retention purged the text and author of this dismissed post.' }),
    outcome: enumOf(PostOutcome).openapi({
      description:
        '`duplicate`: an exact re-upload of `duplicateOf`, which it follows (classification, review and referral are the original’s).',
    }),
    duplicateOf: PostLink.nullable(),
    duplicates: z.array(PostLink.extend({ ingestedAt: time })).openapi({ description: 'Exact re-uploads of this post (first 100).' }),
    nearDuplicateOf: z.object({ id: z.uuid(), similarity: z.number() }).nullable(),
    nearDuplicates: z
      .array(z.object({ id: z.uuid(), similarity: z.number() }))
      .openapi({ description: 'Later posts nearly duplicating this one (first 100).' }),
    classification: z
      .object({
        ofPostId: z.uuid().openapi({ description: 'The post classified: this one, or for a re-upload its original.' }),
        score: z.number(),
        verdict: enumOf(Verdict),
        category: z.string(),
        language: z.string(),
        modelVersion: z.string(),
        signals: z.array(SignalWords),
        classifiedAt: time,
      })
      .nullable(),
    review: z
      .object({
        itemId: z.uuid(),
        status: enumOf(ReviewStatus),
        referralCandidate: z.boolean(),
        claimedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
        leaseExpiresAt: time.nullable(),
        decidedAt: time.nullable(),
        lastDecision: z.object({ action: enumOf(DecisionAction), reasonCode: z.string(), actor: z.string(), at: time }).nullable(),
      })
      .nullable(),
    referrals: z.array(
      z.object({
        id: z.uuid(),
        status: enumOf(ReferralStatus),
        heldForActionDay: z.boolean().openapi({ description: 'Queued and waiting for the platform’s next action day.' }),
        batchId: z.uuid().nullable(),
        automated: z.boolean(),
        ofPostId: z.uuid(),
        ticketId: z.string().nullable(),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: time,
        sentAt: time.nullable(),
        acknowledgedAt: time.nullable(),
        decidedAt: time.nullable(),
        offlineAt: time.nullable(),
      }),
    ),
    platformHoldsForActionDay: z.boolean(),
  })
  .openapi('PostRecord');
