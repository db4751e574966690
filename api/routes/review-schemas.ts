/**
 * zod schemas for the review routes: the validation of queries, paths and bodies, and the shapes
 * of answers, documented in /openapi.json from these same definitions.
 */
import type { ReviewStatus } from '../../generated/prisma/enums.ts';
import { DECISION_ACTIONS, MAX_BULK, MAX_NOTE, REASON_CODE } from '../../review/decisions.ts';
import { REVIEW_STATUSES, SORTS } from '../../review/filters.ts';
import { queryBoolean, z } from '../openapi.ts';

export const ItemIdParam = z.object({
  id: z
    .uuid({ error: 'must be a review item id (UUID)' })
    .openapi({ param: { name: 'id', in: 'path' }, example: '019abc12-3456-7def-8123-456789abcdef' }),
});

const score = z.coerce.number({ error: 'must be a number' }).min(0, 'must be at least 0').max(1, 'must be at most 1');

/** Filters shared by the listing and by "claim next". */
export const QueueFilterFields = {
  status: z.enum(REVIEW_STATUSES).optional().openapi({ description: 'Default `open`.' }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/, 'must be a language code such as "en"')
    .optional(),
  platform: z
    .string()
    .regex(/^[a-z0-9_.-]{1,40}$/, 'must be a platform name such as "tiktok"')
    .optional(),
  category: z.string().min(1).max(64).optional(),
  minScore: score.optional(),
  maxScore: score.optional(),
  referralCandidate: queryBoolean.optional(),
  sort: z.enum(SORTS).default('priority').openapi({ description: '`priority` (most urgent first) or `oldest` (first routed first).' }),
};

export const ListQuery = z
  .object({
    ...QueueFilterFields,
    cursor: z.string().max(512, 'must be at most 512 characters').optional().openapi({ description: '`nextCursor` of the previous page.' }),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(200, 'must be at most 200')
      .default(50),
  })
  .refine((q) => q.minScore === undefined || q.maxScore === undefined || q.minScore <= q.maxScore, {
    message: 'must not exceed maxScore',
    path: ['minScore'],
  });

export const NextBody = z
  .object({
    status: z.enum(['open', 'needs_translation', 'escalated'] as const satisfies readonly ReviewStatus[]).default('open'),
    language: QueueFilterFields.language,
    platform: QueueFilterFields.platform,
    category: QueueFilterFields.category,
    minScore: z.number().min(0).max(1).optional(),
    maxScore: z.number().min(0).max(1).optional(),
    referralCandidate: z.boolean().optional(),
    sort: z.enum(SORTS).default('priority'),
  })
  .strict()
  .openapi('NextRequest');

const iso = z.string().openapi({ format: 'date-time' });

export const Signal = z
  .object({
    type: z.string(),
    value: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    gloss: z.string().optional().openapi({
      description:
        'Short English gloss of a lexicon cue (what the matched word means, and for slang what it means in this trade), e.g. "boat (Iranian slang for an inflatable dinghy)". Absent for entities (phone, price, route...) and in classifications stored before glosses existed.',
      example: 'boat (Iranian slang for an inflatable dinghy)',
    }),
  })
  .catchall(z.unknown())
  .openapi('Signal', {
    description:
      'A piece of evidence; `start`/`end` are UTF-16 offsets in the post text. `known_contact`: `value` is the id of the network (with a referred or confirmed advert) whose contact the span names. `phone` may carry `valid: false`: a possible number in no known numbering plan.',
  });

