/**
 * zod schemas for `GET /v1/stats` and `/v1/stats/export`: the query (validated, with 400s naming
 * the parameter) and the answer's shape for /openapi.json. The analytics page validates its
 * filter form with the same query schema.
 */
import type { Context } from 'hono';
import { BUCKETS, MAX_RANGE_DAYS, parseDay, type StatsFilters } from '../../analytics/filters.ts';
import { STAGES } from '../../analytics/facts.ts';
import { DECISION_KINDS } from '../../analytics/stats.ts';
import { FORMATS, TABLES } from '../../analytics/tables.ts';
import type { ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { z } from '../openapi.ts';

const DAY = 86_400_000;
const DAY_MESSAGE = 'must be a date YYYY-MM-DD (UTC), e.g. 2026-07-01';
// The pattern documents the shape in /openapi.json; the refinement also refuses impossible days (2026-02-30).
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DAY_MESSAGE)
  .refine((s) => parseDay(s) !== undefined, DAY_MESSAGE)
  .openapi({ format: 'date' });

const statsFields = {
  from: day.optional().openapi({ description: 'First day included (UTC). Default: 29 days before `to`.', example: '2026-07-01' }),
  to: day.optional().openapi({ description: 'Last day included (UTC). Default: today.', example: '2026-09-30' }),
  bucket: z
    .enum(BUCKETS, { error: 'must be day or week' })
    .default('day')
    .openapi({ description: 'Series granularity: UTC days or ISO weeks (Monday).' }),
  platform: z
    .string()
    .regex(/^[a-z0-9_.-]{1,40}$/, 'must be a platform name such as "tiktok"')
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/, 'must be a language code such as "en" (or "und")')
    .optional(),
  category: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, 'must be a category such as "small_boat"')
    .optional(),
  batch: z
    .uuid({ error: 'must be an action-day batch id (a UUID, as `tidewatch action-day` prints it)' })
    .optional()
    .openapi({ description: 'Only posts referred in this action-day batch (`tidewatch action-day report <batch>` counts the same).' }),
};

/** The range checks, added after any extra fields (zod cannot extend a refined object). */
function withRangeChecks<T extends z.ZodObject<typeof statsFields>>(schema: T) {
  // zod still runs these when a field's own check failed (an impossible day is reported there), so
  // each compares only days that parse.
  const days = (q: { from?: string | undefined; to?: string | undefined }) => {
    const first = q.from === undefined ? undefined : parseDay(q.from);
    const last = q.to === undefined ? undefined : parseDay(q.to);
    return first && last ? { first, last } : undefined;
  };
  return schema
    .refine(
      (q) => {
        const d = days(q);
        return !d || d.first <= d.last;
      },
      { message: 'must not be after to', path: ['from'] },
    )
    .refine(
      (q) => {
        const d = days(q);
        return !d || (d.last.getTime() - d.first.getTime()) / DAY < MAX_RANGE_DAYS;
      },
      {
        message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
        path: ['from'],
      },
    );
}

export const StatsQuery = withRangeChecks(z.object(statsFields));
export type StatsQueryInput = z.infer<typeof StatsQuery>;

export const ExportQuery = withRangeChecks(
  z.object({
    ...statsFields,
    table: z.enum(TABLES, { error: `must be one of ${TABLES.join(', ')}` }),
    format: z.enum(FORMATS, { error: 'must be csv or json' }).default('csv'),
  }),
);

/** Thrown for a query that is well-formed but names something that does not exist. */
export const badQuery = (field: string, message: string) =>
  new ApiError(400, 'bad_request', `query ${field}: ${message}`, [{ in: 'query', field, message }]);

/** Validated query → filters; `now` decides the default range. Unknown platform → 400 naming `platform`. */
export async function toStatsFilters(c: Context<ApiEnv>, q: StatsQueryInput, now = new Date()): Promise<StatsFilters> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const last = q.to ? parseDay(q.to)! : today;
  const first = q.from ? parseDay(q.from)! : new Date(last.getTime() - 29 * DAY);
  if (first > last) throw badQuery('from', 'must not be after to');
  let platformId: number | undefined;
  if (q.platform) {
    platformId = await c.var.ctx.platforms.idOf(q.platform);
    if (platformId === undefined) {
      const known = [...(await c.var.ctx.platforms.names())].sort().join(', ');
      throw badQuery('platform', `unknown platform "${q.platform}"; known: ${known}`);
    }
  }
  return {
    from: first,
    to: new Date(last.getTime() + DAY),
    bucket: q.bucket,
    platformId,
    language: q.language,
    category: q.category,
    batchId: q.batch,
  };
}

const n = z.number().int();
const rate = z.number().nullable();
const stageCounts = Object.fromEntries(STAGES.map((s) => [s, n])) as Record<(typeof STAGES)[number], typeof n>;
const Counts = z.object({ posts: n, accounts: n, pages: n }).openapi('StatsCounts');

export const StatsBody = z
  .object({
    range: z.object({ from: z.string(), to: z.string(), days: n, bucket: z.enum(BUCKETS) }),
    empty: z.boolean().openapi({ description: 'True when nothing happened in the range: every stage is 0 and no decision was made.' }),
    counts: z.object(Object.fromEntries(STAGES.map((s) => [s, Counts])) as Record<(typeof STAGES)[number], typeof Counts>),
    removalRate: rate,
    timeToRemovalHours: z.object({ removed: n, median: rate, p90: rate }),
    automatedReferralPrecision: z.object({ candidates: n, confirmed: n, rejected: n, undecided: n, precision: rate }),
    series: z.array(
      z.object({
        bucket: z
          .string()
          .openapi({ description: 'First day of the bucket inside the range (a cut week starts on the range’s first day).' }),
        bucketEnd: z.string().openapi({ description: 'Last day of the bucket inside the range.' }),
        days: n.openapi({ description: 'Days of the bucket inside the range.' }),
        partial: z.boolean().openapi({ description: 'True when the range cuts the bucket short (a partial week).' }),
        ...stageCounts,
        removalRate: rate,
      }),
    ),
    platforms: z.array(
      z.object({ platform: z.string(), ...stageCounts, removalRate: rate, medianHoursToRemoval: rate, p90HoursToRemoval: rate }),
    ),
    languages: z.array(z.object({ language: z.string(), ...stageCounts, removalRate: rate })),
    categories: z.array(z.object({ category: z.string(), ...stageCounts, removalRate: rate })),
    timeToRemoval: z.array(z.object({ bin: z.string(), fromHours: z.number(), toHours: z.number().nullable(), removed: n })),
    reviewers: z.array(
      z.object({
        reviewer: z.string(),
        name: z.string().nullable(),
        decisions: n,
        ...Object.fromEntries(DECISION_KINDS.map((k) => [k, n])),
        perDay: z.number(),
      }),
    ),
    decisionMix: z.array(z.object({ action: z.enum(DECISION_KINDS), decisions: n, share: rate })),
  })
  .openapi('Stats');