export const ReviewItem = z
  .object({
    id: z.uuid(),
    status: z.enum(REVIEW_STATUSES),
    priority: z.number(),
    score: z.number(),
    referralCandidate: z.boolean(),
    language: z.string(),
    category: z.string(),
    platform: z.string(),
    createdAt: iso,
    updatedAt: iso,
    decidedAt: iso.nullable(),
    claim: z
      .object({ holder: z.string(), leaseExpiresAt: iso })
      .nullable()
      .openapi({ description: 'Null when unclaimed or the lease expired.' }),
    duplicates: z.number().int(),
    nearDuplicateOf: z
      .object({
        postId: z.uuid(),
        similarity: z.number().openapi({ description: 'Estimated Jaccard similarity of the canonical texts (MinHash), 0.7–1.' }),
        reviewItemId: z.uuid().nullable(),
        status: z.enum(REVIEW_STATUSES).nullable(),
        decision: z.object({ action: z.string(), reasonCode: z.string(), actor: z.string(), decidedAt: iso }).nullable(),
      })
      .nullable()
      .openapi({
        description:
          'The earlier post this one nearly duplicates and its last review decision; a near-duplicate of a confirmed post is routed as a referral candidate.',
      }),
    network: z
      .object({
        id: z.uuid(),
        size: z.number().int(),
        vouched: z.number().int().openapi({ description: 'Its posts referred or confirmed by a reviewer.' }),
      })
      .nullable()
      .openapi({ description: 'The network of posts sharing a phone, handle or contact link with this one (GET /v1/networks/{id}).' }),
    post: z.object({
      id: z.uuid(),
      text: z.string(),
      url: z.string(),
      platform: z.string(),
      author: z.string().nullable(),
      language: z.string().nullable(),
      postedAt: iso.nullable(),
      ingestedAt: iso,
    }),
    classification: z
      .object({
        modelVersion: z.string(),
        score: z.number(),
        category: z.string(),
        language: z.string().openapi({ description: 'Base language, one of the ten (e.g. "fa").' }),
        languageTag: z
          .string()
          .openapi({ description: 'BCP 47 tag with the script when unusual, e.g. "fa-Latn" (Persian in Latin letters).' }),
        signals: z.array(Signal),
        createdAt: iso,
      })
      .nullable(),
  })
  .openapi('ReviewItem');

export const StatusCounts = z
  .object(Object.fromEntries(REVIEW_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof REVIEW_STATUSES)[number], z.ZodNumber>)
  .openapi('StatusCounts');

export const ItemList = z
  .object({ items: z.array(ReviewItem), nextCursor: z.string().nullable(), counts: StatusCounts })
  .openapi('ReviewItemList');

export const Claim = z
  .object({ id: z.uuid(), holder: z.string(), leaseExpiresAt: iso, renewed: z.boolean(), item: ReviewItem })
  .openapi('Claim');

const reasonCode = z.string().regex(REASON_CODE, 'must be 2–64 lower-case letters, digits or _ (e.g. "smuggling_offer")');
const note = z.string().max(MAX_NOTE, `must be at most ${MAX_NOTE} characters`).optional();

export const DecisionBody = z
  .object({ action: z.enum(DECISION_ACTIONS), reasonCode, note })
  .strict()
  .openapi('DecisionRequest');

export const DecisionResult = z
  .object({ itemId: z.uuid(), postId: z.uuid(), decisionId: z.uuid(), status: z.enum(REVIEW_STATUSES), referQueued: z.boolean() })
  .openapi('DecisionResult');

export const BulkBody = z
  .object({
    ids: z
      .array(z.uuid({ error: 'must be a review item id (UUID)' }))
      .min(1, 'must hold at least one id')
      .max(MAX_BULK, `at most ${MAX_BULK} ids per call`),
    action: z.enum(DECISION_ACTIONS),
    reasonCode,
    note,
  })
  .strict()
  .openapi('BulkDecisionRequest');

export const BulkResult = z
  .object({
    decided: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.object({
        id: z.string(),
        ok: z.boolean(),
        status: z.enum(REVIEW_STATUSES).optional(),
        decisionId: z.string().optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .openapi('BulkDecisionResult');

export const ReverseBody = z.object({ reasonCode, note }).strict().openapi('ReverseRequest');

export const ReverseResult = z
  .object({
    itemId: z.uuid(),
    decisionId: z.uuid(),
    status: z.literal('open'),
    previousStatus: z.enum(REVIEW_STATUSES),
    referralExists: z.boolean(),
  })
  .openapi('ReverseResult');

export const UndoResult = z
  .object({
    itemId: z.uuid(),
    undoneDecisionId: z.uuid(),
    undoneAction: z.enum(DECISION_ACTIONS),
    decisionId: z.uuid().openapi({ description: 'The `reverse` decision (reason `undo`) that records the undo.' }),
    status: z.enum(REVIEW_STATUSES),
    leaseExpiresAt: iso,
    referralsCancelled: z.number().int().openapi({ description: 'Queued referrals deleted before anything was sent.' }),
  })
  .openapi('UndoResult');
